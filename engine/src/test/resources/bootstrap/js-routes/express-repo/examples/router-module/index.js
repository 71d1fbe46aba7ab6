'use strict'

// Express 4's router module, required by path as the examples of that era did

var express = require('../../lib/express');
var Router = require('../../lib/router');

var app = module.exports = express();
var books = new Router();
var authors = Router({ mergeParams: true });

books.get('/', function listBooks(req, res){
  res.send('books');
});

books.route('/:isbn')
  .get(function(req, res){ res.send('book ' + req.params.isbn); })
  .put(function(req, res){ res.send('updated'); });

authors.get('/', function(req, res){
  res.send('authors of ' + req.params.isbn);
});

books.use('/:isbn/authors', authors);
app.use('/books', books);
