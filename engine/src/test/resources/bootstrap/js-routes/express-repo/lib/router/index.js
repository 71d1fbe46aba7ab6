/*!
 * express
 * MIT Licensed
 */

'use strict';

var Route = require('./route');
var methods = require('methods');

/**
 * Initialize a new `Router` with the given `options`.
 */

var proto = module.exports = function(options) {
  var opts = options || {};

  function router(req, res, next) {
    router.handle(req, res, next);
  }

  Object.setPrototypeOf(router, proto)

  router.params = {};
  router.stack = [];

  return router;
};

proto.route = function route(path) {
  var route = new Route(path);
  this.stack.push(route);
  return route;
};

// create Router#VERB functions
methods.concat('all').forEach(function(method){
  proto[method] = function(path){
    var route = this.route(path)
    route[method].apply(route, Array.prototype.slice.call(arguments, 1));
    return this;
  };
});
