'use strict';

var proto = require('./application');
var Router = require('./router');

exports = module.exports = createApplication;

function createApplication() {
  var app = function (req, res, next) {
    app.handle(req, res, next);
  };
  Object.assign(app, proto);
  app.init();
  return app;
}

exports.Router = Router;
