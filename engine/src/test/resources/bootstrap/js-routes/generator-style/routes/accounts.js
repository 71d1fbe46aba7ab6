var express = require('express');
var router = express.Router();
var accounts = require('../controllers/accounts');

router.get('/', accounts.index);
router.get('/:accountId', accounts.show);
router.post('/:accountId/close', accounts.requireOwner, accounts.close);

module.exports = router;
