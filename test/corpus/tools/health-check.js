// Health probes for a deploy script.
const http = require('http');
const https = require('https');

const TARGETS = [
  { host: 'api.internal', port: 8080, path: '/healthz' },
  { host: 'web.internal', port: 8443, path: '/healthz', tls: true },
];

function probe(target) {
  const mod = target.tls ? https : http;
  return new Promise((resolve) => {
    const req = mod.request(
      { host: target.host, port: target.port, path: target.path, method: 'GET', agent: false }, // expect: no-disabled-keepalive
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', () => resolve(false));
    req.setTimeout(2_000, () => req.destroy());
    req.end();
  });
}

function warmCache(target) {
  // fire and forget: with no callback Node discards the response itself
  http.get({ host: target.host, port: target.port, path: '/warm' });
}

async function checkAll() {
  const results = await Promise.all(TARGETS.map(probe));
  TARGETS.forEach(warmCache);
  return results.every(Boolean);
}

checkAll().then((ok) => process.exit(ok ? 0 : 1));
