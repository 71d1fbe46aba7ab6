'use strict';

const { Router } = require('express');
const orders = require('./orders');

const router = Router();

router.get('/status', (req, res) => res.json({ ok: true }));
router.use('/orders', orders);

module.exports = router;
