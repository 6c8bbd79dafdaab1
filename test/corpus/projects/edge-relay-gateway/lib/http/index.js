// The package's front door: everything from ./get plus a ping helper.
module.exports = {
  ...require('./get'),
  ping(url, done) {
    require('./get').getUpstream(url, (res) => {
      res.resume();
      done(res.statusCode);
    });
  },
};
