/**
 * Cross-file client questions, seen through the real rule: small projects written to disk, one
 * file linted with the real ESLint (9 and 10) and both parsers, the other modules followed through
 * module summaries.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Linter as Linter9 } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import rule from '../../../src/rules/no-client-per-request';
import { removeProject, writeProject, type ProjectFiles } from '../../support/temp-project';

const roots: string[] = [];
after(() => roots.forEach(removeProject));

function project(files: ProjectFiles): string {
  const root = writeProject(files);
  roots.push(root);
  return root;
}

interface Options {
  readonly parser?: 'typescript' | 'espree';
  readonly eslint?: 9 | 10;
  readonly sourceType?: 'module' | 'commonjs';
}

/** Findings of no-client-per-request in `file`: "line:column messageId: message". */
function lint(file: string, options: Options = {}): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Linter = (options.eslint === 10 ? require('eslint-v10').Linter : Linter9) as typeof Linter9;
  // espree ships no type declarations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parser: unknown = options.parser === 'espree' ? require('espree') : tsParser;
  const messages = new Linter({ configType: 'flat', cwd: path.dirname(file) }).verify(
    fs.readFileSync(file, 'utf8'),
    [
      {
        files: ['**/*.{js,cjs,mjs,ts}'],
        languageOptions: { parser: parser as never, ecmaVersion: 2024, sourceType: options.sourceType ?? 'module' },
        plugins: { keepalive: { rules: { 'no-client-per-request': rule as never } } },
        rules: { 'keepalive/no-client-per-request': 'error' },
      },
    ],
    file,
  );
  return messages.map((message) => `${message.line}:${message.column} ${message.messageId ?? message.ruleId}: ${message.message}`);
}

/** Suggestion outputs of every finding in `file`. */
function suggestions(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const messages = new Linter9({ configType: 'flat', cwd: path.dirname(file) }).verify(
    text,
    [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: { parser: tsParser as never, sourceType: 'module' },
        plugins: { keepalive: { rules: { 'no-client-per-request': rule as never } } },
        rules: { 'keepalive/no-client-per-request': 'error' },
      },
    ],
    file,
  );
  return messages.flatMap((message) =>
    (message.suggestions ?? []).map((s) => text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1])),
  );
}

const AGENT_FACTORY = `'use strict';
const https = require('node:https');

function makeAgent(options = {}) {
  return new https.Agent({ keepAlive: true, ...options });
}

let shared;
function getAgent() {
  if (!shared) shared = makeAgent();
  return shared;
}

const common = makeAgent();
function commonAgent() {
  return common;
}

module.exports = { makeAgent, getAgent, commonAgent };
`;

