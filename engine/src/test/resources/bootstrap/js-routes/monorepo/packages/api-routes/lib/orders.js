'use strict';

const express = require('express');

const orders = express.Router();

orders.get('/', function listOrders(req, res) {
  res.json([]);
});

orders.post('/:orderId/cancel', function cancelOrder(req, res) {
  res.status(202).end();
});

module.exports = orders;
