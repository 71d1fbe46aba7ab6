/*!
 * express
 * MIT Licensed
 */

'use strict';

var methods = require('methods');
var Router = require('./router');
var slice = Array.prototype.slice;

/**
 * Application prototype.
 */

var app = exports = module.exports = {};

app.init = function init() {
  this.settings = {};
  this.defaultConfiguration();
};

app.lazyrouter = function lazyrouter() {
  if (!this._router) {
    this._router = new Router({
      caseSensitive: this.enabled('case sensitive routing'),
      strict: this.enabled('strict routing')
    });
  }
};

/**
 * Proxy `Router#use()` to add middleware to the app router.
 */

app.use = function use(fn) {
  var path = '/';
  this.lazyrouter();
  var router = this._router;
  router.use(path, fn);
  return this;
};

app.route = function route(path) {
  this.lazyrouter();
  return this._router.route(path);
};

/**
 * Delegate `.VERB(...)` calls to `router.VERB(...)`.
 */

methods.forEach(function(method){
  app[method] = function(path){
    if (method === 'get' && arguments.length === 1) {
      // app.get(setting)
      return this.set(path);
    }

    this.lazyrouter();

    var route = this._router.route(path);
    route[method].apply(route, slice.call(arguments, 1));
    return this;
  };
});

app.all = function all(path) {
  this.lazyrouter();

  var route = this._router.route(path);
  var args = slice.call(arguments, 1);

  for (var i = 0; i < methods.length; i++) {
    route[methods[i]].apply(route, args);
  }

  return this;
};

// the setting helpers look like routes to a reader in a hurry
app.get('env');
