// Image proxy routes built on the lib/http helpers.
const lib = require('../lib/http');

exports.status = (req, res) => {
  lib.getUpstream(req.query.url, (up) => { // expect: no-unconsumed-body
    res.writeHead(up.statusCode === 200 ? 200 : 503);
    res.end();
  });
};

exports.proxy = (req, res) => {
  lib.getUpstream(req.query.url, (up) => {
    res.writeHead(up.statusCode, { 'content-type': up.headers['content-type'] });
    up.pipe(res);
  });
};

exports.health = (req, res) => lib.ping(req.query.url, (code) => res.sendStatus(code));
