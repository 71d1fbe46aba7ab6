'use strict';

const Router = require('express/lib/router');

const health = new Router();

health.get('/healthz', (req, res) => res.send('ok'));

module.exports = health;
