'use strict';
const express = require('express');
const https = require('node:https');
const { getAgent, makeAgent } = require('../utils/agent');

const CATALOG = 'https://catalog.internal.example.com';
const router = express.Router();

router.get('/products/:id', (req, res, next) => {
  const agent = makeAgent(); // expect: no-client-per-request
  https
    .get(`${CATALOG}/products/${encodeURIComponent(req.params.id)}`, { agent }, (product) => {
      res.status(product.statusCode ?? 502).type('json');
      product.pipe(res);
    })
    .on('error', next);
});

router.get('/products/:id/stock', (req, res, next) => {
  https
    .get(`${CATALOG}/stock/${encodeURIComponent(req.params.id)}`, { agent: getAgent() }, (stock) => {
      res.status(stock.statusCode ?? 502).type('json');
      stock.pipe(res);
    })
    .on('error', next);
});

module.exports = router;
