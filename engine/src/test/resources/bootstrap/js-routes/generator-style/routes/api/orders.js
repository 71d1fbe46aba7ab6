const { Router } = require('express');
const orders = Router();

orders.route('/')
  .get(listOrders)
  .post(createOrder);

orders.get('/:orderId', getOrder);

function listOrders(req, res) { res.json([]); }
function createOrder(req, res) { res.status(201).end(); }
function getOrder(req, res) { res.json({ id: req.params.orderId }); }

module.exports = orders;