describe('no-client-per-request across modules', () => {
  it('reports a per-request call of an imported factory, naming where the pool is built', () => {
    const root = project({
      'utils/agent.js': AGENT_FACTORY,
      'routes/catalog.js': `'use strict';
const express = require('express');
const https = require('node:https');
const { makeAgent, getAgent, commonAgent } = require('../utils/agent');
const router = express.Router();
const startup = makeAgent();
router.get('/products/:id', (req, res) => {
  const agent = makeAgent();
  https.get('https://catalog.example.com/' + req.params.id, { agent }, (r) => r.pipe(res));
});
router.get('/stock/:id', (req, res) => {
  https.get('https://catalog.example.com/stock', { agent: getAgent() }, (r) => r.pipe(res));
  https.get('https://catalog.example.com/other', { agent: commonAgent() }, (r) => r.pipe(res));
  https.get('https://catalog.example.com/startup', { agent: startup }, (r) => r.pipe(res));
});
module.exports = router;
`,
    });
    const file = path.join(root, 'routes/catalog.js');
    for (const parser of ['espree', 'typescript'] as const) {
      for (const eslint of [9, 10] as const) {
        assert.deepEqual(lint(file, { parser, eslint, sourceType: 'commonjs' }), [
          '8:17 factoryPerRequest: `makeAgent()` builds a new connection pool on every call (`new https.Agent()` in ../utils/agent.js:5) and is called in the request handler registered with `router.get()`, so each run opens new TCP+TLS connections. Create it once at module scope and reuse it.',
        ]);
      }
    }
  });

  it('reports an imported SDK factory configured from its own constants, not one configured from its parameters', () => {
    const root = project({
      'lib/supabase.js': `import { createClient } from '@supabase/supabase-js';
export function getSupabaseAdmin() {
  const url = process.env.SUPABASE_URL;
  const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (!url || !key) throw new Error('Supabase is not configured');
  return createClient(url, key, { auth: { persistSession: false } });
}
export function getSupabaseFor(token) {
  const key = process.env.SUPABASE_ANON_KEY;
  return createClient(process.env.SUPABASE_URL, key, { global: { headers: { Authorization: token } } });
}
`,
      'app/api/vote/route.js': `import { getSupabaseAdmin, getSupabaseFor } from '../../../lib/supabase';
export async function POST(req) {
  const supabase = getSupabaseAdmin();
  const user = getSupabaseFor(req.headers.get('authorization'));
  await user.from('votes').insert({ id: 1 });
  return Response.json(await supabase.rpc('handle_vote'));
}
`,
    });
    const file = path.join(root, 'app/api/vote/route.js');
    for (const parser of ['espree', 'typescript'] as const) {
      assert.deepEqual(lint(file, { parser }), [
        '3:20 sdkBuilderPerRequest: `getSupabaseAdmin()` builds a new Supabase client every time it runs (`createClient()` in ../../../lib/supabase.js:6) and is called in the Next.js route handler `POST`. Every Supabase client sends through one transport shared by the whole process, so this repeats client setup (configuration, credentials) on every run rather than opening connections; create it once at module scope and reuse it.',
      ]);
    }
  });

  it('offers to build the client once at module scope when the call is the same every time', () => {
    const root = project({
      'agent.ts': `import https from 'node:https';
export const makeAgent = (maxSockets = 8) => new https.Agent({ keepAlive: true, maxSockets });
`,
      'consumer.ts': `import https from 'node:https';
import { makeAgent } from './agent';
reader.on('message', (msg) => {
  const agent = makeAgent(4);
  https.request('https://sink.example.com', { agent, method: 'POST' }).end(msg.body);
});
export function forward(target: string, body: string) {
  const agent = makeAgent(Number(target.length));
  https.request(target, { agent, method: 'POST' }).end(body);
}
`,
    });
    const file = path.join(root, 'consumer.ts');
    assert.deepEqual(
      lint(file).map((finding) => finding.replace(/ \(`new.*$/, '')),
      [
        "4:17 factoryPerRequest: `makeAgent()` builds a new connection pool on every call",
        '8:17 factoryPerRequest: `makeAgent()` builds a new connection pool on every call',
      ],
    );
    assert.match(lint(file)[1] ?? '', /which uses it for one call and then drops it.*keyed cache/);
    assert.deepEqual(suggestions(file), [
      `import https from 'node:https';
import { makeAgent } from './agent';
const sharedAgent = makeAgent(4);

reader.on('message', (msg) => {
  const agent = sharedAgent;
  https.request('https://sink.example.com', { agent, method: 'POST' }).end(msg.body);
});
export function forward(target: string, body: string) {
  const agent = makeAgent(Number(target.length));
  https.request(target, { agent, method: 'POST' }).end(body);
}
`,
    ]);
  });

  it('follows a class whose constructor builds its client through an imported factory and a re-export', () => {
    const root = project({
      'src/clients/s3.ts': `import { S3Client } from '@aws-sdk/client-s3';
export function createS3Client(region = 'eu-west-1') {
  return new S3Client({ region });
}
`,
      'src/clients/index.ts': "export * from './s3';\n",
      'src/services/reports.ts': `import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../clients';
export class ReportService {
  private readonly s3: S3Client;
  constructor(private readonly bucket: string) {
    this.s3 = createS3Client();
  }
  publish(key: string) {
    return this.s3.send({ Bucket: this.bucket, Key: key } as never);
  }
}
`,
      'src/services/audit.ts': `export class AuditLog {
  constructor(private readonly client: { send(x: unknown): Promise<unknown> }) {}
  record(entry: unknown) { return this.client.send(entry); }
}
`,
      'src/handlers/report.ts': `import { ReportService } from '../services/reports';
import { AuditLog } from '../services/audit';
import { createS3Client } from '../clients';
const nightly = new ReportService('nightly');
const archive = createS3Client('us-east-1');
export const handler = async (event: { key: string; region: string }) => {
  const reports = new ReportService('reports');
  const audit = new AuditLog(archive);
  const regional = createS3Client(event.region);
  await audit.record(event);
  await regional.send(event as never);
  await nightly.publish(event.key);
  return reports.publish(event.key);
};
`,
    });
    assert.deepEqual(lint(path.join(root, 'src/handlers/report.ts')), [
      "7:19 poolClassPerRequest: `new ReportService()` builds a connection pool in its constructor (`new S3Client()` in ../clients/s3.ts:3) and is created in the AWS Lambda handler, once per event, so each run opens new TCP+TLS connections. Create it once at module scope and reuse it.",
      '9:20 factoryPerRequest: `createS3Client()` builds a new connection pool on every call (`new S3Client()` in ../clients/s3.ts:3) and is called in the AWS Lambda handler, once per event, so each run opens new TCP+TLS connections. Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
    ]);
  });

  it('stays quiet on memoised and shared clients, startup code and classes without a pool', () => {
    const root = project({
      'src/db.ts': `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
let client: DynamoDBClient | undefined;
export function getClient() {
  client ??= new DynamoDBClient({});
  return client;
}
const cache = new Map<string, DynamoDBClient>();
export function clientFor(region: string) {
  let found = cache.get(region);
  if (!found) {
    found = new DynamoDBClient({ region });
    cache.set(region, found);
  }
  return found;
}
export const shared = new DynamoDBClient({});
export function sharedClient() {
  return shared;
}
export class Tables {
  constructor(private readonly db = getClient()) {}
  create() { return this.db.send({} as never); }
}
export async function createTables() {
  const db = new DynamoDBClient({ endpoint: 'http://localhost:8000' });
  await db.send({} as never);
}
`,
      'src/handler.ts': `import { clientFor, createTables, getClient, sharedClient, Tables } from './db';
await createTables();
export const handler = async (event: { region: string }) => {
  await getClient().send(event as never);
  await clientFor(event.region).send(event as never);
  await sharedClient().send(event as never);
  await new Tables().create();
};
`,
    });
    assert.deepEqual(lint(path.join(root, 'src/handler.ts')), []);
  });

  it('sees through imported identity wrappers and helpers that only use the client', () => {
    const root = project({
      'src/tracing.ts': `export function traced<T>(client: T): T {
  return client;
}
`,
      'src/s3.ts': `export async function upload(client: { send(x: unknown): Promise<unknown> }, key: string) {
  await client.send({ key });
}
const kept: unknown[] = [];
export function remember(client: unknown) {
  kept.push(client);
}
`,
      'src/jobs.ts': `import { S3Client } from '@aws-sdk/client-s3';
import { traced } from './tracing';
import { remember, upload } from './s3';
export async function saveReport(key: string) {
  const s3 = new S3Client({});
  await upload(s3, key);
}
export async function readReport(key: string) {
  const s3 = traced(new S3Client({}));
  return s3.send({ key } as never);
}
export function connect() {
  const s3 = new S3Client({});
  remember(s3);
}
`,
    });
    assert.deepEqual(
      lint(path.join(root, 'src/jobs.ts')).map((finding) => finding.replace(/, so each run.*$/, '')),
      [
        '5:14 poolPerRequest: `new S3Client()` owns a connection pool and is created in `saveReport()`, which uses it for one call and then drops it',
        '9:21 poolPerRequest: `new S3Client()` owns a connection pool and is created in `readReport()`, which uses it for one call and then drops it',
      ],
    );
  });

  it('keeps the single-file behaviour when the imported module cannot be resolved or parsed', () => {
    const root = project({
      'src/broken.ts': 'export function makeAgent( {\n',
      'src/handler.ts': `import { makeAgent } from './broken';
import { makePool } from './missing';
import { Agent } from 'undici';
export const handler = async () => {
  const a = makeAgent();
  const b = makePool();
  const c = new Agent();
  return [a, b, c].map((x) => x.request({ path: '/' } as never));
};
`,
    });
    assert.deepEqual(
      lint(path.join(root, 'src/handler.ts')).map((finding) => finding.slice(0, finding.indexOf(':', 5))),
      ['7:13 poolPerRequest'],
    );
  });

  it('reports factories whose result object holds a new client in closures, also through a spread', () => {
    const root = project({
      'src/lib/store.ts': `import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
export const connectTable = (target: any) => (target instanceof DynamoDBClient ? target : new DynamoDBClient(target));
export const createStore = (conf: any, ctx: { table: string }) => {
  const client = connectTable(conf);
  return {
    list: async (key: string) => client.send(new QueryCommand({ TableName: ctx.table, KeyConditionExpression: key } as never)),
  };
};
export const createStoreListerClient = (conf: any, table: string) => {
  const client = connectTable(conf);
  return { list: async (key: string) => client.send(new QueryCommand({ TableName: table } as never)) };
};
export const createStoreClient = (conf: any, table: string) => ({ ...createStoreListerClient(conf, table) });
`,
      'src/handlers/list.ts': `import * as Sentry from '@sentry/serverless';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStore, createStoreClient } from '../lib/store';
const shared = new DynamoDBClient({});
const startup = createStore({ region: 'eu-west-1' }, { table: 'boot' });
export const handler = Sentry.AWSLambda.wrapHandler(async (event: any) => {
  const region = process.env.AWS_REGION;
  const ctx = { store: createStore({ region }, { table: 'items' }), lister: createStoreClient({ region }, 'items') };
  const withShared = createStore(shared, { table: 'items' });
  const fromEvent = createStore(event.connection, { table: 'items' });
  await Promise.all([withShared.list('a'), fromEvent.list('b'), startup.list('c')]);
  return ctx.store.list(event.key);
});
`,
    });
    assert.deepEqual(
      lint(path.join(root, 'src/handlers/list.ts')).map((finding) => finding.replace(/, so each run.*$/, '')),
      [
        '8:24 factoryPerRequest: `createStore()` builds a new connection pool on every call (`new DynamoDBClient()` in ../lib/store.ts:2) and is called in the AWS Lambda handler, once per event',
        '8:77 factoryPerRequest: `createStoreClient()` builds a new connection pool on every call (`new DynamoDBClient()` in ../lib/store.ts:2) and is called in the AWS Lambda handler, once per event',
      ],
    );
  });

  it('reports an imported factory whose agent goes on local options that an imported helper only sends', () => {
    const files = {
      'src/util/agent.ts': `import { Agent } from 'undici';
export function createHttpsAgent(tls: { ca?: string; cert?: string }) {
  return new Agent({ connect: { ca: tls.ca, cert: tls.cert } });
}
`,
      'src/cache.ts': `const memory = new Map<string, unknown>();
const pending: RequestInit[] = [];
export async function fetchWithCache(url: string, options: RequestInit = {}, bust = false) {
  const copy = Object.assign({}, options);
  delete (copy as { headers?: unknown }).headers;
  const key = \`fetch:\${url}:\${JSON.stringify(copy)}\`;
  if (!bust && memory.has(key)) return memory.get(key);
  const response = await fetch(url, options);
  const data = await response.json();
  memory.set(key, data);
  return data;
}
export async function fetchLater(url: string, options: RequestInit) {
  pending.push(options);
  return fetch(url, options);
}
`,
      'src/providers/http.ts': `import { createHttpsAgent } from '../util/agent';
import { fetchLater, fetchWithCache } from '../cache';
export class HttpProvider {
  private readonly kept: Record<string, unknown> = {};
  constructor(private readonly url: string, private readonly config: { tls?: { ca?: string } }) {}
  async callApi(prompt: string) {
    const fetchOptions: Record<string, unknown> = { method: 'POST', body: JSON.stringify({ prompt }) };
    if (this.config.tls) {
      fetchOptions.dispatcher = createHttpsAgent(this.config.tls);
    }
    return { output: await fetchWithCache(this.url, fetchOptions as RequestInit) };
  }
  async queueApi(prompt: string) {
    const fetchOptions: Record<string, unknown> = { method: 'POST', body: prompt };
    fetchOptions.dispatcher = createHttpsAgent(this.config.tls ?? {});
    return fetchLater(this.url, fetchOptions as RequestInit);
  }
  async setup() {
    this.kept.dispatcher = createHttpsAgent(this.config.tls ?? {});
  }
}
`,
    };
    const root = project(files);
    assert.deepEqual(
      lint(path.join(root, 'src/providers/http.ts')).map((finding) => finding.replace(/, so each run.*$/, '')),
      [
        '9:33 factoryPerRequest: `createHttpsAgent()` builds a new connection pool on every call (`new Agent()` in ../util/agent.ts:3) and is called in `HttpProvider.callApi()`, which uses it for one call and then drops it',
      ],
    );
  });

  it('reports imported factories and classes kept on the request object, in resolvers and in Apollo context', () => {
    const root = project({
      'src/clients.ts': `import { S3Client } from '@aws-sdk/client-s3';
export function createS3() {
  return new S3Client({ region: 'eu-west-1' });
}
`,
      'src/weather-api.js': `import axios from 'axios';
import https from 'node:https';
export class WeatherAPI {
  constructor() {
    this.http = axios.create({ baseURL: 'https://weather.example.com', httpsAgent: new https.Agent({ keepAlive: true }) });
  }
  async current(city) {
    return (await this.http.get('/current/' + city)).data;
  }
}
`,
      'src/movies-api.js': `import { RESTDataSource } from '@apollo/datasource-rest';
export class MoviesAPI extends RESTDataSource {
  baseURL = 'https://movies.example.com/';
  getMovie(id) { return this.get('movies/' + id); }
}
`,
      'src/app.js': `import express from 'express';
import { createS3 } from './clients';
const app = express();
app.use((req, res, next) => {
  req.s3 = createS3();
  next();
});
export default app;
`,
      'src/graphql.js': `import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';
import { WeatherAPI } from './weather-api';
import { MoviesAPI } from './movies-api';
const weather = new WeatherAPI();
export const resolvers = {
  Query: {
    weather: async (_, { city }) => {
      const api = new WeatherAPI();
      return api.current(city);
    },
    cached: async (_, { city }) => weather.current(city),
    movie: async (_, { id }, { dataSources }) => dataSources.movies.getMovie(id),
  },
};
export const server = new ApolloServer({ typeDefs: '', resolvers });
export const middleware = expressMiddleware(server, {
  context: async () => ({ dataSources: { weather: new WeatherAPI(), movies: new MoviesAPI() } }),
});
`,
    });
    assert.deepEqual(
      lint(path.join(root, 'src/app.js'), { parser: 'espree' }).map((finding) => finding.replace(/, so each run.*$/, '')),
      [
        '5:12 factoryPerRequest: `createS3()` builds a new connection pool on every call (`new S3Client()` in clients.ts:3) and is called in the request handler registered with `app.use()`, which keeps it on `req.s3` for that request only',
      ],
    );
    assert.deepEqual(
      lint(path.join(root, 'src/graphql.js'), { parser: 'espree' }).map((finding) => finding.replace(/, so each run.*$/, '')),
      [
        '9:19 poolClassPerRequest: `new WeatherAPI()` builds a connection pool in its constructor (`new https.Agent()` in weather-api.js:5) and is created in the GraphQL resolver `Query.weather`, once per request',
        '18:51 poolClassPerRequest: `new WeatherAPI()` builds a connection pool in its constructor (`new https.Agent()` in weather-api.js:5) and is created in the `context` function passed to `expressMiddleware()`, once per request, which returns a new one every time',
      ],
    );
  });

  it('reports a constructor that builds its own client only when the call site brings none', () => {
    const root = project({
      'packages/locks/src/s3-locker.ts': `import { S3Client } from '@aws-sdk/client-s3';
export interface LockerOptions { bucket: string; region?: string; s3Client?: S3Client }
export class S3Locker {
  private readonly s3: S3Client;
  constructor(private readonly options: LockerOptions) {
    this.s3 = options.s3Client ?? new S3Client({ region: options.region });
  }
  lock(key: string) {
    return this.s3.send({ Bucket: this.options.bucket, Key: key } as never);
  }
}
export function createLocker(options: LockerOptions) {
  return new S3Locker(options);
}
`,
      'packages/locks/src/index.ts': "export * from './s3-locker';\n",
      'src/handler.ts': `import { S3Client } from '@aws-sdk/client-s3';
import { S3Locker, createLocker } from '../packages/locks/src';
const sharedClient = new S3Client({});
export const handler = async (event: { key: string; locker: never }) => {
  const shared = new S3Locker({ bucket: 'locks', s3Client: sharedClient });
  const own = new S3Locker({ bucket: 'locks', region: 'eu-west-1' });
  const unknown = new S3Locker(event.locker);
  const viaFactory = createLocker({ bucket: 'locks', s3Client: sharedClient });
  const ownViaFactory = createLocker({ bucket: 'locks' });
  await Promise.all([shared, own, unknown, viaFactory, ownViaFactory].map((locker) => locker.lock(event.key)));
};
`,
    });
    assert.deepEqual(
      lint(path.join(root, 'src/handler.ts')).map((finding) => finding.replace(/ builds .*$/, '')),
      ['6:15 poolClassPerRequest: `new S3Locker()`', '9:25 factoryPerRequest: `createLocker()`'],
    );
  });

  it('reports an imported class built and used once per call of an exported function', () => {
    const root = project({
      'src/storage.ts': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
export class StorageService {
  private readonly s3 = new S3Client({});
  put(key: string) {
    return this.s3.send(new PutObjectCommand({ Bucket: 'archive', Key: key }));
  }
}
export class Plain {
  put(key: string) { return key; }
}
`,
      'src/jobs.ts': `import { Plain, StorageService } from './storage';
export async function archive(key: string) {
  const storage = new StorageService();
  await storage.put(key);
}
export async function echo(key: string) {
  return new Plain().put(key);
}
export function createArchiver() {
  return new StorageService();
}
`,
    });
    assert.deepEqual(
      lint(path.join(root, 'src/jobs.ts')).map((finding) => finding.replace(/, so each run.*$/, '')),
      [
        '3:19 poolClassPerRequest: `new StorageService()` builds a connection pool in its constructor (`new S3Client()` in storage.ts:3) and is created in `archive()`, which uses it for one call and then drops it',
      ],
    );
  });

  it('follows a subclass to the base class constructor of another module (super(...) and implicit)', () => {
    const root = project({
      'src/http/base-api.ts': `import axios, { type AxiosInstance } from 'axios';
import https from 'node:https';
export class BaseApi {
  protected http: AxiosInstance;
  constructor(baseURL: string) {
    this.http = axios.create({ baseURL, httpsAgent: new https.Agent({ keepAlive: true }) });
  }
}
export class InjectedApi {
  constructor(protected http: AxiosInstance) {}
}
`,
      'src/http/users-api.ts': `import { BaseApi, InjectedApi } from './base-api';
import { sharedHttp } from './shared';
export class UsersApi extends BaseApi {
  constructor() { super('https://users.internal'); }
  list() { return this.http.get('/users'); }
}
export class OrdersApi extends BaseApi {
  list() { return this.http.get('/orders'); }
}
export class AuditApi extends InjectedApi {
  constructor() { super(sharedHttp); }
  list() { return this.http.get('/audit'); }
}
`,
      'src/http/shared.ts': `import axios from 'axios';
export const sharedHttp = axios.create();
`,
      'src/routes.js': `const express = require('express');
const { UsersApi, OrdersApi, AuditApi } = require('./http/users-api');
const app = express();
app.get('/users', async (req, res) => {
  const api = new UsersApi();
  res.json((await api.list()).data);
});
app.get('/orders', async (req, res) => res.json((await new OrdersApi('https://orders.internal').list()).data));
app.get('/audit', async (req, res) => res.json((await new AuditApi().list()).data));
module.exports = app;
`,
    });
    const file = path.join(root, 'src/routes.js');
    for (const parser of ['espree', 'typescript'] as const) {
      assert.deepEqual(
        lint(file, { parser, sourceType: 'commonjs' }).map((finding) => finding.replace(/ and is created.*$/, '')),
        [
          '5:15 poolClassPerRequest: `new UsersApi()` builds a connection pool in its constructor (`new https.Agent()` in http/base-api.ts:6)',
          '8:56 poolClassPerRequest: `new OrdersApi()` builds a connection pool in its constructor (`new https.Agent()` in http/base-api.ts:6)',
        ],
      );
    }
  });
});
