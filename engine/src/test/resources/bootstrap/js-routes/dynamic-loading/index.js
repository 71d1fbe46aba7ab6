'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
const routesDir = path.join(__dirname, 'routes');

// every file in routes/ registers itself on the app
fs.readdirSync(routesDir).forEach((file) => {
  require(path.join(routesDir, file))(app);
});

app.listen(3000);
