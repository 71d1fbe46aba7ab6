module.exports = function (app) {
  app.get('/users', function (req, res) {
    res.json([]);
  });

  app.post('/users', createUser);
};

function createUser(req, res) {
  res.status(201).end();
}
