/**
 * no-client-per-request on SDK clients built through the project's own factories and classes in
 * another module (`getStripe()` in lib/stripe.ts returning `new Stripe(key)`, Supabase's
 * `createClient()` behind `getSupabaseAdmin()`, a service class whose constructor builds an
 * aws-sdk v2 client), the `twilio(sid, token)` call form (it constructs a `Twilio` whose
 * RequestClient owns an https.Agent), the legacy `elasticsearch` package's `Client`, and a pool
 * factory that hands its agent to the SDK instance it returns (`ckb.rpc.setNode({ httpsAgent })`).
 *
 * Shared-transport SDK clients stay repeated setup (`sdkBuilderPerRequest`), reported only in
 * per-request code and only when built from request-independent values. Quiet: a memoised factory,
 * a factory fed a per-user key, a factory called at module scope or in startup code, a per-tenant
 * factory argument at the call, `@supabase/ssr`'s per-request `createServerClient()`.
 * The imported modules are written to a temp project; RuleTester lints the importing file under
 * that project's path.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
import { removeProject, writeProject } from '../support/temp-project';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const commonjs = { parser: espree as never, ecmaVersion: 2024 as const, sourceType: 'commonjs' as const };

const root = writeProject({
  'lib/stripe.ts': `import Stripe from 'stripe';
export function getStripe() {
  return new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2025-04-30.basil' });
}
`,
  'lib/stripe-memo.ts': `import Stripe from 'stripe';
let stripe: Stripe | undefined;
export function getStripe() {
  stripe ??= new Stripe(process.env.STRIPE_SECRET_KEY!);
  return stripe;
}
`,
  'lib/stripe-for.ts': `import Stripe from 'stripe';
export function stripeFor(apiKey: string) {
  return new Stripe(apiKey);
}
`,
  'lib/supabase.ts': `import { createClient } from '@supabase/supabase-js';
export const getSupabaseAdmin = () =>
  createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false },
  });
`,
  'lib/supabase-server.ts': `import { createServerClient } from '@supabase/ssr';
import { cookies } from 'next/headers';
export async function getSupabase() {
  const store = await cookies();
  return createServerClient(process.env.URL!, process.env.ANON!, { cookies: { getAll: () => store.getAll() } });
}
`,
  'lib/ckb.ts': `import CKB from '@nervosnetwork/ckb-sdk-core';
import https from 'node:https';
export const generateCKB = (url: string): CKB => {
  const ckb = new CKB(url);
  const httpsAgent = new https.Agent({ keepAlive: true });
  ckb.rpc.setNode({ url, httpsAgent });
  return ckb;
};
`,
  'lib/admin-api.ts': `import axios from 'axios';
export const adminApi = () => axios.create({ baseURL: process.env.ADMIN_API_URL, timeout: 5_000 });
export const userApi = (token: string) => axios.create({ baseURL: process.env.API_URL, headers: { authorization: token } });
`,
  'lib/agent-api.ts': `import axios from 'axios';
import https from 'node:https';
export const agentApi = () => axios.create({ baseURL: process.env.API_URL, httpsAgent: new https.Agent({ keepAlive: true }) });
`,
  'lib/dispatchers.js': `import { Agent, Pool } from 'undici';
export function dispatcherFor(origin) {
  return new Agent({ connect: { timeout: 5_000 } });
}
export function poolFor(origin) {
  return new Pool(origin);
}
`,
  'lib/twilio.js': `const twilio = require('twilio');
exports.getTwilioClient = (context) => twilio(context.ACCOUNT_SID, context.AUTH_TOKEN);
`,
  'lib/uploader.js': `const AWS = require('aws-sdk');
class Uploader {
  constructor(bucket) {
    this.bucket = bucket;
    this.s3 = new AWS.S3({ region: 'eu-west-1' });
  }
  put(key, body) {
    return this.s3.putObject({ Bucket: this.bucket, Key: key, Body: body }).promise();
  }
}
module.exports = Uploader;
`,
  ...Object.fromEntries(
    ['app/api/checkout/route.ts', 'handler.js', 'handler.ts', 'functions/send-sms.js', 'crawl.js'].map((file) => [file, '// linted from the test case\n']),
  ),
});
after(() => removeProject(root));

const at = (file: string) => path.join(root, file);
const ruleTester = new RuleTester();

ruleTester.run('no-client-per-request (SDK clients through project factories)', rule as never, {
  valid: [
    // A factory whose client depends on its argument, one per iteration, closed after its one use.
    {
      filename: at('crawl.js'),
      code: `import { poolFor } from './lib/dispatchers';
export async function pingOrigins(origins) {
  for (const origin of origins) {
    const pool = poolFor(origin);
    const { body } = await pool.request({ path: '/health', method: 'GET' });
    await body.dump();
    await pool.close();
  }
}`,
    },
    // A wrapper factory fed the caller's token: one configuration per user by design.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { userApi } from '../../../lib/admin-api';
export async function GET(req: Request) {
  const api = userApi(req.headers.get('authorization')!);
  return Response.json((await api.get('/me')).data);
}`,
    },
    // A memoised factory returns one client.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { getStripe } from '../../../lib/stripe-memo';
export async function POST(req: Request) {
  const stripe = getStripe();
  return Response.json(await stripe.checkout.sessions.create(await req.json()));
}`,
    },
    // A factory fed the caller's key: one client per key is the point.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { stripeFor } from '../../../lib/stripe-for';
export async function POST(req: Request) {
  const stripe = stripeFor(process.env.STRIPE_SECRET_KEY!);
  return Response.json(await stripe.customers.list());
}`,
    },
    // Called once at module scope.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { getStripe } from '../../../lib/stripe';
const stripe = getStripe();
export async function POST(req: Request) {
  return Response.json(await stripe.checkout.sessions.create(await req.json()));
}`,
    },
    // Startup code: one call for the life of the process.
    {
      filename: at('handler.ts'),
      code: `import { getSupabaseAdmin } from './lib/supabase';
export async function main() {
  const sb = getSupabaseAdmin();
  await sb.from('jobs').delete().lt('age', 30);
}
main();`,
    },
    // A helper that is not per request: repeated SDK setup is reported where it repeats per request only.
    {
      filename: at('handler.ts'),
      code: `import { getStripe } from './lib/stripe';
export async function refund(id: string) {
  const stripe = getStripe();
  return stripe.refunds.create({ payment_intent: id });
}`,
    },
    // @supabase/ssr's server client reads the request's cookies: per request by design.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { getSupabase } from '../../../lib/supabase-server';
export async function GET() {
  const sb = await getSupabase();
  return Response.json(await sb.from('orders').select());
}`,
    },
    // Supabase's createClient with the user's token: per request by design.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { createClient } from '@supabase/supabase-js';
export async function GET(req: Request) {
  const sb = createClient(process.env.URL!, process.env.ANON!, {
    global: { headers: { Authorization: req.headers.get('authorization')! } },
  });
  return Response.json(await sb.from('orders').select());
}`,
    },
    // A Twilio client created once.
    {
      filename: at('handler.js'),
      code: `const twilio = require('twilio');
const client = twilio(process.env.SID, process.env.TOKEN);
exports.handler = async (event) => client.messages.create({ to: event.to, from: '+1555', body: event.text });`,
      languageOptions: commonjs,
    },
    // A look-alike \`twilio\` of the project's own code.
    {
      filename: at('handler.js'),
      code: `const twilio = require('./lib/fake-twilio');
exports.handler = async (event) => twilio(event.to).send();`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { getStripe } from '../../../lib/stripe';
export async function POST(req: Request) {
  const stripe = getStripe();
  return Response.json(await stripe.checkout.sessions.create(await req.json()));
}`,
      errors: [
        {
          messageId: 'sdkBuilderPerRequest',
          line: 3,
          data: {
            client: 'getStripe()',
            sdk: 'Stripe SDK',
            built: 'new Stripe()',
            at: 'in ../../../lib/stripe.ts:3',
            where: 'in the Next.js route handler `POST`',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { getStripe } from '../../../lib/stripe';
const sharedStripe = getStripe();

export async function POST(req: Request) {
  const stripe = sharedStripe;
  return Response.json(await stripe.checkout.sessions.create(await req.json()));
}`,
            },
          ],
        },
      ],
    },
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { getSupabaseAdmin } from '../../../lib/supabase';
export async function GET() {
  const { data } = await getSupabaseAdmin().from('users').select('id');
  return Response.json(data);
}`,
      errors: [
        {
          messageId: 'sdkBuilderPerRequest',
          line: 3,
          data: {
            client: 'getSupabaseAdmin()',
            sdk: 'Supabase',
            built: 'createClient()',
            at: 'in ../../../lib/supabase.ts:3',
            where: 'in the Next.js route handler `GET`',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { getSupabaseAdmin } from '../../../lib/supabase';
const sharedSupabaseAdmin = getSupabaseAdmin();

export async function GET() {
  const { data } = await sharedSupabaseAdmin.from('users').select('id');
  return Response.json(data);
}`,
            },
          ],
        },
      ],
    },
    // Supabase's createClient itself, with static options.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { createClient } from '@supabase/supabase-js';
export async function GET() {
  const sb = createClient(process.env.URL!, process.env.SERVICE_KEY!);
  return Response.json(await sb.from('orders').select());
}`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 3,
          data: { client: 'createClient()', sdk: 'Supabase', where: 'in the Next.js route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { createClient } from '@supabase/supabase-js';
const sharedClient = createClient(process.env.URL!, process.env.SERVICE_KEY!);

export async function GET() {
  const sb = sharedClient;
  return Response.json(await sb.from('orders').select());
}`,
            },
          ],
        },
      ],
    },
    // A class of another module whose constructor builds an aws-sdk v2 client.
    {
      filename: at('handler.js'),
      code: `const Uploader = require('./lib/uploader');
exports.handler = async (event) => {
  const uploader = new Uploader('uploads');
  await uploader.put(event.key, event.body);
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'sdkBuilderPerRequest',
          line: 3,
          data: {
            client: 'new Uploader()',
            sdk: 'aws-sdk v2',
            built: 'new AWS.S3()',
            at: 'in lib/uploader.js:5',
            where: 'in the AWS Lambda handler, once per event',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `const Uploader = require('./lib/uploader');
const sharedUploader = new Uploader('uploads');

exports.handler = async (event) => {
  const uploader = sharedUploader;
  await uploader.put(event.key, event.body);
};`,
            },
          ],
        },
      ],
    },
    // Twilio Functions: a helper that calls twilio() on every invocation owns a new https.Agent each time.
    {
      filename: at('functions/send-sms.js'),
      code: `const { getTwilioClient } = require('../lib/twilio');
exports.handler = async (context, event, callback) => {
  const client = getTwilioClient(context);
  await client.messages.create({ to: event.to, from: context.FROM, body: event.body });
  callback(null, 'sent');
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'factoryPerRequest',
          line: 3,
          data: {
            client: 'getTwilioClient',
            pool: 'twilio()',
            at: 'in ../lib/twilio.js:2',
            where: 'in the AWS Lambda handler, once per event',
            advice: 'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
    {
      filename: at('handler.js'),
      code: `const twilio = require('twilio');
exports.handler = async (event) => {
  const client = twilio(process.env.SID, process.env.TOKEN);
  return client.messages.create({ to: event.to, from: '+1555', body: event.text });
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          data: {
            client: 'twilio()',
            where: 'in the AWS Lambda handler, once per event',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `const twilio = require('twilio');
const sharedTwilio = twilio(process.env.SID, process.env.TOKEN);

exports.handler = async (event) => {
  const client = sharedTwilio;
  return client.messages.create({ to: event.to, from: '+1555', body: event.text });
};`,
            },
          ],
        },
      ],
    },
    // A factory that ignores its argument: every iteration builds the same client.
    {
      filename: at('crawl.js'),
      code: `import { request } from 'undici';
import { dispatcherFor } from './lib/dispatchers';
export async function crawl(urls) {
  for (const u of urls) {
    const { body } = await request(u, { dispatcher: dispatcherFor(u) });
    await body.text();
  }
}`,
      errors: [
        {
          messageId: 'factoryPerRequest',
          line: 5,
          data: {
            client: 'dispatcherFor',
            pool: 'new Agent()',
            at: 'in lib/dispatchers.js:3',
            where: 'inside a loop, on every iteration',
            advice: 'It builds the same client whatever it is passed: call it once, outside the loop or at module scope, and reuse the result.',
          },
        },
      ],
    },
    // A factory whose client depends on its argument, one per iteration, used once and left open:
    // every URL pays a new pool and handshake, even for an origin seen before.
    {
      filename: at('crawl.js'),
      code: `import { poolFor } from './lib/dispatchers';
export async function crawl(urls) {
  for (const u of urls) {
    const pool = poolFor(new URL(u).origin);
    const { body } = await pool.request({ path: new URL(u).pathname, method: 'GET' });
    await body.text();
  }
}`,
      errors: [
        {
          messageId: 'factoryPerRequest',
          line: 4,
          data: {
            client: 'poolFor',
            pool: 'new Pool()',
            at: 'in lib/dispatchers.js:6',
            where: 'in `crawl()` on every iteration of a loop, which uses each one for one call and then drops it',
            advice: 'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
    // A thin-wrapper factory of another module: repeated configuration, not connections.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { adminApi } from '../../../lib/admin-api';
export async function GET() {
  const { data } = await adminApi().get('/orders');
  return Response.json(data);
}`,
      errors: [
        {
          messageId: 'wrapperBuilderPerRequest',
          line: 3,
          data: {
            client: 'adminApi()',
            built: 'axios.create()',
            at: 'in ../../../lib/admin-api.ts:2',
            where: 'in the Next.js route handler `GET`',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { adminApi } from '../../../lib/admin-api';
const sharedAdminApi = adminApi();

export async function GET() {
  const { data } = await sharedAdminApi.get('/orders');
  return Response.json(data);
}`,
            },
          ],
        },
      ],
    },
    // The same wrapper given a new agent: the pool is what is reported.
    {
      filename: at('app/api/checkout/route.ts'),
      code: `import { agentApi } from '../../../lib/agent-api';
export async function GET() {
  const { data } = await agentApi().get('/orders');
  return Response.json(data);
}`,
      errors: [
        {
          messageId: 'factoryPerRequest',
          line: 3,
          data: {
            client: 'agentApi',
            pool: 'new https.Agent()',
            at: 'in ../../../lib/agent-api.ts:3',
            where: 'in the Next.js route handler `GET`',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { agentApi } from '../../../lib/agent-api';
const sharedAgentApi = agentApi();

export async function GET() {
  const { data } = await sharedAgentApi.get('/orders');
  return Response.json(data);
}`,
            },
          ],
        },
      ],
    },
    // A factory that hands a new agent to the SDK instance it builds and returns.
    {
      filename: at('handler.ts'),
      code: `import { generateCKB } from './lib/ckb';
export function startSyncTip(url: string) {
  setInterval(async () => {
    const ckb = generateCKB(url);
    await ckb.rpc.getTipBlockNumber();
  }, 5000);
}`,
      errors: [
        {
          messageId: 'factoryPerRequest',
          line: 4,
          data: {
            client: 'generateCKB',
            pool: 'new https.Agent()',
            at: 'in lib/ckb.ts:5',
            where: 'in the `setInterval()` callback, once per tick',
            advice: 'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
    // The legacy \`elasticsearch\` package: each client builds its own agents.
    {
      filename: at('handler.js'),
      code: `const elasticsearch = require('elasticsearch');
module.exports = function search(req, res) {
  const client = new elasticsearch.Client({ host: process.env.ELASTICSEARCH_URL });
  client.search({ index: 'packages', q: req.query.q }).then((hits) => res.json(hits));
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          data: {
            client: 'new elasticsearch.Client()',
            where: "in `search()`, which uses it for one call and then drops it",
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `const elasticsearch = require('elasticsearch');
const sharedElasticsearchClient = new elasticsearch.Client({ host: process.env.ELASTICSEARCH_URL });

module.exports = function search(req, res) {
  const client = sharedElasticsearchClient;
  client.search({ index: 'packages', q: req.query.q }).then((hits) => res.json(hits));
};`,
            },
          ],
        },
      ],
    },
  ],
});
