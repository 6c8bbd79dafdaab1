/**
 * no-client-per-request and API SDKs that share one transport per process (Stripe's module-level
 * keep-alive agents, OpenAI and Anthropic over the global fetch): a client built per request opens
 * no connection of its own, so it is reported as repeated setup (`sdkClientPerRequest`), and only in
 * per-request code with options that do not depend on the request — a per-user API key is meant
 * to be per request.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

const ruleTester = new RuleTester();
const hoist = (output: string) => [{ messageId: 'hoistToModuleScope' as const, output }];
const commonjs = { parser: espree as never, ecmaVersion: 2024 as const, sourceType: 'commonjs' as const };

ruleTester.run('no-client-per-request (API SDKs over a shared transport)', rule as never, {
  valid: [
    // Built once at module scope.
    `import Stripe from 'stripe';
import express from 'express';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const app = express();
app.post('/checkout', async (req, res) => {
  res.json(await stripe.checkout.sessions.create({ mode: 'payment', line_items: req.body.items }));
});`,
    // A per-user key: one client per request is the point.
    `import OpenAI from 'openai';
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const openai = new OpenAI({ apiKey: req.user.openAiKey });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages }));
});`,
    // A per-user key through a local const: still request data.
    `import Stripe from 'stripe';
import express from 'express';
const app = express();
app.post('/connect', async (req, res) => {
  const key = req.user.stripeKey;
  const stripe = new Stripe(key);
  res.json(await stripe.accounts.retrieve());
});`,
    // A key read by a call (a secret store, a request-scoped lookup) each time.
    `import Stripe from 'stripe';
import express from 'express';
import { readSecret } from './secrets';
const app = express();
app.post('/pay', async (req, res) => {
  const key = await readSecret('stripe');
  const stripe = new Stripe(key);
  res.json(await stripe.paymentIntents.create({ amount: req.body.amount, currency: 'eur' }));
});`,
    // Memoised.
    `import Anthropic from '@anthropic-ai/sdk';
let client;
export async function handler(event) {
  client ??= new Anthropic();
  return client.messages.create({ model: 'claude', max_tokens: 64, messages: event.messages });
}`,
    // A look-alike class of another package.
    `import { OpenAI } from './my-openai';
export async function handler(event) {
  const openai = new OpenAI();
  return openai.ask(event.q);
}`,
    // Startup code.
    `import Stripe from 'stripe';
export function main() {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return stripe;
}`,
  ],
  invalid: [
    {
      // The key in a local const read from the environment: the same on every request. The
      // construction reads a local, so it cannot move to module scope as written: no suggestion.
      code: `import Stripe from 'stripe';
import express from 'express';
const app = express();
app.post('/pay', async (req, res) => {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is missing');
  const stripe = new Stripe(key, { apiVersion: '2024-06-20' });
  res.json(await stripe.paymentIntents.create({ amount: req.body.amount, currency: 'eur' }));
});`,
      errors: [{ messageId: 'sdkClientPerRequest', line: 7, suggestions: [] }],
    },
    {
      code: `import OpenAI from 'openai';
import express from 'express';
const app = express();
app.post('/chat', async (req, res) => {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages }));
});`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 5,
          data: { client: 'new OpenAI()', sdk: 'OpenAI SDK', where: 'in the request handler registered with `app.post()`' },
          suggestions: hoist(`import OpenAI from 'openai';
import express from 'express';
const sharedOpenAI = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const app = express();
app.post('/chat', async (req, res) => {
  const openai = sharedOpenAI;
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages }));
});`),
        },
      ],
    },
    {
      code: `const Stripe = require('stripe');
exports.handler = async (event) => {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return stripe.paymentIntents.retrieve(event.id);
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 3,
          data: { client: 'new Stripe()', sdk: 'Stripe SDK', where: 'in the AWS Lambda handler, once per event' },
          suggestions: hoist(`const Stripe = require('stripe');
const sharedStripe = new Stripe(process.env.STRIPE_SECRET_KEY);

exports.handler = async (event) => {
  const stripe = sharedStripe;
  return stripe.paymentIntents.retrieve(event.id);
};`),
        },
      ],
    },
    {
      code: `import Anthropic from '@anthropic-ai/sdk';
export async function handler(event) {
  const anthropic = new Anthropic();
  return anthropic.messages.create({ model: 'claude', max_tokens: 64, messages: event.messages });
}`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 3,
          data: { client: 'new Anthropic()', sdk: 'Anthropic SDK', where: 'in the AWS Lambda handler, once per event' },
          suggestions: hoist(`import Anthropic from '@anthropic-ai/sdk';
const sharedAnthropic = new Anthropic();

export async function handler(event) {
  const anthropic = sharedAnthropic;
  return anthropic.messages.create({ model: 'claude', max_tokens: 64, messages: event.messages });
}`),
        },
      ],
    },
  ],
});
