// A small reverse proxy on node:http.
const http = require('http');
const { HttpsProxyAgent } = require('https-proxy-agent');

const UPSTREAM = { host: '127.0.0.1', port: 8081 };
const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function forward(req, res) {
  const proxyReq = http.request(
    {
      ...UPSTREAM,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent: false, // expect: no-disabled-keepalive
    },
    (proxyRes) => {
      res.writeHead(proxyRes.statusCode, proxyRes.headers);
      proxyRes.pipe(res);
    },
  );
  req.pipe(proxyReq);
}

function forwardPooled(req, res) {
  const proxyReq = http.request(
    { ...UPSTREAM, method: req.method, path: req.url, headers: req.headers, agent: upstreamAgent },
    (proxyRes) => {
      res.writeHead(proxyRes.statusCode, proxyRes.headers);
      proxyRes.pipe(res);
    },
  );
  req.pipe(proxyReq);
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/legacy/')) return forward(req, res);
  if (req.url.startsWith('/egress/')) {
    const agent = new HttpsProxyAgent(process.env.EGRESS_PROXY); // expect: no-client-per-request, no-disabled-keepalive
    const outbound = require('https').get(`https://partner.example.com${req.url.slice(7)}`, { agent }, (partnerRes) => {
      res.writeHead(partnerRes.statusCode, { 'content-type': partnerRes.headers['content-type'] });
      partnerRes.pipe(res);
    });
    outbound.on('error', () => res.writeHead(502).end());
    return undefined;
  }
  if (req.url === '/shutdown') {
    // a server telling its own client to close is not a request option
    res.writeHead(503, { Connection: 'close' });
    return res.end();
  }
  return forwardPooled(req, res);
});

server.listen(8080);
