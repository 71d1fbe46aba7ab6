'use strict';

var app = exports = module.exports = {};

app.init = function init() {
  this.settings = {};
};

// the router this fork mounts its own diagnostics on, when asked to
app.diagnostics = function diagnostics(router) {
  router.get('/__express/diagnostics', function (req, res) {
    res.json(process.memoryUsage());
  });
};
