'use strict'

/**
 * Module dependencies.
 */

var express = require('../..');
var logger = require('morgan');
var path = require('node:path');
var app = express();

// log requests
app.use(logger('dev'));

// express on its own has no notion
// of a "file". The express.static()
// middleware checks for a file matching
// the `req.path` within the directory
// that you pass it.

app.use(express.static(path.join(__dirname, 'public')));

// "/static/js/app.js" and "/static/css/style.css" are served from public/

app.use('/static', express.static(path.join(__dirname, 'public')));

/* istanbul ignore next */
if (!module.parent) {
  app.listen(3000);
  console.log('Express started on port 3000');
}
