'use strict'

var express = require('../');
var request = require('supertest');

describe('app.router', function(){
  it('should route GET', function(done){
    var app = express();
    app.get('/from-a-test', function(req, res){ res.end('tobi'); });
    request(app).get('/from-a-test').expect(200, done);
  })
})
