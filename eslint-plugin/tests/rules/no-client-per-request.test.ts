import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleTester } from '../support/rule-tester';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
/** Plain JavaScript through ESLint's default parser, as CommonJS. */
const commonjs = { parser: espree as never, sourceType: 'commonjs' as const, ecmaVersion: 2024 as const };
/** Plain JavaScript through ESLint's default parser, as an ES module. */
const esm = { parser: espree as never, sourceType: 'module' as const, ecmaVersion: 2024 as const };

const hoist = (output: string) => [{ messageId: 'hoistToModuleScope' as const, output }];

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils,
// whose RuleModule type differs nominally from the plugin's copy.
ruleTester.run('no-client-per-request', rule as never, {
  valid: [
    // A singleton getter that returns early once the client exists.
    `import { Client } from '@elastic/elasticsearch';
import express from 'express';
let client: Client | null = null;
function getClient() {
  if (client) return client;
  client = new Client({ node: process.env.ES_URL });
  return client;
}
const app = express();
app.get('/search', async (req, res) => {
  res.json(await getClient().search({ q: String(req.query.q) }));
});`,
    // Module scope: built once, shared by every request.
    `import https from 'node:https';
import express from 'express';
const agent = new https.Agent({ keepAlive: true });
const app = express();
app.get('/users', (req, res) => {
  https.get('https://api.example.com/users', { agent }, (upstream) => upstream.pipe(res));
});`,
    {
      code: `const { Agent, request } = require('undici');
const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
module.exports = async function handler(event) {
  const { body } = await request(event.url, { dispatcher });
  return body.json();
};`,
      languageOptions: commonjs,
    },
    // Lazy memoisation in every spelling.
    `import { Agent, request } from 'undici';
let dispatcher: Agent | undefined;
export async function get(url: string) {
  dispatcher ??= new Agent();
  return request(url, { dispatcher });
}`,
    `import { Pool } from 'undici';
let pool: Pool | undefined;
export function getPool() {
  pool ||= new Pool('https://api.example.com');
  return pool;
}`,
    `import https from 'https';
let agent: https.Agent | undefined;
export function send(body: string) {
  if (!agent) agent = new https.Agent({ keepAlive: true });
  return https.request('https://sink.example.com', { agent, method: 'POST' }).end(body);
}`,
    `import https from 'https';
let agent: https.Agent | undefined;
export function send(body: string) {
  agent = agent ?? new https.Agent({ keepAlive: true });
  return https.request('https://sink.example.com', { agent, method: 'POST' }).end(body);
}`,
    `import { Pool } from 'undici';
export class Upstream {
  private pool?: Pool;
  constructor(private readonly origin: string) {}
  async fetch(path: string) {
    if (!this.pool) {
      this.pool = new Pool(this.origin);
    }
    return this.pool.request({ path, method: 'GET' });
  }
  get client() {
    return (this.pool ??= new Pool(this.origin));
  }
}`,
    // Keyed caches, in a request handler.
    `import express from 'express';
import { Agent, request } from 'undici';
const agents = new Map<string, Agent>();
const app = express();
app.get('/proxy/:tenant', async (req, res) => {
  const dispatcher = agents.get(req.params.tenant) ?? agents.set(req.params.tenant, new Agent({ connect: { servername: req.params.tenant } })).get(req.params.tenant)!;
  const { body } = await request(req.query.url as string, { dispatcher });
  body.pipe(res);
});`,
    `import express from 'express';
import https from 'node:https';
const agents = new Map();
const app = express();
app.get('/tenant/:id', (req, res) => {
  let agent = agents.get(req.params.id);
  if (!agent) {
    agent = new https.Agent({ keepAlive: true, cert: req.tenant.cert });
    agents.set(req.params.id, agent);
  }
  https.get(req.query.url, { agent }, (upstream) => upstream.pipe(res));
});`,
    `import https from 'node:https';
const cache = {};
export function agentFor(host) {
  if (!(host in cache)) cache[host] = new https.Agent({ keepAlive: true, servername: host });
  return cache[host];
}`,
    `import express from 'express';
import https from 'node:https';
const agents = new Map();
const app = express();
app.get('/x', (req, res) => {
  if (!agents.has(req.hostname)) agents.set(req.hostname, new https.Agent({ keepAlive: true }));
  https.get('https://x.example.com', { agent: agents.get(req.hostname) }, (r) => r.pipe(res));
});`,
    // Factories that return the client, and what is done with their result.
    `import { S3Client } from '@aws-sdk/client-s3';
export function createS3(region: string) {
  return new S3Client({ region });
}`,
    `import { Pool } from 'undici';
function makePool(origin: string) {
  return new Pool(origin, { connections: 16 });
}
const pool = makePool('https://api.example.com');
export const get = (path: string) => pool.request({ path, method: 'GET' });`,
    `import https from 'node:https';
export function createTransport(options: { ca: string }) {
  const agent = new https.Agent({ keepAlive: true, ca: options.ca });
  return { agent, close: () => agent.destroy() };
}`,
    // Stored on the instance by constructors, fields and parameter defaults.
    `import https from 'node:https';
export class Forwarder {
  private readonly agent: https.Agent;
  constructor(private readonly url: string) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 16 });
  }
  post(body: string) {
    return https.request(this.url, { agent: this.agent, method: 'POST' }).end(body);
  }
}`,
    `import { Agent } from 'undici';
export class Api {
  dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  constructor(readonly agent = new Agent()) {}
}`,
    `import { Pool } from 'undici';
export class Service {
  connect() {
    this.pool = new Pool(this.origin);
  }
}`,
    // Startup-only functions.
    `import { Agent, request, setGlobalDispatcher } from 'undici';
async function main() {
  const dispatcher = new Agent({ connections: 32 });
  const { body } = await request('https://example.com/health', { dispatcher });
  await body.dump();
}
main().catch((error) => { console.error(error); process.exit(1); });`,
    `import express from 'express';
import https from 'node:https';
export function createApp() {
  const agent = new https.Agent({ keepAlive: true });
  const app = express();
  app.get('/', (req, res) => https.get('https://upstream.example.com', { agent }, (r) => r.pipe(res)));
  return app;
}`,
    `import { Client } from 'undici';
async function warmUp() {
  const client = new Client('https://api.example.com');
  await client.request({ path: '/warm', method: 'GET' });
  await client.close();
}
await warmUp();`,
    `import { Agent, request } from 'undici';
const server = createServer();
server.listen(8080, async () => {
  const dispatcher = new Agent();
  await request('https://registry.example.com/register', { dispatcher, method: 'POST' });
});
setTimeout(async () => {
  const dispatcher = new Agent();
  await request('https://registry.example.com/ping', { dispatcher });
}, 1000);`,
    // Test code and test hooks.
    `import { Pool } from 'undici';
import { before, describe, it } from 'node:test';
describe('api', () => {
  let pool: Pool;
  before(() => { pool = new Pool('http://127.0.0.1:3000'); });
  beforeEach(async () => {
    const warm = new Pool('http://127.0.0.1:3000');
    await warm.request({ path: '/', method: 'GET' });
  });
  it('answers', async () => {
    const client = new Pool('http://127.0.0.1:3000');
    server.on('request', (req, res) => res.end());
    await client.request({ path: '/', method: 'GET' });
    await client.close();
  });
});`,
    `const test = require('node:test');
const { Client } = require('undici');
test('keeps the connection', async (t) => {
  const client = new Client('http://localhost:3000');
  t.after(() => client.close());
  await client.request({ path: '/', method: 'GET' });
});`,
    // Look-alikes from other packages.
    `import express from 'express';
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import { Client } from '@elastic/elasticsearch';
const app = express();
app.get('/rows', async (req, res) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const conn = mysql.createPool({ uri: process.env.MYSQL_URL });
  res.json(await pool.query('select 1'));
  await conn.query('select 1');
});`,
    `class Agent { send() {} }
export function handle() {
  const agent = new Agent();
  agent.send();
}`,
    `import { Agent } from './local-agent';
export async function send(url: string) {
  const agent = new Agent();
  await agent.post(url);
}`,
    // A thin wrapper configured from request data is meant to be per request.
    `import axios from 'axios';
import express from 'express';
const app = express();
app.get('/me', async (req, res) => {
  const api = axios.create({ baseURL: 'https://api.example.com', headers: { Authorization: req.headers.authorization } });
  res.json((await api.get('/me')).data);
});`,
    `import got from 'got';
export function clientFor(token: string) {
  const client = got.extend({ prefixUrl: 'https://api.example.com', headers: { authorization: token } });
  return client.get('me').json();
}`,
    // Loops over distinct configurations, keeping every client.
    `import { S3Client } from '@aws-sdk/client-s3';
const clients = new Map<string, S3Client>();
for (const region of ['us-east-1', 'eu-west-1']) {
  clients.set(region, new S3Client({ region }));
}
export const regional = ['us-east-1', 'eu-west-1'].map((region) => new S3Client({ region }));`,
    `import { Pool } from 'undici';
export function poolsFor(origins: string[]) {
  const pools = [];
  for (const origin of origins) pools.push(new Pool(origin));
  return pools;
}`,
    // N identical clients built to be kept (sharding), at module scope and in a function.
    `const { Client } = require('undici');
const shards = [];
for (let i = 0; i < 4; i++) shards.push(new Client('http://cache:11211'));
function pick(key) { return shards[key.length % shards.length]; }
module.exports = { pick };`,
    // Pools that outlive the call through closures and registrations.
    `import { Agent } from 'undici';
export function makeFetcher() {
  const dispatcher = new Agent();
  return (url: string) => fetch(url, { dispatcher } as RequestInit);
}`,
    `import { Agent, setGlobalDispatcher } from 'undici';
export function installDispatcher() {
  const agent = new Agent({ connections: 64 });
  setGlobalDispatcher(agent);
}`,
    `import { Agent, request } from 'undici';
export function watch(emitter: NodeJS.EventEmitter) {
  const dispatcher = new Agent();
  emitter.on('tick', () => request('https://example.com/tick', { dispatcher }));
}`,
    // Built but never used for a request.
    `import https from 'node:https';
export function describeAgent() {
  const agent = new https.Agent();
  return String(agent === undefined);
}`,
    // A one-shot timer is not a per-request context; a pool built and kept by a handler on `this`.
    `import express from 'express';
import { Agent } from 'undici';
const app = express();
app.get('/', function (req, res) {
  this.dispatcher = new Agent();
  res.end();
});`,
    // One pool shared by every request of a batch: the call reuses its connections.
    `import { Pool } from 'undici';
export async function downloadAll(origin: string, paths: string[]) {
  const pool = new Pool(origin, { connections: 8 });
  try {
    return await Promise.all(paths.map(async (path) => (await pool.request({ path, method: 'GET' })).body.text()));
  } finally {
    await pool.close();
  }
}`,
    // An agent's own connect(): the inner proxy agent only opens the one socket the outer agent pools.
    `import { Agent } from 'agent-base';
import { HttpsProxyAgent } from 'https-proxy-agent';
export class PacAgent extends Agent {
  async connect(req, opts) {
    const agent = new HttpsProxyAgent(await this.resolveProxy(opts));
    return agent.connect(req, opts);
  }
}`,
    // A wrapper at module scope.
    `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });`,
    // A pool handed to other code is reported only in a per-request context; none of these is one:
    // `cache.get(key, fn)` is not a route, 'data'/'discard' are not request events, setTimeout runs
    // once, `plugins.use()` is not a framework app, 'onReady' is not a per-request hook.
    `import { Agent } from 'undici';
cache.get('key', () => { const agent = new Agent(); register(agent); });
stream.on('data', () => { const agent = new Agent(); register(agent); });
reader.on('discard', () => { const agent = new Agent(); register(agent); });
setTimeout(() => { const agent = new Agent(); register(agent); }, 1000);
plugins.use(() => { const agent = new Agent(); register(agent); });
fastify.addHook('onReady', async () => { const agent = new Agent(); register(agent); });
export async function other() { const agent = new Agent(); register(agent); }`,
    // Route files only count in Next.js app/ and pages/api/ directories.
    {
      code: `import { Agent } from 'undici';
export async function GET() { const agent = new Agent(); register(agent); }`,
      filename: 'src/lib/route.ts',
    },
    // A loop over distinct settings that hands each client on.
    `import { S3Client } from '@aws-sdk/client-s3';
export async function registerAll(regions: string[]) {
  for (const region of regions) {
    const client = new S3Client({ region });
    await registry.add(region, client);
  }
}`,
    // A same-file class without a pool, and a pool-building class kept at module scope.
    `import express from 'express';
import { Pool } from 'undici';
class Formatter { constructor(readonly locale: string) {} format(n: number) { return n.toFixed(2); } }
class Catalog { pool = new Pool('https://catalog.example.com'); }
const catalog = new Catalog();
const app = express();
app.get('/price', (req, res) => {
  const formatter = new Formatter(req.query.locale as string);
  res.send(formatter.format(catalog.pool ? 1 : 0));
});`,
  ],
  invalid: [
    // http.createServer with a default import of node:http.
    {
      code: `import http from 'node:http';
const server = http.createServer((req, res) => {
  const agent = new http.Agent({ keepAlive: true });
  http.get('http://backend:8080' + req.url, { agent }, (upstream) => upstream.pipe(res));
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 17,
          suggestions: hoist(`import http from 'node:http';
const sharedHttpAgent = new http.Agent({ keepAlive: true });

const server = http.createServer((req, res) => {
  const agent = sharedHttpAgent;
  http.get('http://backend:8080' + req.url, { agent }, (upstream) => upstream.pipe(res));
});`),
        },
      ],
    },
    // server.on('request') with require() and an https.Agent passed inline.
    {
      code: `const https = require('https');
server.on('request', (req, res) => {
  https.get('https://backend.example.com', { agent: new https.Agent({ keepAlive: true }) }, (r) => r.pipe(res));
});`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 53,
          suggestions: hoist(`const https = require('https');
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

server.on('request', (req, res) => {
  https.get('https://backend.example.com', { agent: sharedHttpsAgent }, (r) => r.pipe(res));
});`),
        },
      ],
    },
    // Express route wrapped in asyncHandler; options depend on the request: no hoist.
    {
      code: `import express from 'express';
import { Pool } from 'undici';
const app = express();
app.get('/users/:id', asyncHandler(async (req, res) => {
  const pool = new Pool(req.tenant.origin, { connect: { ca: req.tenant.ca } });
  const { body } = await pool.request({ path: '/users/' + req.params.id, method: 'GET' });
  res.json(await body.json());
}));`,
      errors: [{ messageId: 'poolPerRequest', line: 5, column: 16, suggestions: [] }],
    },
    // Koa middleware (app built by `new Koa()`), undici Agent via a namespace import.
    {
      code: `import Koa from 'koa';
import * as undici from 'undici';
const app = new Koa();
app.use(async (ctx) => {
  const dispatcher = new undici.Agent();
  const { body } = await undici.request('https://api.example.com' + ctx.path, { dispatcher });
  ctx.body = await body.text();
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 22,
          suggestions: hoist(`import Koa from 'koa';
import * as undici from 'undici';
const sharedUndiciAgent = new undici.Agent();

const app = new Koa();
app.use(async (ctx) => {
  const dispatcher = sharedUndiciAgent;
  const { body } = await undici.request('https://api.example.com' + ctx.path, { dispatcher });
  ctx.body = await body.text();
});`),
        },
      ],
    },
    // Fastify route method, Hono route and a chained Express route; BalancedPool/Client/ProxyAgent.
    {
      code: `import Fastify from 'fastify';
import { Hono } from 'hono';
import { BalancedPool, Client, ProxyAgent } from 'undici';
const fastify = Fastify();
fastify.post('/orders', async (request, reply) => {
  const upstream = new BalancedPool(['http://a:3000', 'http://b:3000']);
  return (await upstream.request({ path: '/orders', method: 'POST', body: JSON.stringify(request.body) })).body.json();
});
const hono = new Hono();
hono.get('/items', async (c) => {
  const client = new Client('http://items:3000');
  return c.json(await (await client.request({ path: '/', method: 'GET' })).body.json());
});
router.route('/proxy').get(async (req, res) => {
  const dispatcher = new ProxyAgent(process.env.HTTPS_PROXY!);
  await fetch('https://example.com', { dispatcher } as RequestInit);
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 6, column: 20, suggestions: hoist(`import Fastify from 'fastify';
import { Hono } from 'hono';
import { BalancedPool, Client, ProxyAgent } from 'undici';
const sharedBalancedPool = new BalancedPool(['http://a:3000', 'http://b:3000']);

const fastify = Fastify();
fastify.post('/orders', async (request, reply) => {
  const upstream = sharedBalancedPool;
  return (await upstream.request({ path: '/orders', method: 'POST', body: JSON.stringify(request.body) })).body.json();
});
const hono = new Hono();
hono.get('/items', async (c) => {
  const client = new Client('http://items:3000');
  return c.json(await (await client.request({ path: '/', method: 'GET' })).body.json());
});
router.route('/proxy').get(async (req, res) => {
  const dispatcher = new ProxyAgent(process.env.HTTPS_PROXY!);
  await fetch('https://example.com', { dispatcher } as RequestInit);
});`) },
        { messageId: 'poolPerRequest', line: 11, column: 18, suggestions: hoist(`import Fastify from 'fastify';
import { Hono } from 'hono';
import { BalancedPool, Client, ProxyAgent } from 'undici';
const sharedClient = new Client('http://items:3000');

const fastify = Fastify();
fastify.post('/orders', async (request, reply) => {
  const upstream = new BalancedPool(['http://a:3000', 'http://b:3000']);
  return (await upstream.request({ path: '/orders', method: 'POST', body: JSON.stringify(request.body) })).body.json();
});
const hono = new Hono();
hono.get('/items', async (c) => {
  const client = sharedClient;
  return c.json(await (await client.request({ path: '/', method: 'GET' })).body.json());
});
router.route('/proxy').get(async (req, res) => {
  const dispatcher = new ProxyAgent(process.env.HTTPS_PROXY!);
  await fetch('https://example.com', { dispatcher } as RequestInit);
});`) },
        {
          messageId: 'poolPerRequest',
          line: 15,
          column: 22,
          suggestions: hoist(`import Fastify from 'fastify';
import { Hono } from 'hono';
import { BalancedPool, Client, ProxyAgent } from 'undici';
const sharedProxyAgent = new ProxyAgent(process.env.HTTPS_PROXY!);

const fastify = Fastify();
fastify.post('/orders', async (request, reply) => {
  const upstream = new BalancedPool(['http://a:3000', 'http://b:3000']);
  return (await upstream.request({ path: '/orders', method: 'POST', body: JSON.stringify(request.body) })).body.json();
});
const hono = new Hono();
hono.get('/items', async (c) => {
  const client = new Client('http://items:3000');
  return c.json(await (await client.request({ path: '/', method: 'GET' })).body.json());
});
router.route('/proxy').get(async (req, res) => {
  const dispatcher = sharedProxyAgent;
  await fetch('https://example.com', { dispatcher } as RequestInit);
});`),
        },
      ],
    },
    // nsqjs reader.on('message'), the incident's shape.
    {
      code: `import nsq from 'nsqjs';
import https from 'node:https';
const reader = new nsq.Reader('events', 'forwarder', { nsqdTCPAddresses: ['127.0.0.1:4150'] });
reader.on('message', (msg) => {
  const agent = new https.Agent({ keepAlive: true });
  const req = https.request('https://sink.example.com/ingest', { agent, method: 'POST' }, (res) => {
    res.destroy();
    msg.finish();
  });
  req.end(msg.body);
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 17,
          data: {
            client: 'new https.Agent()',
            where: "in the 'message' listener registered with `reader.on()`",
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import nsq from 'nsqjs';
import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

const reader = new nsq.Reader('events', 'forwarder', { nsqdTCPAddresses: ['127.0.0.1:4150'] });
reader.on('message', (msg) => {
  const agent = sharedHttpsAgent;
  const req = https.request('https://sink.example.com/ingest', { agent, method: 'POST' }, (res) => {
    res.destroy();
    msg.finish();
  });
  req.end(msg.body);
});`),
        },
      ],
    },
    // kafkajs eachMessage and amqplib consume.
    {
      code: `import { Agent, request } from 'undici';
await consumer.run({
  eachMessage: async ({ message }) => {
    const dispatcher = new Agent();
    await request('https://sink.example.com', { dispatcher, method: 'POST', body: message.value });
  },
});
channel.consume('jobs', async (msg) => {
  const dispatcher = new Agent({ connect: { timeout: 1000 } });
  await request('https://sink.example.com', { dispatcher, method: 'POST', body: msg.content });
  channel.ack(msg);
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 24, suggestions: hoist(`import { Agent, request } from 'undici';
const sharedAgent = new Agent();

await consumer.run({
  eachMessage: async ({ message }) => {
    const dispatcher = sharedAgent;
    await request('https://sink.example.com', { dispatcher, method: 'POST', body: message.value });
  },
});
channel.consume('jobs', async (msg) => {
  const dispatcher = new Agent({ connect: { timeout: 1000 } });
  await request('https://sink.example.com', { dispatcher, method: 'POST', body: msg.content });
  channel.ack(msg);
});`) },
        {
          messageId: 'poolPerRequest',
          line: 9,
          column: 22,
          suggestions: hoist(`import { Agent, request } from 'undici';
const sharedAgent = new Agent({ connect: { timeout: 1000 } });

await consumer.run({
  eachMessage: async ({ message }) => {
    const dispatcher = new Agent();
    await request('https://sink.example.com', { dispatcher, method: 'POST', body: message.value });
  },
});
channel.consume('jobs', async (msg) => {
  const dispatcher = sharedAgent;
  await request('https://sink.example.com', { dispatcher, method: 'POST', body: msg.content });
  channel.ack(msg);
});`),
        },
      ],
    },
    // Lambda handlers: export const handler (ESM) and exports.handler (CommonJS).
    {
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
export const handler = async (event) => {
  const s3 = new S3Client({ region: 'eu-west-1' });
  return s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
};`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 14,
          suggestions: hoist(`import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({ region: 'eu-west-1' });

export const handler = async (event) => {
  const s3 = sharedS3Client;
  return s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
};`),
        },
      ],
    },
    {
      code: `const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');
exports.handler = async function (event) {
  const db = new DynamoDBClient({ region: event.region });
  return db.send(new GetItemCommand({ TableName: 't', Key: event.key }));
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'poolPerRequest', line: 3, column: 14, suggestions: [] }],
    },
    // Next.js App Router route.ts and Pages Router API route.
    {
      code: `import { Agent, fetch } from 'undici';
export async function GET(request: Request) {
  const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
  return fetch('https://internal.example.com/data', { dispatcher });
}`,
      filename: 'app/api/data/route.ts',
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 22,
          data: {
            client: 'new Agent()',
            where: 'in the Next.js route handler `GET`',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import { Agent, fetch } from 'undici';
const sharedAgent = new Agent({ connect: { rejectUnauthorized: false } });

export async function GET(request: Request) {
  const dispatcher = sharedAgent;
  return fetch('https://internal.example.com/data', { dispatcher });
}`),
        },
      ],
    },
    {
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
import fetch from 'node-fetch';
export default async function handler(req, res) {
  const agent = new HttpsProxyAgent(req.query.proxy);
  const upstream = await fetch('https://example.com', { agent });
  res.status(upstream.status).send(await upstream.text());
}`,
      filename: 'pages/api/proxy.ts',
      errors: [{ messageId: 'poolPerRequest', line: 4, column: 17, suggestions: [] }],
    },
    // Loops and iteration callbacks with the same options every time.
    {
      code: `import https from 'node:https';
export async function forward(messages: string[]) {
  for (const message of messages) {
    const agent = new https.Agent({ keepAlive: true });
    await postWith(agent, message);
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          column: 19,
          data: {
            client: 'new https.Agent()',
            where: 'inside a loop, on every iteration',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

export async function forward(messages: string[]) {
  for (const message of messages) {
    const agent = sharedHttpsAgent;
    await postWith(agent, message);
  }
}`),
        },
      ],
    },
    {
      code: `import { Agent } from 'undici';
export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url, { dispatcher: new Agent() } as RequestInit)));
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 65,
          suggestions: hoist(`import { Agent } from 'undici';
const sharedAgent = new Agent();

export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url, { dispatcher: sharedAgent } as RequestInit)));
}`),
        },
      ],
    },
    {
      code: `const { Agent, request } = require('undici');
