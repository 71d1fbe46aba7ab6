/*!
 * express
 * MIT Licensed
 */

'use strict';

module.exports = require('./lib/express');
