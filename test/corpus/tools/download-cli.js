#!/usr/bin/env node
// Downloads release assets listed in a manifest.
const https = require('https');
const fs = require('fs');
const path = require('path');

let agent;

function download(url, target) {
  return new Promise((resolve, reject) => {
    https
      .get(url, { agent }, (res) => { // expect: no-unconsumed-body
        if (res.statusCode !== 200) {
          reject(new Error(`${url}: HTTP ${res.statusCode}`));
          return;
        }
        const file = fs.createWriteStream(target);
        res.pipe(file);
        file.on('finish', () => file.close(resolve));
      })
      .on('error', reject);
  });
}

function downloadFollowingRedirects(url, target) {
  return new Promise((resolve, reject) => {
    https.get(url, { agent }, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        res.resume();
        resolve(downloadFollowingRedirects(res.headers.location, target));
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`${url}: HTTP ${res.statusCode}`));
        return;
      }
      res.pipe(fs.createWriteStream(target)).on('finish', resolve);
    }).on('error', reject);
  });
}

async function main() {
  agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  for (const asset of manifest.assets) {
    const target = path.join(process.argv[3] ?? '.', asset.name);
    if (asset.followRedirects) await downloadFollowingRedirects(asset.url, target);
    else await download(asset.url, target);
  }
  agent.destroy();
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