const urls = ['https://a.example.com', 'https://b.example.com'];
let i = 0;
while (i < urls.length) {
  const dispatcher = new Agent();
  request(urls[i++], { dispatcher });
}`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 22,
          suggestions: hoist(`const { Agent, request } = require('undici');
const sharedAgent = new Agent();

const urls = ['https://a.example.com', 'https://b.example.com'];
let i = 0;
while (i < urls.length) {
  const dispatcher = sharedAgent;
  request(urls[i++], { dispatcher });
}`),
        },
      ],
    },
    // Timers: global setInterval and node:timers setInterval.
    {
      code: `import { setInterval as every } from 'node:timers';
import { Pool } from 'undici';
setInterval(async () => {
  const pool = new Pool('https://metrics.example.com');
  await pool.request({ path: '/push', method: 'POST' });
}, 10_000);
every(() => {
  const pool = new Pool('https://metrics.example.com');
  pool.request({ path: '/ping', method: 'GET' });
}, 1000);`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          column: 16,
          suggestions: hoist(`import { setInterval as every } from 'node:timers';
import { Pool } from 'undici';
const sharedPool = new Pool('https://metrics.example.com');

setInterval(async () => {
  const pool = sharedPool;
  await pool.request({ path: '/push', method: 'POST' });
}, 10_000);
every(() => {
  const pool = new Pool('https://metrics.example.com');
  pool.request({ path: '/ping', method: 'GET' });
}, 1000);`),
        },
        {
          messageId: 'poolPerRequest',
          line: 8,
          column: 16,
          suggestions: hoist(`import { setInterval as every } from 'node:timers';
