'use strict';

var methods = require('methods');

module.exports = Route;

function Route(path) {
  this.path = path;
  this.stack = [];
  this.methods = {};
}

methods.forEach(function(method){
  Route.prototype[method] = function(){
    this.methods[method] = true;
    return this;
  };
});
