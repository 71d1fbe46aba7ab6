var express = require('express');
var router = express.Router();

/* GET home page. */
router.get('/', function(req, res, next) {
  res.render('index', { title: 'Shop' });
});

router.get('/about', function about(req, res) {
  res.render('about');
});

module.exports = router;