import { Pool } from 'undici';
const sharedPool = new Pool('https://metrics.example.com');

setInterval(async () => {
  const pool = new Pool('https://metrics.example.com');
  await pool.request({ path: '/push', method: 'POST' });
}, 10_000);
every(() => {
  const pool = sharedPool;
  pool.request({ path: '/ping', method: 'GET' });
}, 1000);`),
        },
      ],
    },
    // Same-file call graph: a helper the handler calls, through two hops; it hands the pool on.
    {
      code: `import express from 'express';
import https from 'node:https';
const app = express();
function send(payload: string) {
  const agent = new https.Agent({ keepAlive: true });
  return postThrough(agent, payload);
}
async function relay(body: string) {
  await send(body);
}
app.post('/relay', async (req, res) => {
  await relay(req.body);
  res.sendStatus(204);
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 17,
          data: {
            client: 'new https.Agent()',
            where: 'in `send()`, called from the request handler registered with `app.post()` (through `relay()`)',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import express from 'express';
import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

const app = express();
function send(payload: string) {
  const agent = sharedHttpsAgent;
  return postThrough(agent, payload);
}
async function relay(body: string) {
  await send(body);
}
app.post('/relay', async (req, res) => {
  await relay(req.body);
  res.sendStatus(204);
});`),
        },
      ],
    },
    // A method called on a module-level instance from a message handler.
    {
      code: `import { Agent } from 'undici';
class Forwarder {
  async post(body: Buffer) {
    const dispatcher = new Agent({ keepAliveTimeout: 4000 });
    await deliver(dispatcher, body);
  }
}
const forwarder = new Forwarder();
reader.on('message', async (msg) => {
  await forwarder.post(msg.body);
  msg.finish();
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          column: 24,
          data: {
            client: 'new Agent()',
            where: "in `Forwarder.post()`, called from the 'message' listener registered with `reader.on()`",
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import { Agent } from 'undici';
const sharedAgent = new Agent({ keepAliveTimeout: 4000 });

class Forwarder {
  async post(body: Buffer) {
    const dispatcher = sharedAgent;
    await deliver(dispatcher, body);
  }
}
const forwarder = new Forwarder();
reader.on('message', async (msg) => {
  await forwarder.post(msg.body);
  msg.finish();
});`),
        },
      ],
    },
    // `new SomeClass()` in a handler when that class's constructor builds a pool.
    {
      code: `import express from 'express';
import { Pool } from 'undici';
class Catalog {
  private readonly pool: Pool;
  constructor(origin: string) {
    this.pool = new Pool(origin);
  }
  items() {
    return this.pool.request({ path: '/items', method: 'GET' });
  }
}
const app = express();
app.get('/items', async (req, res) => {
  const catalog = new Catalog(req.query.origin as string);
  res.json(await (await catalog.items()).body.json());
});`,
      errors: [
        {
          messageId: 'poolClassPerRequest',
          line: 14,
          column: 19,
          data: {
            client: 'Catalog',
            pool: 'new Pool()',
            at: 'on line 6',
            where: 'in the request handler registered with `app.get()`',
            advice:
              'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
          suggestions: [],
        },
      ],
    },
    // Single-use pools in per-call helpers, no handler in sight.
    {
      code: `import { Pool } from 'undici';
export async function fetchJson(path: string) {
  const client = new Pool('https://api.example.com');
  try {
    const { body } = await client.request({ path, method: 'GET' });
    return await body.json();
  } finally {
    await client.close();
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 18,
          data: {
            client: 'new Pool()',
            where: 'in `fetchJson()`, which uses it for one call and then drops it',
            advice: 'Create it once at module scope and reuse it.',
          },
          // It is closed after use: a shared instance would be closed for everyone.
          suggestions: [],
        },
      ],
    },
    {
      code: `const https = require('node:https');
function getJson(url) {
  return new Promise((resolve, reject) => {
    https.get(url, { agent: new https.Agent({ keepAlive: true }) }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve(JSON.parse(data)));
    }).on('error', reject);
  });
}
module.exports = { getJson };`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          column: 29,
          suggestions: hoist(`const https = require('node:https');
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

function getJson(url) {
  return new Promise((resolve, reject) => {
    https.get(url, { agent: sharedHttpsAgent }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve(JSON.parse(data)));
    }).on('error', reject);
  });
}
module.exports = { getJson };`),
        },
      ],
    },
    {
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
import fetch from 'node-fetch';
export async function download(url: string, proxy?: string) {
  const agent = proxy ? new HttpsProxyAgent(proxy) : undefined;
  const res = await fetch(url, { agent });
  return res.buffer();
}`,
      errors: [{ messageId: 'poolPerRequest', line: 4, column: 25, suggestions: [] }],
    },
    {
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export async function upload(bucket: string, key: string, body: Buffer) {
  const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000 }) });
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 14, suggestions: [] },
        {
          messageId: 'poolPerRequest',
          line: 4,
          column: 45,
          suggestions: hoist(`import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
const sharedNodeHttpHandler = new NodeHttpHandler({ connectionTimeout: 1000 });

export async function upload(bucket: string, key: string, body: Buffer) {
  const s3 = new S3Client({ requestHandler: sharedNodeHttpHandler });
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}`),
        },
      ],
    },
    // agentkeepalive default and HttpsAgent.
    {
      code: `const Agent = require('agentkeepalive');
const { HttpsAgent } = require('agentkeepalive');
const http = require('http');
function ping(host) {
  http.get({ host, path: '/ping', agent: new Agent() }, (res) => res.resume());
}
async function pingTls(host) {
  const agent = new HttpsAgent({ freeSocketTimeout: 4000 });
  return new Promise((resolve) => require('https').get({ host, agent }, resolve));
}
module.exports = { ping, pingTls };`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 42,
          suggestions: hoist(`const Agent = require('agentkeepalive');
const { HttpsAgent } = require('agentkeepalive');
const http = require('http');
const sharedAgent = new Agent();

function ping(host) {
  http.get({ host, path: '/ping', agent: sharedAgent }, (res) => res.resume());
}
async function pingTls(host) {
  const agent = new HttpsAgent({ freeSocketTimeout: 4000 });
  return new Promise((resolve) => require('https').get({ host, agent }, resolve));
}
module.exports = { ping, pingTls };`),
        },
        {
          messageId: 'poolPerRequest',
          line: 8,
          column: 17,
          suggestions: hoist(`const Agent = require('agentkeepalive');
const { HttpsAgent } = require('agentkeepalive');
const http = require('http');
const sharedHttpsAgent = new HttpsAgent({ freeSocketTimeout: 4000 });

function ping(host) {
  http.get({ host, path: '/ping', agent: new Agent() }, (res) => res.resume());
}
async function pingTls(host) {
  const agent = sharedHttpsAgent;
  return new Promise((resolve) => require('https').get({ host, agent }, resolve));
}
module.exports = { ping, pingTls };`),
        },
      ],
    },
    // A per-call agent passed to a module-level axios instance.
    {
      code: `import axios from 'axios';
import https from 'node:https';
const api = axios.create({ baseURL: 'https://internal.example.com' });
export function getStatus() {
  return api.get('/status', { httpsAgent: new https.Agent({ rejectUnauthorized: false }) }).then((r) => r.data);
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 43,
          suggestions: hoist(`import axios from 'axios';
import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ rejectUnauthorized: false });

const api = axios.create({ baseURL: 'https://internal.example.com' });
export function getStatus() {
  return api.get('/status', { httpsAgent: sharedHttpsAgent }).then((r) => r.data);
}`),
        },
      ],
    },
    // Single-use inside an iteration callback with per-element options, left open: a pool per element.
    {
      code: `import { Client } from 'undici';
export async function importRows(rows: { origin: string; id: string }[]) {
  return Promise.all(
    rows.map(async (row) => {
      const client = new Client(row.origin);
      return (await client.request({ path: '/rows/' + row.id, method: 'PUT' })).statusCode;
    }),
  );
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 22,
          data: {
            client: 'new Client()',
            where: 'in `importRows()` once per element (the `rows.map()` callback), which uses each one for one call and then drops it',
            advice:
              'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
          suggestions: [],
        },
      ],
    },
    // A module chosen at run time: `tls ? https : http`.
    {
      code: `import http from 'node:http';
import https from 'node:https';
export function probe(url: URL) {
  const mod = url.protocol === 'https:' ? https : http;
  const agent = new mod.Agent({ keepAlive: true });
  mod.get(url, { agent }, (res) => res.resume());
}`,
      errors: [{ messageId: 'poolPerRequest', line: 5, column: 17, suggestions: [] }],
    },
    // A factory the handler calls.
    {
      code: `import express from 'express';
import https from 'node:https';
function makeAgent() {
  return new https.Agent({ keepAlive: true, maxSockets: 10 });
}
const app = express();
app.get('/', (req, res) => {
  https.get('https://upstream.example.com', { agent: makeAgent() }, (r) => r.pipe(res));
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          column: 10,
          data: {
            client: 'new https.Agent()',
            where: 'in `makeAgent()`, called in the request handler registered with `app.get()`',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import express from 'express';
import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true, maxSockets: 10 });

function makeAgent() {
  return sharedHttpsAgent;
}
const app = express();
app.get('/', (req, res) => {
  https.get('https://upstream.example.com', { agent: makeAgent() }, (r) => r.pipe(res));
});`),
        },
      ],
    },
    // A pool passed inline to a request-dependent thin wrapper is still reported; the wrapper is not.
    {
      code: `import axios from 'axios';
import https from 'node:https';
import express from 'express';
const app = express();
app.get('/me', async (req, res) => {
  const api = axios.create({
    headers: { authorization: req.headers.authorization },
    httpsAgent: new https.Agent({ keepAlive: true }),
  });
  res.json((await api.get('https://api.example.com/me')).data);
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 8,
          column: 17,
          suggestions: hoist(`import axios from 'axios';
import https from 'node:https';
import express from 'express';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

const app = express();
app.get('/me', async (req, res) => {
  const api = axios.create({
    headers: { authorization: req.headers.authorization },
    httpsAgent: sharedHttpsAgent,
  });
  res.json((await api.get('https://api.example.com/me')).data);
});`),
        },
      ],
    },
    // Thin wrappers with request-independent configuration: configuration, not connections.
    {
      code: `import axios from 'axios';
import got from 'got';
import ky from 'ky';
const BASE_URL = 'https://api.example.com';
app.get('/a', async (req, res) => {
  const api = axios.create({ baseURL: BASE_URL, timeout: 5000 });
  res.json((await api.get('/a')).data);
});
export async function fetchB() {
  const client = got.extend({ prefixUrl: BASE_URL });
  return client.get('b').json();
}
export async function fetchC() {
  return ky.create({ prefixUrl: BASE_URL }).get('c').json();
}`,
      errors: [
        {
          messageId: 'wrapperPerRequest',
          line: 6,
          column: 15,
          data: { client: 'axios.create', where: 'in the request handler registered with `app.get()`' },
          suggestions: hoist(`import axios from 'axios';
import got from 'got';
import ky from 'ky';
const BASE_URL = 'https://api.example.com';
const sharedAxiosClient = axios.create({ baseURL: BASE_URL, timeout: 5000 });

app.get('/a', async (req, res) => {
  const api = sharedAxiosClient;
  res.json((await api.get('/a')).data);
});
export async function fetchB() {
  const client = got.extend({ prefixUrl: BASE_URL });
  return client.get('b').json();
}
export async function fetchC() {
  return ky.create({ prefixUrl: BASE_URL }).get('c').json();
}`),
        },
        {
          messageId: 'wrapperPerRequest',
          line: 10,
          column: 18,
          suggestions: hoist(`import axios from 'axios';
import got from 'got';
import ky from 'ky';
const BASE_URL = 'https://api.example.com';
const sharedGotClient = got.extend({ prefixUrl: BASE_URL });

app.get('/a', async (req, res) => {
  const api = axios.create({ baseURL: BASE_URL, timeout: 5000 });
  res.json((await api.get('/a')).data);
});
export async function fetchB() {
  const client = sharedGotClient;
  return client.get('b').json();
}
export async function fetchC() {
  return ky.create({ prefixUrl: BASE_URL }).get('c').json();
}`),
        },
        {
          messageId: 'wrapperPerRequest',
          line: 14,
          column: 10,
          suggestions: hoist(`import axios from 'axios';
import got from 'got';
import ky from 'ky';
const BASE_URL = 'https://api.example.com';
const sharedKyClient = ky.create({ prefixUrl: BASE_URL });

app.get('/a', async (req, res) => {
  const api = axios.create({ baseURL: BASE_URL, timeout: 5000 });
  res.json((await api.get('/a')).data);
});
export async function fetchB() {
  const client = got.extend({ prefixUrl: BASE_URL });
  return client.get('b').json();
}
export async function fetchC() {
  return sharedKyClient.get('c').json();
}`),
        },
      ],
    },
    // Fastify route options, hooks, Express Router middleware.
    {
      code: `import fastifyFactory from 'fastify';
import express from 'express';
import { Agent, request } from 'undici';
const fastify = fastifyFactory();
fastify.route({
  method: 'GET',
  url: '/a',
  handler: async () => {
    const dispatcher = new Agent({ pipelining: 1 });
    return (await request('https://a.example.com', { dispatcher })).body.json();
  },
});
fastify.addHook('onRequest', async (req) => {
  const dispatcher = new Agent({ pipelining: 1 });
  await request('https://auth.example.com', { dispatcher, headers: { cookie: req.headers.cookie } });
});
const router = express.Router();
router.use(async (req, res, next) => {
  const dispatcher = new Agent({ pipelining: 1 });
  await request('https://audit.example.com', { dispatcher, method: 'POST' });
  next();
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 9, column: 24, suggestions: [{ messageId: 'hoistToModuleScope', output: `import fastifyFactory from 'fastify';
import express from 'express';
import { Agent, request } from 'undici';
const sharedAgent = new Agent({ pipelining: 1 });

const fastify = fastifyFactory();
fastify.route({
  method: 'GET',
  url: '/a',
  handler: async () => {
    const dispatcher = sharedAgent;
    return (await request('https://a.example.com', { dispatcher })).body.json();
  },
});
fastify.addHook('onRequest', async (req) => {
  const dispatcher = new Agent({ pipelining: 1 });
  await request('https://auth.example.com', { dispatcher, headers: { cookie: req.headers.cookie } });
});
const router = express.Router();
router.use(async (req, res, next) => {
  const dispatcher = new Agent({ pipelining: 1 });
  await request('https://audit.example.com', { dispatcher, method: 'POST' });
  next();
});` }] },
        { messageId: 'poolPerRequest', line: 14, column: 22, suggestions: [{ messageId: 'hoistToModuleScope', output: `import fastifyFactory from 'fastify';
import express from 'express';
import { Agent, request } from 'undici';
const sharedAgent = new Agent({ pipelining: 1 });

const fastify = fastifyFactory();
fastify.route({
  method: 'GET',
  url: '/a',
  handler: async () => {
    const dispatcher = new Agent({ pipelining: 1 });
    return (await request('https://a.example.com', { dispatcher })).body.json();
  },
});
fastify.addHook('onRequest', async (req) => {
  const dispatcher = sharedAgent;
  await request('https://auth.example.com', { dispatcher, headers: { cookie: req.headers.cookie } });
});
const router = express.Router();
router.use(async (req, res, next) => {
  const dispatcher = new Agent({ pipelining: 1 });
  await request('https://audit.example.com', { dispatcher, method: 'POST' });
  next();
});` }] },
        { messageId: 'poolPerRequest', line: 19, column: 22, suggestions: [{ messageId: 'hoistToModuleScope', output: `import fastifyFactory from 'fastify';
import express from 'express';
import { Agent, request } from 'undici';
const sharedAgent = new Agent({ pipelining: 1 });

const fastify = fastifyFactory();
fastify.route({
  method: 'GET',
  url: '/a',
  handler: async () => {
    const dispatcher = new Agent({ pipelining: 1 });
    return (await request('https://a.example.com', { dispatcher })).body.json();
  },
});
fastify.addHook('onRequest', async (req) => {
  const dispatcher = new Agent({ pipelining: 1 });
  await request('https://auth.example.com', { dispatcher, headers: { cookie: req.headers.cookie } });
});
const router = express.Router();
router.use(async (req, res, next) => {
  const dispatcher = sharedAgent;
  await request('https://audit.example.com', { dispatcher, method: 'POST' });
  next();
});` }] },
      ],
    },
    // The hoisted declaration goes after the declarations it reads, with a name that is free.
    {
      code: `import https from 'node:https';
import { readFileSync } from 'node:fs';
const sharedHttpsAgent = 'taken';
const CA = readFileSync('/etc/ssl/ca.pem', 'utf8');
export function call(url: string) {
  https.get(url, { agent: new https.Agent({ ca: CA, keepAlive: true }) }, (res) => res.resume());
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 6,
          column: 27,
          suggestions: hoist(`import https from 'node:https';
import { readFileSync } from 'node:fs';
const sharedHttpsAgent = 'taken';
const CA = readFileSync('/etc/ssl/ca.pem', 'utf8');
const sharedHttpsAgent2 = new https.Agent({ ca: CA, keepAlive: true });

export function call(url: string) {
  https.get(url, { agent: sharedHttpsAgent2 }, (res) => res.resume());
}`),
        },
      ],
    },
    // Type arguments may refer to the function's type parameters: no hoist.
    {
      code: `import { Pool } from '@acme/pool';
export async function query<T>(sql: string) {
  const pool = new Pool<T>('https://db-proxy.example.com');
  return pool.run(sql);
}`,
      options: [{ poolConstructors: [{ from: 'package', package: '@acme/pool', name: 'Pool' }], handlerRegistrations: [] }],
      errors: [{ messageId: 'poolPerRequest', line: 3, column: 16, suggestions: [] }],
    },
    // ES module through espree, with a 'use strict' prologue and no imports.
    {
      code: `'use strict';
export async function ping(url) {
  const dispatcher = new globalThis.Dispatcher();
  const https = await import('node:https');
  https.get(url, { agent: new https.Agent() }, (res) => res.resume());
}`,
      languageOptions: esm,
      errors: [{ messageId: 'poolPerRequest', line: 5, column: 27, suggestions: [] }],
    },
    // Options: extra pool constructors and handler registrations.
    {
      code: `import { HttpClient } from '@acme/http';
bus.subscribe('orders', async (order) => {
  const client = new HttpClient({ baseUrl: 'https://orders.example.com' });
  await postOrder(client, order);
});`,
      options: [
        {
          poolConstructors: [{ from: 'package', package: '@acme/http', name: 'HttpClient' }],
          handlerRegistrations: [{ object: 'bus', method: 'subscribe', argument: 1 }],
        },
      ],
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          column: 18,
          data: {
            client: 'new HttpClient()',
            where: 'in the callback registered with `bus.subscribe()`',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`import { HttpClient } from '@acme/http';
const sharedHttpClient = new HttpClient({ baseUrl: 'https://orders.example.com' });

bus.subscribe('orders', async (order) => {
  const client = sharedHttpClient;
  await postOrder(client, order);
});`),
        },
      ],
    },
    // The same lists from settings.keepalive.
    {
      code: `import { HttpClient } from '@acme/http';
onJob(async (job) => {
  const client = new HttpClient({ baseUrl: job.target });
  await deliver(client, job);
});`,
      settings: {
        keepalive: {
          poolConstructors: [{ from: 'package', package: '@acme/http', name: 'HttpClient' }],
          handlerRegistrations: [{ method: 'onJob' }],
        },
      },
      errors: [{ messageId: 'poolPerRequest', line: 3, column: 18, suggestions: [] }],
    },
  ],
});

