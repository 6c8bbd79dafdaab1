// An API gateway in front of three upstreams, on http-proxy and http-proxy-middleware.
import http from 'node:http';
import https from 'node:https';
import express from 'express';
import httpProxy from 'http-proxy';
import { createProxyMiddleware } from 'http-proxy-middleware';

const upstreamAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

// No agent: http-proxy proxies each request with agent: false and Connection: close.
const billing = httpProxy.createProxyServer({ target: 'https://billing.internal', changeOrigin: true }); // expect: no-disabled-keepalive
billing.on('error', (err, _req, res) => {
  console.error('billing proxy', err);
  (res as http.ServerResponse).writeHead(502).end();
});

// A shared keep-alive agent: connections to the target are reused.
const catalog = httpProxy.createProxyServer({ target: 'https://catalog.internal', agent: upstreamAgent });

// The agent comes with each call.
const tenants = httpProxy.createProxyServer({ changeOrigin: true });

const app = express();
app.use('/billing', (req, res) => billing.web(req, res));
app.use('/catalog', (req, res) => catalog.web(req, res));
app.use('/tenants/:id', (req, res) => tenants.web(req, res, { target: `https://${req.params.id}.tenants.internal`, agent: upstreamAgent }));
app.use('/search', createProxyMiddleware({ target: 'https://search.internal', changeOrigin: true })); // expect: no-disabled-keepalive
app.use('/media', createProxyMiddleware({ target: 'https://media.internal', changeOrigin: true, agent: upstreamAgent }));

http.createServer(app).listen(8080);
