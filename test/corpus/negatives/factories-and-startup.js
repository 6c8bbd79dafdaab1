const express = require('express');
const https = require('https');
const { Agent, ProxyAgent } = require('undici');
const Stripe = require('stripe');
const OpenAI = require('openai');

// a factory hands the client to its caller
function createHttpsAgent(options) {
  return new https.Agent({ keepAlive: true, ...options });
}

function createDispatcher() {
  const dispatcher = process.env.HTTPS_PROXY
    ? new ProxyAgent(process.env.HTTPS_PROXY)
    : new Agent({ connections: 32 });
  return dispatcher;
}

class PaymentsClient {
  agent = new https.Agent({ keepAlive: true, maxSockets: 10 });

  constructor(apiKey, dispatcher = new Agent({ connections: 4 })) {
    this.apiKey = apiKey;
    this.dispatcher = dispatcher;
  }
}

function createApp() {
  const app = express();
  const dispatcher = createDispatcher();
  const upstreamAgent = new https.Agent({ keepAlive: true });
  const payments = new PaymentsClient(process.env.PAYMENTS_KEY);

  app.get('/charge/:id', async (req, res) => {
    // An SDK object that shares a module-level keep-alive agent: not a pool of its own, but built
    // per request from the same key it repeats client setup (reported as such, like aws-sdk v2)
    const stripe = new Stripe(process.env.STRIPE_KEY); // expect: no-client-per-request
    const charge = await stripe.charges.retrieve(req.params.id);
    res.json(charge);
  });

  app.post('/summarise', async (req, res) => {
    const openai = new OpenAI({ apiKey: req.get('x-openai-key') });
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
    res.json(completion);
  });

  app.get('/upstream', (req, res) => {
    https.get('https://upstream.example.com/', { agent: upstreamAgent }, (upstream) => upstream.pipe(res));
  });

  app.get('/proxy', async (req, res) => {
    const upstream = await fetch('https://proxy.example.com/', { dispatcher });
    res.status(upstream.status).send(await upstream.text());
  });

  app.locals.payments = payments;
  return app;
}

module.exports = { createApp, createHttpsAgent };

if (require.main === module) {
  createApp().listen(3000);
}