// Shapes from real handlers and services: Lambda exports behind wrappers, queue callbacks, methods of
// classes built per request, helpers and wrappers the client passes through, aws-sdk v2.
ruleTester.run('no-client-per-request (real-world shapes)', rule as never, {
  valid: [
    // A: wrapped exports that are not Lambda handlers, factories given a callback, non-handler exports.
    `import { S3Client } from '@aws-sdk/client-s3';
export const handler = createHandler(() => new S3Client({}));`,
    `import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
const s3 = new S3Client({});
export const handler = middy(async (event) => {
  await s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
}).use(jsonBodyParser());`,
    // sqs-consumer with a module-level client given as an option.
    `import { Consumer } from 'sqs-consumer';
import { SQSClient } from '@aws-sdk/client-sqs';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
const app = Consumer.create({
  queueUrl: process.env.QUEUE_URL,
  sqs: new SQSClient({}),
  handleMessage: async (message) => {
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: message.MessageId, Body: message.Body }));
  },
});`,
    // A `process` method on something that is not a job queue.
    `import https from 'node:https';
processor.process(async (item) => {
  const agent = new https.Agent({ keepAlive: true });
  register(agent);
});`,
    // An option callback of an unknown API.
    `import { Pool } from 'undici';
scheduler.create({
  handleMessage: async () => {
    const pool = new Pool('https://api.example.com');
    registry.add(pool);
  },
});`,
    // A first parameter typed with something that is not an aws-lambda event.
    `import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from './config';
export function makeStorage(config: Config) {
  const s3 = new S3Client({ region: config.region });
  return new Storage(s3);
}`,
    // B: a helper that keeps the client it is given.
    `import { S3Client } from '@aws-sdk/client-s3';
const clients = [];
function remember(client) {
  clients.push(client);
}
export async function connect(region) {
  const s3 = new S3Client({ region });
  remember(s3);
}`,
    `import https from 'node:https';
class Registry {
  use(agent) { this.agent = agent; }
}
const registry = new Registry();
export function configure() {
  const agent = new https.Agent({ keepAlive: true });
  registry.use(agent);
}`,
    // An identity wrapper whose result is kept at module scope.
    `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import AWSXRay from 'aws-xray-sdk-core';
export const ddb = AWSXRay.captureAWSv3Client(new DynamoDBClient({}));`,
    // A memoised getter and a getter returning a shared client.
    `import { S3Client } from '@aws-sdk/client-s3';
export class Storage {
  #s3;
  get s3() {
    return (this.#s3 ??= new S3Client({}));
  }
  async put(key, body) {
    await this.s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));
  }
}`,
    // A method that builds and keeps a client once, behind a guard.
    `import https from 'node:https';
export class Api {
  send(body) {
    if (!this.agent) this.agent = new https.Agent({ keepAlive: true });
    return https.request('https://api.example.com', { agent: this.agent, method: 'POST' }).end(body);
  }
}`,
    // A method that replaces the client and never sends through it (reconnect).
    `import { Pool } from 'undici';
export class Service {
  reconnect() {
    this.pool = new Pool(this.origin);
  }
  get(path) {
    return this.pool.request({ path, method: 'GET' });
  }
}`,
    // C: aws-sdk v2 at module scope, with request data, outside any handler, ManagedUpload per upload.
    `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export const handler = async (event) => {
  await s3.putObject({ Bucket: 'b', Key: event.key, Body: event.body }).promise();
};`,
    `import AWS from 'aws-sdk';
export const handler = async (event) => {
  const sts = new AWS.STS({ credentials: event.credentials });
  return sts.getCallerIdentity().promise();
};`,
    `import AWS from 'aws-sdk';
export async function listBuckets() {
  const s3 = new AWS.S3();
  return s3.listBuckets().promise();
}`,
    `import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export const handler = async (event) => {
  const upload = new AWS.S3.ManagedUpload({ params: { Bucket: 'b', Key: event.key, Body: event.body }, service: s3 });
  await upload.promise();
};`,
    `import AWS from 'aws-sdk';
export const handler = async (event) => {
  const config = new AWS.Config({ region: 'eu-west-1' });
  const credentials = new AWS.SharedIniFileCredentials({ profile: 'x' });
  return [config, credentials];
};`,
    // E: memoised factories, startup-only code, run-once setup, module-level services.
    `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
let documentClient;
function getDocumentClient() {
  if (!documentClient) documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return documentClient;
}
export const handler = async (event) => {
  await getDocumentClient().send(new PutCommand({ TableName: 't', Item: event }));
};`,
    `import https from 'node:https';
const agents = new Map();
function agentFor(host) {
  let agent = agents.get(host);
  if (!agent) {
    agent = new https.Agent({ keepAlive: true });
    agents.set(host, agent);
  }
  return agent;
}
export const handler = async (event) => {
  https.get(event.url, { agent: agentFor(event.host) });
};`,
    `import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb';
async function createTables() {
  const client = new DynamoDBClient({ endpoint: 'http://localhost:8000' });
  await client.send(new CreateTableCommand({ TableName: 'users' }));
}
await createTables();`,
    `import { S3Client } from '@aws-sdk/client-s3';
class StorageService {
  constructor() {
    this.s3 = new S3Client({});
  }
  put(key, body) {
    return this.s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));
  }
}
const storage = new StorageService();
export const handler = async (event) => {
  await storage.put(event.key, event.body);
};`,
    `import https from 'node:https';
function makeAgent() {
  return new https.Agent({ keepAlive: true });
}
const agent = makeAgent();
export const handler = async (event) => {
  https.get(event.url, { agent });
};`,
    `import { S3Client } from '@aws-sdk/client-s3';
import { describe, it } from 'node:test';
describe('storage', () => {
  it('uploads', async () => {
    const s3 = new S3Client({ endpoint: 'http://127.0.0.1:4566' });
    await upload(s3, 'k', 'v');
  });
});`,
    // A class built once at startup whose methods run per request.
    `import express from 'express';
import { Pool } from 'undici';
class Upstream {
  constructor(origin) {
    this.pool = new Pool(origin);
  }
  get(path) {
    return this.pool.request({ path, method: 'GET' });
  }
}
function createApp() {
  const upstream = new Upstream('https://api.example.com');
  const app = express();
  app.get('/x', async (req, res) => res.json(await (await upstream.get('/x')).body.json()));
  return app;
}
createApp().listen(3000);`,
    // Test files, by name: their helpers build clients for the test, not per request.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
export async function seed(key: string) {
  const s3 = new S3Client({ endpoint: 'http://127.0.0.1:4566' });
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: key }));
}
export const handler = async () => new S3Client({}).send(new ListBucketsCommand({}));`,
      filename: 'src/storage.test.ts',
    },
    {
      code: `import { Pool } from 'undici';
