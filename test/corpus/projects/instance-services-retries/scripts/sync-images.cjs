const fs = require('fs');
const path = require('path');
const { get } = require('./http-get.cjs');

function download(url, dir, done) {
  const out = fs.createWriteStream(path.join(dir, path.basename(url)));
  get(url, (res) => { // expect: no-unconsumed-body
    if (res.statusCode !== 200) return done(new Error(`HTTP ${res.statusCode} for ${url}`));
    res.pipe(out);
    out.on('finish', () => done(null));
  }).on('error', done);
}

function downloadSafely(url, dir, done) {
  get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return done(new Error(`HTTP ${res.statusCode} for ${url}`));
    }
    const out = fs.createWriteStream(path.join(dir, path.basename(url)));
    res.pipe(out);
    out.on('finish', () => done(null));
  }).on('error', done);
}

module.exports = { download, downloadSafely };
