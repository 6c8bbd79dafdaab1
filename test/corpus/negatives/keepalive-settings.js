// Agents whose keep-alive setting is on or decided elsewhere.
const http = require('http');
const https = require('https');
const { Pool } = require('undici');
const config = require('./config');

const defaults = { keepAlive: true, keepAliveMsecs: 10_000 };

module.exports = {
  api: new https.Agent({ keepAlive: true, maxSockets: 100 }),
  internal: new http.Agent({ ...defaults, maxSockets: 20 }),
  configured: new https.Agent(config.agentOptions),
  toggled: new https.Agent({ keepAlive: config.keepAlive, timeout: 30_000 }),
  pool: new Pool('https://api.example.com', { pipelining: config.pipelining ?? 1 }),
  pipelined: new Pool('https://bulk.example.com', { pipelining: 8 }),
};

// A CONNECT tunnel hands its socket to the caller: no pool could reuse it.
function openTunnel(proxy, target) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: proxy.host, port: proxy.port, method: 'CONNECT', path: target, agent: false });
    req.once('connect', (_connectResponse, socket) => resolve(socket));
    req.once('error', reject);
    req.end();
  });
}

module.exports.openTunnel = openTunnel;
