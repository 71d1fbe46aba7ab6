'use strict';

// not what the directory resolves to: package.json's "main" comes first
const express = require('express');

const decoy = express.Router();

decoy.get('/decoy', (req, res) => res.send('never mounted'));

module.exports = decoy;
