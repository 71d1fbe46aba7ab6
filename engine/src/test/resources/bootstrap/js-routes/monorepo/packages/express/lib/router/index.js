'use strict';

module.exports = function Router(options) {
  function router(req, res, next) {
    router.handle(req, res, next);
  }
  router.stack = [];
  return router;
};
