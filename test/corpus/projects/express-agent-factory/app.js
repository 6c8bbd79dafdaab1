'use strict';
const express = require('express');
const https = require('node:https');
const catalog = require('./routes/catalog');
const { makeAgent } = require('./utils/agent');

// built once at start-up: every health probe shares it
const healthAgent = makeAgent({ maxSockets: 2 });

const app = express();
app.use('/catalog', catalog);

app.get('/healthz', (req, res) => {
  https
    .get('https://catalog.internal.example.com/healthz', { agent: healthAgent }, (upstream) => {
      upstream.resume();
      res.sendStatus(upstream.statusCode === 200 ? 200 : 503);
    })
    .on('error', () => res.sendStatus(503));
});

app.listen(Number(process.env.PORT) || 8080);
