const store = new Map();

module.exports = {
  get(key, callback) {
    callback(null, store.get(key));
  },
};
