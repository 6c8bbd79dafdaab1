// A client library written for Node 8 and never revisited.
const http = require('http');
const https = require('https');
const axios = require('axios');
const superagent = require('superagent');
const { URL } = require('url');

const plainAgent = new http.Agent({ keepAlive: false, maxSockets: 10 }); // expect: no-disabled-keepalive
const tlsAgent = new https.Agent({ // expect: no-disabled-keepalive
  maxSockets: 10,
  ca: process.env.LEGACY_CA,
});

function send(method, url, payload) {
  const target = new URL(url);
  const mod = target.protocol === 'https:' ? https : http;
  const body = payload ? JSON.stringify(payload) : undefined;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      {
        method,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        agent: target.protocol === 'https:' ? tlsAgent : plainAgent,
        headers: {
          'Content-Type': 'application/json',
          Connection: 'close', // expect: no-disabled-keepalive
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const legacyApi = axios.create({
  baseURL: 'https://legacy.example.com',
  headers: { 'connection': 'close', 'x-client': 'legacy' }, // expect: no-disabled-keepalive
});

async function report(event) {
  await superagent
    .post('https://metrics.example.com/events')
    .set('Content-Type', 'application/json')
    .set('Connection', 'close') // expect: no-disabled-keepalive
    .send(event);
}

async function legacyStatus() {
  const { data } = await legacyApi.get('/status', { headers: { Connection: 'keep-alive' } });
  return data;
}

function ping(host) {
  return new Promise((resolve) => {
    const req = http.request({ host, path: '/ping', agent: plainAgent }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.setHeader('Connection', 'close'); // expect: no-disabled-keepalive
    req.on('error', () => resolve(false));
    req.end();
  });
}

const statusServer = http.createServer((req, res) => {
  // server side: telling the caller this connection ends here is not a client setting
  res.setHeader('Connection', 'close');
  res.end('ok');
});

module.exports = { send, report, legacyStatus, ping, statusServer };
