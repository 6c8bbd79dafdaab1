'use strict';
const https = require('node:https');
const nsq = require('nsqjs');
const { makeAgent } = require('../utils/agent');

const reader = new nsq.Reader('prices', 'pricing-forwarder', {
  lookupdHTTPAddresses: ['127.0.0.1:4161'],
  maxInFlight: 16,
});

reader.on('message', (msg) => {
  const agent = makeAgent({ maxSockets: 4 }); // expect: no-client-per-request
  const req = https.request(
    'https://pricing.example.com/ingest',
    { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
    (res) => {
      res.resume();
      if (res.statusCode >= 500) msg.requeue(5_000);
      else msg.finish();
    },
  );
  req.on('error', () => msg.requeue(5_000));
  req.end(msg.body);
});

reader.on('error', (err) => console.error('nsq reader error', err));
reader.connect();