export async function ping() {
  const pool = new Pool('http://127.0.0.1:3000');
  return pool.request({ path: '/', method: 'GET' });
}`,
      filename: 'src/__tests__/helpers.ts',
    },
    // A retry loop may build a fresh client on purpose; a loop over distinct settings keeps each.
    `import { Pool } from 'undici';
export async function fetchWithRetry(origin: string, path: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const pool = new Pool(origin);
    try {
      return await pool.request({ path, method: 'GET' });
    } catch {
      await pool.close();
    }
  }
}`,
    `import { Pool } from 'undici';
export async function pingAll(origins: string[]) {
  for (const origin of origins) {
    const pool = new Pool(origin);
    await pool.request({ path: '/health', method: 'GET' });
    await pool.close();
  }
}`,
    // A wrapper built lazily whose accessor hands out the agent it holds, kept on the instance.
    `import https from 'node:https';
class AgentWrapper {
  private readonly agent: https.Agent;
  constructor(options: https.AgentOptions) {
    this.agent = new https.Agent({ ...options, keepAlive: true });
  }
  get() {
    return this.agent;
  }
}
export class Uplink {
  agent: https.Agent;
  constructor(private options: https.AgentOptions, agent?: https.Agent) {
    this.agent = agent ?? this.getAgent();
  }
  getAgent() {
    if (!this.agent) return new AgentWrapper(this.options).get();
    return this.agent;
  }
}`,
    // One client per element with that element's options, closed after its one use.
    `import { Client } from 'undici';
