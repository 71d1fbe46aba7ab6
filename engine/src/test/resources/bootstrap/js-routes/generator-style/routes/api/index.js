const router = require('express').Router();

router.use('/orders', require('./orders'));
router.use('/v2/orders', require('./orders'));

module.exports = router;
