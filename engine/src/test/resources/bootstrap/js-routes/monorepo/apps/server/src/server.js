'use strict';

const express = require('express');
const apiRoutes = require('@acme/api-routes');
const { router: billing } = require('@acme/billing');
const billingAdmin = require('@acme/billing/admin').default;
const health = require('./plugins/health');

const app = express();

app.use(express.json());
app.use('/api', apiRoutes);
app.use('/billing', billing);
app.use('/admin/billing', billingAdmin);
app.use(health);

// an HTTP client of the same name must not count
const api = require('axios').create({ baseURL: 'https://payments.example.com' });
api.get('/v1/balance', { timeout: 500 });

app.listen(process.env.PORT || 8080);