export async function importRows(rows: { origin: string; id: string }[]) {
  return Promise.all(
    rows.map(async (row) => {
      const client = new Client(row.origin);
      try {
        return (await client.request({ path: '/rows/' + row.id, method: 'PUT' })).statusCode;
      } finally {
        await client.close();
      }
    }),
  );
}`,
    // A loop in a caller over distinct settings: each call hands its client on.
    `import https from 'node:https';
function connect(host) {
  const agent = new https.Agent({ keepAlive: true, servername: host });
  registry.add(host, agent);
}
for (const host of hosts) connect(host);`,
  ],
  invalid: [
    // A pool per message of a batch, from that message's origin, used once and left open.
    {
      code: `import { Pool } from 'undici';
export async function forwardBatch(batch: { url: string; body: string }[]) {
  for (const message of batch) {
    const pool = new Pool(new URL(message.url).origin, { connections: 1 });
    const { body } = await pool.request({ path: new URL(message.url).pathname, method: 'POST', body: message.body });
    await body.dump();
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          data: {
            client: 'new Pool()',
            where: 'in `forwardBatch()` on every iteration of a loop, which uses each one for one call and then drops it',
            advice: 'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
    // A: Lambda handlers exported through middy, a monitoring wrapper, another name, or typed.
    {
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import jsonBodyParser from '@middy/http-json-body-parser';
const baseHandler = async (event) => {
  const s3 = new S3Client({});
  await upload(s3, event.body);
};
export const handler = middy(baseHandler).use(jsonBodyParser());`,
      errors: [
        { messageId: 'poolPerRequest', line: 5, column: 14, suggestions: hoist(`import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import jsonBodyParser from '@middy/http-json-body-parser';
const sharedS3Client = new S3Client({});

const baseHandler = async (event) => {
  const s3 = sharedS3Client;
  await upload(s3, event.body);
};
export const handler = middy(baseHandler).use(jsonBodyParser());`) },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
export const handler = middy()
  .use(jsonBodyParser())
  .handler(async (event) => {
    const s3 = new S3Client({ region: 'eu-west-1' });
    return store(s3, event);
  });`,
      errors: [
        { messageId: 'poolPerRequest', line: 6, column: 16, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
const sharedS3Client = new S3Client({ region: 'eu-west-1' });

export const handler = middy()
  .use(jsonBodyParser())
  .handler(async (event) => {
    const s3 = sharedS3Client;
    return store(s3, event);
  });`) },
      ],
    },
    {
      code: `import * as Sentry from '@sentry/serverless';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export const handler = Sentry.AWSLambda.wrapHandler(async (event) => {
  const client = new DynamoDBClient({});
  return save(client, event);
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 18, suggestions: hoist(`import * as Sentry from '@sentry/serverless';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const sharedDynamoDBClient = new DynamoDBClient({});

export const handler = Sentry.AWSLambda.wrapHandler(async (event) => {
  const client = sharedDynamoDBClient;
  return save(client, event);
});`) },
      ],
    },
    {
      code: `import { datadog } from 'datadog-lambda-js';
import { SQSClient } from '@aws-sdk/client-sqs';
async function main(event) {
  const sqs = new SQSClient({});
  await forward(sqs, event.Records);
}
export const handler = datadog(main);`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 15, suggestions: hoist(`import { datadog } from 'datadog-lambda-js';
import { SQSClient } from '@aws-sdk/client-sqs';
const sharedSQSClient = new SQSClient({});

async function main(event) {
  const sqs = sharedSQSClient;
  await forward(sqs, event.Records);
}
export const handler = datadog(main);`) },
      ],
    },
    {
      code: `const { SNSClient } = require('@aws-sdk/client-sns');
const wrapper = require('./lib/wrapper');
module.exports.handler = wrapper(async (event) => {
  const sns = new SNSClient({});
  return notify(sns, event);
});`,
      languageOptions: commonjs,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 15, suggestions: hoist(`const { SNSClient } = require('@aws-sdk/client-sns');
const wrapper = require('./lib/wrapper');
const sharedSNSClient = new SNSClient({});

module.exports.handler = wrapper(async (event) => {
  const sns = sharedSNSClient;
  return notify(sns, event);
});`) },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
async function main(event) {
  const s3 = new S3Client({});
  return copy(s3, event);
}
export { main as handler };`,
      errors: [
        { messageId: 'poolPerRequest', line: 3, column: 14, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

async function main(event) {
  const s3 = sharedS3Client;
  return copy(s3, event);
}
export { main as handler };`) },
      ],
    },
    {
      code: `const { S3Client } = require('@aws-sdk/client-s3');
async function handler(event) {
  const s3 = new S3Client({});
  return copy(s3, event);
}
module.exports = { handler };`,
      languageOptions: commonjs,
      errors: [
        { messageId: 'poolPerRequest', line: 3, column: 14, suggestions: hoist(`const { S3Client } = require('@aws-sdk/client-s3');
const sharedS3Client = new S3Client({});

async function handler(event) {
  const s3 = sharedS3Client;
  return copy(s3, event);
}
module.exports = { handler };`) },
      ],
    },
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
export const main: APIGatewayProxyHandler = async (event) => {
  const secrets = new SecretsManagerClient({});
  return respond(secrets, event);
};`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 19, suggestions: hoist(`import type { APIGatewayProxyHandler } from 'aws-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
const sharedSecretsManagerClient = new SecretsManagerClient({});

