'use strict';

/**
 * Initialization middleware, exposing the request and response to each other
 * (the parameter is named `app`, and `app.get` here reads a setting).
 */

exports.init = function(app){
  return function expressInit(req, res, next){
    if (app.enabled('x-powered-by')) res.setHeader('X-Powered-By', 'Express');
    app.get('/etag fn', req, res);
    next();
  };
};
