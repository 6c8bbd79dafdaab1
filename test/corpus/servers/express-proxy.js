const express = require('express');
const https = require('https');
const { Client } = require('undici');
const asyncHandler = require('express-async-handler');
const fetch = require('node-fetch');

const app = express();
const inventoryAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

app.use(express.json());

app.get('/products/:id', async (req, res, next) => {
  try {
    const agent = new https.Agent({ keepAlive: true }); // expect: no-client-per-request
    const upstream = await fetch(`https://catalog.example.com/products/${req.params.id}`, { agent });
    const product = await upstream.json();
    res.json(product);
  } catch (error) {
    next(error);
  }
});

app.post(
  '/orders',
  asyncHandler(async (req, res) => {
    const client = new Client('https://orders.example.com'); // expect: no-client-per-request
    const { statusCode, body } = await client.request({
      path: '/orders',
      method: 'POST',
      body: JSON.stringify(req.body),
      headers: { 'content-type': 'application/json' },
    });
    res.status(statusCode).json(await body.json());
  }),
);

app.get('/stock/:sku', async (req, res) => {
  const upstream = await fetch(`https://inventory.example.com/stock/${req.params.sku}`); // expect: no-unconsumed-body
  // only the status is forwarded; the body is never read
  res.sendStatus(upstream.status);
});

app.get('/healthz', (req, res) => {
  https.get('https://inventory.example.com/ping', { agent: inventoryAgent }, (ping) => {
    ping.resume();
    res.status(ping.statusCode === 200 ? 200 : 503).end();
  });
});

module.exports = app;