export const main: APIGatewayProxyHandler = async (event) => {
  const secrets = sharedSecretsManagerClient;
  return respond(secrets, event);
};`) },
      ],
    },
    {
      code: `import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'undici';
export async function processBatch(event: SQSEvent) {
  const pool = new Pool('https://sink.example.com');
  await Promise.all(event.Records.map((record) => deliver(pool, record)));
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 16, suggestions: hoist(`import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'undici';
const sharedPool = new Pool('https://sink.example.com');

export async function processBatch(event: SQSEvent) {
  const pool = sharedPool;
  await Promise.all(event.Records.map((record) => deliver(pool, record)));
}`) },
      ],
    },
    // Option callbacks of per-message APIs.
    {
      code: `import { Consumer } from 'sqs-consumer';
import { S3Client } from '@aws-sdk/client-s3';
const app = Consumer.create({
  queueUrl: process.env.QUEUE_URL,
  handleMessage: async (message) => {
    const s3 = new S3Client({});
    await archive(s3, message);
  },
  async handleMessageBatch(messages) {
    const s3 = new S3Client({});
    await archiveAll(s3, messages);
  },
});
app.start();`,
      errors: [
        { messageId: 'poolPerRequest', line: 6, column: 16, suggestions: hoist(`import { Consumer } from 'sqs-consumer';
import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

const app = Consumer.create({
  queueUrl: process.env.QUEUE_URL,
  handleMessage: async (message) => {
    const s3 = sharedS3Client;
    await archive(s3, message);
  },
  async handleMessageBatch(messages) {
    const s3 = new S3Client({});
    await archiveAll(s3, messages);
  },
});
app.start();`) },
        { messageId: 'poolPerRequest', line: 10, column: 16, suggestions: hoist(`import { Consumer } from 'sqs-consumer';
import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

const app = Consumer.create({
  queueUrl: process.env.QUEUE_URL,
  handleMessage: async (message) => {
    const s3 = new S3Client({});
    await archive(s3, message);
  },
  async handleMessageBatch(messages) {
    const s3 = sharedS3Client;
    await archiveAll(s3, messages);
  },
});
app.start();`) },
      ],
    },
    {
      code: `import { Worker } from 'bullmq';
import https from 'node:https';
const worker = new Worker('thumbnails', async (job) => {
  const agent = new https.Agent({ keepAlive: true });
  return render(job.data, agent);
}, { connection });`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 17, suggestions: hoist(`import { Worker } from 'bullmq';
import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

const worker = new Worker('thumbnails', async (job) => {
  const agent = sharedHttpsAgent;
  return render(job.data, agent);
}, { connection });`) },
      ],
    },
    {
      code: `import Queue from 'bull';
import { Agent } from 'undici';
const queue = new Queue('emails', process.env.REDIS_URL);
queue.process(async (job) => {
  const dispatcher = new Agent();
  return sendMail(dispatcher, job.data);
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 5, column: 22, suggestions: hoist(`import Queue from 'bull';
import { Agent } from 'undici';
const sharedAgent = new Agent();

const queue = new Queue('emails', process.env.REDIS_URL);
queue.process(async (job) => {
  const dispatcher = sharedAgent;
  return sendMail(dispatcher, job.data);
});`) },
      ],
    },
    // Methods of a class built per request.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
class ReportHandler {
  async handle(event) {
    const s3 = new S3Client({});
    return publish(s3, event);
  }
}
export const handler = async (event) => new ReportHandler().handle(event);`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 16, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

class ReportHandler {
  async handle(event) {
    const s3 = sharedS3Client;
    return publish(s3, event);
  }
}
export const handler = async (event) => new ReportHandler().handle(event);`) },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
class ReportHandler {
  async handle(event) {
    const s3 = new S3Client({});
    return publish(s3, event);
  }
}
export const handler = async (event) => {
  const reports = new ReportHandler();
  return reports.handle(event);
};`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 16, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

class ReportHandler {
  async handle(event) {
    const s3 = sharedS3Client;
    return publish(s3, event);
  }
}
export const handler = async (event) => {
  const reports = new ReportHandler();
  return reports.handle(event);
};`) },
      ],
    },
    // NestJS controller and processor methods.
    {
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';
@Controller('files')
export class FilesController {
  @Get(':key')
  async find(@Param('key') key: string) {
    const s3 = new S3Client({});
    return download(s3, key);
  }
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 7, column: 16, suggestions: hoist(`import { Controller, Get, Param } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

@Controller('files')
export class FilesController {
  @Get(':key')
  async find(@Param('key') key: string) {
    const s3 = sharedS3Client;
    return download(s3, key);
  }
}`) },
      ],
    },
    // A loop in the caller: each call builds the same client and hands it on.
    {
      code: `import https from 'node:https';
function post(item) {
  const agent = new https.Agent({ keepAlive: true });
  return client.post('/items', item, { httpsAgent: agent });
}
export async function sync(items) {
  for (const item of items) await post(item);
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 3, column: 17, suggestions: hoist(`import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

function post(item) {
  const agent = sharedHttpsAgent;
  return client.post('/items', item, { httpsAgent: agent });
}
export async function sync(items) {
  for (const item of items) await post(item);
}`) },
      ],
    },
    // The same client, rebuilt for every line of a file.
    {
      code: `import { Pool } from 'undici';
export async function replay(lines: string[], origin: string) {
  for (const line of lines) {
    const pool = new Pool(origin);
    await pool.request({ path: '/replay', method: 'POST', body: line });
  }
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 18, suggestions: [] },
      ],
    },
    // B: a same-file helper that only uses the client it is given.
    {
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
async function upload(client, key, body) {
  await client.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: body }));
}
export async function saveReport(report) {
  const s3 = new S3Client({});
  await upload(s3, report.id, report.body);
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 6, column: 14, suggestions: hoist(`import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

async function upload(client, key, body) {
  await client.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: body }));
}
export async function saveReport(report) {
  const s3 = sharedS3Client;
  await upload(s3, report.id, report.body);
}`) },
      ],
    },
    {
      code: `import https from 'node:https';
