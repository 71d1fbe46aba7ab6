const cache = require('../lib/cache');

module.exports = (server) => {
  server.get('/reports/:id', (req, res) => {
    // cache.get with two arguments is a cache read, not a route
    cache.get('report:' + req.params.id, (err, report) => res.json(report));
  });
};