const get = (agent, url) => new Promise((resolve) => https.get(url, { agent }, resolve));
export async function check(url) {
  const agent = new https.Agent({ keepAlive: true });
  const res = await get(agent, url);
  res.resume();
  return res.statusCode;
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 17, suggestions: hoist(`import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

const get = (agent, url) => new Promise((resolve) => https.get(url, { agent }, resolve));
export async function check(url) {
  const agent = sharedHttpsAgent;
  const res = await get(agent, url);
  res.resume();
  return res.statusCode;
}`) },
      ],
    },
    // Identity and tracing wrappers.
    {
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import AWSXRay from 'aws-xray-sdk-core';
export const handler = async (event) => {
  const ddb = AWSXRay.captureAWSv3Client(new DynamoDBClient({}));
  await ddb.send(new PutItemCommand({ TableName: 't', Item: event.item }));
};`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 42, suggestions: hoist(`import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import AWSXRay from 'aws-xray-sdk-core';
const sharedDynamoDBClient = new DynamoDBClient({});

export const handler = async (event) => {
  const ddb = AWSXRay.captureAWSv3Client(sharedDynamoDBClient);
  await ddb.send(new PutItemCommand({ TableName: 't', Item: event.item }));
};`) },
      ],
    },
    {
      code: `import { SQSClient } from '@aws-sdk/client-sqs';
import { Tracer } from '@aws-lambda-powertools/tracer';
const tracer = new Tracer();
export async function enqueue(body) {
  const sqs = tracer.captureAWSv3Client(new SQSClient({}));
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body }));
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 5, column: 41, suggestions: hoist(`import { SQSClient } from '@aws-sdk/client-sqs';
import { Tracer } from '@aws-lambda-powertools/tracer';
const sharedSQSClient = new SQSClient({});

const tracer = new Tracer();
export async function enqueue(body) {
  const sqs = tracer.captureAWSv3Client(sharedSQSClient);
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body }));
}`) },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
function traced(client) {
  return client;
}
export async function read(key) {
  const s3 = traced(new S3Client({}));
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 6, column: 21, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

function traced(client) {
  return client;
}
export async function read(key) {
  const s3 = traced(sharedS3Client);
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}`) },
      ],
    },
    // Destructured from a factory result.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
function makeClients() {
  return { s3: new S3Client({}), sqs: new SQSClient({}) };
}
export const handler = async (event) => {
  const { s3 } = makeClients();
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: event.key }));
};`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 16, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
const sharedS3Client = new S3Client({});

function makeClients() {
  return { s3: sharedS3Client, sqs: new SQSClient({}) };
}
export const handler = async (event) => {
  const { s3 } = makeClients();
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: event.key }));
};`) },
        { messageId: 'poolPerRequest', line: 4, column: 39, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
const sharedSQSClient = new SQSClient({});

function makeClients() {
  return { s3: new S3Client({}), sqs: sharedSQSClient };
}
export const handler = async (event) => {
  const { s3 } = makeClients();
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: event.key }));
};`) },
      ],
    },
    // Freshly copied option objects.
    {
      code: `import https from 'node:https';
const defaults = { timeout: 5000 };
export function ping(url) {
  const agent = new https.Agent({ keepAlive: true });
  const options = Object.assign({}, defaults, { agent });
  https.get(url, options, (res) => res.resume());
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 17, suggestions: hoist(`import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

const defaults = { timeout: 5000 };
export function ping(url) {
  const agent = sharedHttpsAgent;
  const options = Object.assign({}, defaults, { agent });
  https.get(url, options, (res) => res.resume());
}`) },
      ],
    },
    // Holders that keep the pool.
    {
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
export async function saveUser(user) {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  await doc.send(new PutCommand({ TableName: 'users', Item: user }));
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 43, suggestions: hoist(`import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const sharedDynamoDBClient = new DynamoDBClient({});

export async function saveUser(user) {
  const doc = DynamoDBDocumentClient.from(sharedDynamoDBClient);
  await doc.send(new PutCommand({ TableName: 'users', Item: user }));
}`) },
      ],
    },
    // `new Upload({ client })` keeps the client it is given and uploads through it.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
export async function uploadReport(key: string, body: Buffer) {
  const upload = new Upload({ client: new S3Client({}), params: { Bucket: 'reports', Key: key, Body: body } });
  await upload.done();
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 39, suggestions: hoist(`import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
const sharedS3Client = new S3Client({});

export async function uploadReport(key: string, body: Buffer) {
  const upload = new Upload({ client: sharedS3Client, params: { Bucket: 'reports', Key: key, Body: body } });
  await upload.done();
}`) },
      ],
    },
    // A getter that builds a new client on every access.
    {
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
export class Storage {
  get s3() {
    return new S3Client({});
  }
  async put(key, body) {
    await this.s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));
  }
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 12, suggestions: hoist(`import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

export class Storage {
  get s3() {
    return sharedS3Client;
  }
  async put(key, body) {
    await this.s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));
  }
}`) },
      ],
    },
    // A method that replaces the agent on `this` on every call and sends through it.
    {
      code: `import https from 'node:https';
export class Forwarder {
  send(body) {
    this.agent = new https.Agent({ keepAlive: true });
    return https.request(this.url, { agent: this.agent, method: 'POST' }).end(body);
  }
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 18, suggestions: hoist(`import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

export class Forwarder {
  send(body) {
    this.agent = sharedHttpsAgent;
    return https.request(this.url, { agent: this.agent, method: 'POST' }).end(body);
  }
}`) },
      ],
    },
    // C: aws-sdk v2 clients in per-request code.
    {
      code: `import AWS from 'aws-sdk';
export const handler = async (event) => {
  const s3 = new AWS.S3();
  await s3.putObject({ Bucket: 'b', Key: event.key, Body: event.body }).promise();
};`,
      errors: [
        { messageId: 'sdkClientPerRequest', line: 3, column: 14, suggestions: hoist(`import AWS from 'aws-sdk';
const sharedAWSS3 = new AWS.S3();

export const handler = async (event) => {
  const s3 = sharedAWSS3;
  await s3.putObject({ Bucket: 'b', Key: event.key, Body: event.body }).promise();
};`) },
      ],
    },
    {
      code: `const S3 = require('aws-sdk/clients/s3');
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const s3 = new S3({ apiVersion: '2006-03-01' });
  const docs = new DocumentClient();
  const sqs = new AWS.DynamoDB.DocumentClient();
  return Promise.all([s3.getObject(event).promise(), docs.get(event).promise(), sqs.get(event).promise()]);
};`,
      languageOptions: commonjs,
      errors: [
        { messageId: 'sdkClientPerRequest', line: 5, column: 14, suggestions: hoist(`const S3 = require('aws-sdk/clients/s3');
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
const AWS = require('aws-sdk');
const sharedS3 = new S3({ apiVersion: '2006-03-01' });

exports.handler = async (event) => {
  const s3 = sharedS3;
  const docs = new DocumentClient();
  const sqs = new AWS.DynamoDB.DocumentClient();
  return Promise.all([s3.getObject(event).promise(), docs.get(event).promise(), sqs.get(event).promise()]);
};`) },
        { messageId: 'sdkClientPerRequest', line: 6, column: 16, suggestions: hoist(`const S3 = require('aws-sdk/clients/s3');
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
const AWS = require('aws-sdk');
const sharedDocumentClient = new DocumentClient();

exports.handler = async (event) => {
  const s3 = new S3({ apiVersion: '2006-03-01' });
  const docs = sharedDocumentClient;
  const sqs = new AWS.DynamoDB.DocumentClient();
  return Promise.all([s3.getObject(event).promise(), docs.get(event).promise(), sqs.get(event).promise()]);
};`) },
        { messageId: 'sdkClientPerRequest', line: 7, column: 15, suggestions: hoist(`const S3 = require('aws-sdk/clients/s3');
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
const AWS = require('aws-sdk');
const sharedDynamoDBDocumentClient = new AWS.DynamoDB.DocumentClient();

exports.handler = async (event) => {
  const s3 = new S3({ apiVersion: '2006-03-01' });
  const docs = new DocumentClient();
  const sqs = sharedDynamoDBDocumentClient;
  return Promise.all([s3.getObject(event).promise(), docs.get(event).promise(), sqs.get(event).promise()]);
};`) },
      ],
    },
    // AWS SDK v3 aggregated clients own a pool like the bare ones.
    {
      code: `import { DynamoDB } from '@aws-sdk/client-dynamodb';
export const handler = async (event) => {
  const ddb = new DynamoDB({});
  return ddb.getItem({ TableName: 't', Key: event.key });
};`,
      errors: [
        { messageId: 'poolPerRequest', line: 3, column: 15, suggestions: hoist(`import { DynamoDB } from '@aws-sdk/client-dynamodb';
const sharedDynamoDB = new DynamoDB({});

export const handler = async (event) => {
  const ddb = sharedDynamoDB;
  return ddb.getItem({ TableName: 't', Key: event.key });
};`) },
      ],
    },
  ],
});

// Cases that only make sense with the options or settings absent.
ruleTester.run('no-client-per-request (without options)', rule as never, {
  valid: [
    `import { HttpClient } from '@acme/http';
bus.subscribe('orders', async (order) => {
  const client = new HttpClient({ baseUrl: 'https://orders.example.com' });
  await postOrder(client, order);
});`,
  ],
  invalid: [],
});

// The same rule object under ESLint 10 (installed as the alias package `eslint-v10`).
describe('no-client-per-request on ESLint 10', () => {
  it('reports and suggests exactly as on ESLint 9, with both parsers', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Linter } = require('eslint-v10') as typeof import('eslint');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsParser = require('@typescript-eslint/parser') as object;
    const linter = new Linter({ configType: 'flat' });
    const code = `const { Pool } = require('undici');
module.exports.handler = async () => {
  const pool = new Pool('https://api.example.com');
  return (await pool.request({ path: '/', method: 'GET' })).body.json();
};
const cached = new Pool('https://api.example.com');`;
    for (const parser of [espree, tsParser]) {
      const messages = linter.verify(
        code,
        [
          {
            files: ['**/*.js'],
            languageOptions: { parser: parser as never, sourceType: 'commonjs', ecmaVersion: 2024 },
            plugins: { keepalive: { rules: { 'no-client-per-request': rule as never } } },
            rules: { 'keepalive/no-client-per-request': 'error' },
          },
        ],
        'lambda.js',
      );
      assert.deepEqual(
        messages.map((message) => [message.ruleId, message.line, message.column, message.suggestions?.length]),
        [['keepalive/no-client-per-request', 3, 16, 1]],
      );
    }
  });
});

describe('no-client-per-request options', () => {
  it('rejects malformed options with ESLint’s schema error on ESLint 9 and 10', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const linters = [require('eslint'), require('eslint-v10')] as (typeof import('eslint'))[];
    const malformed = [
      { poolConstructors: [{ from: 'package', name: 'Agent' }] },
      { handlerRegistrations: [{ object: 'bus' }] },
      { handlerRegistrations: [{ method: 'subscribe', argument: -1 }] },
      { unknownOption: true },
    ];
    for (const { Linter } of linters) {
      for (const options of malformed) {
        const linter = new Linter({ configType: 'flat' });
        assert.throws(
          () =>
            linter.verify(
              'const x = 1;',
              [
                {
                  files: ['**/*.js'],
                  plugins: { keepalive: { rules: { 'no-client-per-request': rule as never } } },
                  rules: { 'keepalive/no-client-per-request': ['error', options as never] },
                },
              ],
              'file.js',
            ),
          /Key "keepalive\/no-client-per-request"|Configuration for rule "keepalive\/no-client-per-request" is invalid/,
        );
      }
    }
  });
});
