/**
 * no-client-per-request on single-file shapes of bugs that public projects fixed upstream (written
 * in our own words), each next to the correct code it must keep quiet on: Lambda handlers exported
 * through a const, per-call helpers that put the agent on the caller's options, pools installed
 * process-wide on every call, clients kept on the request object, GraphQL resolvers and Apollo's
 * context function, constructions skipped when the caller brings its own client, and classes built
 * and used once per call.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

const ruleTester = new RuleTester();
const commonjs = { parser: espree as never, sourceType: 'commonjs' as const, ecmaVersion: 2024 as const };
const hoist = (output: string) => [{ messageId: 'hoistToModuleScope' as const, output }];

const STORAGE_SERVICE = `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
class StorageService {
  private readonly s3 = new S3Client({});
  put(key: string) {
    return this.s3.send(new PutObjectCommand({ Bucket: 'archive', Key: key }));
  }
}
`;

const LOCKER = `import { S3Client } from '@aws-sdk/client-s3';
import express from 'express';
class S3Locker {
  private readonly s3: S3Client;
  constructor(private readonly options: { bucket: string; region?: string; s3Client?: S3Client }) {
    this.s3 = options.s3Client ?? new S3Client({ region: options.region });
  }
  lock(key: string) {
    return this.s3.send({ Bucket: this.options.bucket, Key: key } as never);
  }
}
const app = express();
const sharedClient = new S3Client({});
`;

const WEATHER_API = `import axios from 'axios';
import https from 'node:https';
class WeatherAPI {
  constructor() {
    this.http = axios.create({ baseURL: 'https://weather.example.com', httpsAgent: new https.Agent({ keepAlive: true }) });
  }
  async current(city) {
    return (await this.http.get('/current/' + city)).data;
  }
}
`;

const LOCKED = `${LOCKER}app.post('/lock/:key', async (req, res) => {
  const locker = new S3Locker({ bucket: 'locks', region: 'eu-west-1' });
  await locker.lock(req.params.key);
  res.end();
});`;

const RESOLVERS = `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
${WEATHER_API}
const resolvers = {
  Query: {
    weather: async (_, { city }) => {
      const api = new WeatherAPI();
      return api.current(city);
    },
  },
  City: {
    async temperature(city) {
      return (await new WeatherAPI().current(city.name)).temperature;
    },
  },
};
const server = new ApolloServer({ typeDefs: '', resolvers });
await startStandaloneServer(server, {
  context: async ({ req }) => ({ token: req.headers.authorization, dataSources: { weather: new WeatherAPI() } }),
});`;

ruleTester.run('no-client-per-request (upstream fixes)', rule as never, {
  valid: [
    // 1: the same const exported under a name Lambda does not invoke; a v2 client outside a handler.
    `import { DynamoDB } from 'aws-sdk';
const main = async (event) => new DynamoDB().getItem({ TableName: 'users', Key: event.key }).promise();
const wrapped = wrapLambda(main);
export { wrapped as main };`,
    // 2: the agent put on the caller's options, which are returned (a builder), kept without a
    // request, or handed to code that may keep them.
    `import https from 'node:https';
export function withAgent(options: Record<string, unknown>) {
  options.agent = new https.Agent({ keepAlive: true });
  return options;
}
export function attachAgent(options: Record<string, unknown>) {
  options.agent = new https.Agent({ keepAlive: true });
}
export function registerAgent(options: Record<string, unknown>) {
  options.agent = new https.Agent({ keepAlive: true });
  registry.add(options);
  return fetch('https://api.example.com', options);
}`,
    // 3: process-wide installs behind a lazy guard, at startup, or in a reconfiguration that other
    // functions read from.
    `import { Agent, ProxyAgent, setGlobalDispatcher } from 'undici';
import https from 'node:https';
let configured = false;
export async function fetchWithProxy(url: string) {
  if (!configured) {
    setGlobalDispatcher(new ProxyAgent(process.env.HTTPS_PROXY!));
    configured = true;
  }
  return fetch(url);
}
setGlobalDispatcher(new Agent({ keepAliveTimeout: 10_000 }));
function main() {
  https.globalAgent = new https.Agent({ keepAlive: true });
  return fetch('https://api.example.com/health');
}
main();
let agent: https.Agent | undefined;
export function send(url: string) {
  agent ??= new https.Agent({ keepAlive: true });
  return https.get(url, { agent });
}
let pool: https.Agent;
export function connect(url: string) {
  pool = new https.Agent({ keepAlive: true });
  https.get(url, { agent: pool });
  return pool;
}
let upstream = new https.Agent({ keepAlive: true });
export function reconfigure(maxSockets: number) {
  upstream = new https.Agent({ keepAlive: true, maxSockets });
}
export function forward(url: string) {
  return https.get(url, { agent: upstream });
}`,
    // 6: the application object outlives the request; a helper's parameter is not a request.
    `import express from 'express';
import { S3Client } from '@aws-sdk/client-s3';
const app = express();
app.use((req, res, next) => {
  req.app.locals.s3 = new S3Client({});
  next();
});
export function attachClients(target: { s3?: S3Client }) {
  target.s3 = new S3Client({});
}`,
    // 7: resolvers that use a module-level client, an object that is no resolver map, a data
    // source without a pool of its own created in Apollo's context function.
    `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { RESTDataSource } from '@apollo/datasource-rest';
import { S3 } from 'aws-sdk';
${WEATHER_API}
class MoviesAPI extends RESTDataSource {
  baseURL = 'https://movies.example.com/';
  getMovie(id) { return this.get('movies/' + id); }
}
const weather = new WeatherAPI();
const resolvers = {
  Query: {
    weather: async (_, { city }) => weather.current(city),
    movie: async (_, { id }, { dataSources }) => dataSources.movies.getMovie(id),
  },
};
const fixtures = { Query: { bucket: async () => new S3().listObjects({ Bucket: 'fixtures' }).promise() } };
export function loadFixtures() { return fixtures; }
const server = new ApolloServer({ typeDefs: '', resolvers });
await startStandaloneServer(server, {
  context: async () => ({ dataSources: { movies: new MoviesAPI() } }),
});`,
    // 8: the caller brings its own client, or the call site does not show whether it does.
    `${LOCKER}app.post('/lock/:key', async (req, res) => {
  const locker = new S3Locker({ bucket: 'locks', s3Client: sharedClient });
  const fromConfig = new S3Locker(req.app.locals.lockerOptions);
  const spread = new S3Locker({ ...req.body.locker });
  await Promise.all([locker.lock(req.params.key), fromConfig.lock('x'), spread.lock('y')]);
  res.end();
});`,
    `import { S3Client } from '@aws-sdk/client-s3';
import express from 'express';
const shared = new S3Client({});
class Uploads {
  s3: S3Client;
  constructor({ s3Client, region }: { s3Client?: S3Client; region?: string } = {}) {
    if (!s3Client) {
      this.s3 = new S3Client({ region });
    } else {
      this.s3 = s3Client;
    }
  }
  put(key: string) { return this.s3.send({ key } as never); }
}
const app = express();
app.put('/files/:key', async (req, res) => {
  await new Uploads({ s3Client: shared }).put(req.params.key);
  res.end();
});`,
    // A same-file factory that only builds when no client is given, called with one.
    `import { SQSClient } from '@aws-sdk/client-sqs';
const shared = new SQSClient({});
function queueClient(options: { client?: SQSClient; region?: string }) {
  return options.client ?? new SQSClient({ region: options.region });
}
export const handler = async (event: { body: string }) => {
  await queueClient({ client: shared }).send({ body: event.body } as never);
};`,
    // A class built and used once: fine at startup, and when the instance is kept.
    `${STORAGE_SERVICE}async function main() {
  const storage = new StorageService();
  await storage.put('boot');
}
main();
export class Archiver {
  private readonly storage: StorageService;
  constructor() {
    this.storage = new StorageService();
  }
  archive(key: string) { return this.storage.put(key); }
}`,
  ],
  invalid: [
    // 1: a Lambda handler exported through a wrapper stored in a const and renamed on export.
    {
      code: `import { DynamoDB } from 'aws-sdk';
import { wrapLambda } from './monitoring';
const handler = async (event) => {
  const dynamodb = new DynamoDB();
  return dynamodb.getItem({ TableName: 'users', Key: event.key }).promise();
};
const wrapped = wrapLambda(handler);
export { wrapped as handler };`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 4,
          column: 20,
          suggestions: hoist(`import { DynamoDB } from 'aws-sdk';
import { wrapLambda } from './monitoring';
const sharedDynamoDB = new DynamoDB();

const handler = async (event) => {
  const dynamodb = sharedDynamoDB;
  return dynamodb.getItem({ TableName: 'users', Key: event.key }).promise();
};
const wrapped = wrapLambda(handler);
export { wrapped as handler };`),
        },
      ],
    },
    {
      code: `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const withSentry = require('./sentry');
async function main(event) {
  const s3 = new S3Client({ region: event.region });
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
}
const wrapped = withSentry(main);
module.exports = { handler: wrapped };`,
      languageOptions: commonjs,
      errors: [{ messageId: 'poolPerRequest', line: 4, column: 14 }],
    },
    // 2: the agent goes onto a fresh copy of the caller's options, which go to one request.
    {
      code: `const http = require('node:http');
const https = require('node:https');
exports.request = function request(options, callback) {
  const client = options.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  options = Object.assign({ method: 'GET' }, options);
  options.agent = agent;
  return client.request(options, callback);
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'poolPerRequest', line: 5, column: 17 }],
    },
    // ... or onto the caller's own options object, passed to the request and not returned.
    {
      code: `import https from 'node:https';
import fetch from 'node-fetch';
export class Http {
  public static async fetch(url: string, options: any = {}) {
    const httpsAgent = new https.Agent({ rejectUnauthorized: false });
    options.agent = httpsAgent;
    return fetch(url, options);
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 24,
          suggestions: hoist(`import https from 'node:https';
import fetch from 'node-fetch';
const sharedHttpsAgent = new https.Agent({ rejectUnauthorized: false });

export class Http {
  public static async fetch(url: string, options: any = {}) {
    const httpsAgent = sharedHttpsAgent;
    options.agent = httpsAgent;
    return fetch(url, options);
  }
}`),
        },
      ],
    },
    // 3: a new pool installed process-wide on every call.
    {
      code: `import { ProxyAgent, setGlobalDispatcher } from 'undici';
export async function fetchWithProxy(url: string, init?: RequestInit) {
  const proxy = process.env.HTTPS_PROXY;
  if (proxy) {
    setGlobalDispatcher(new ProxyAgent(proxy));
  }
  return fetch(url, init);
}`,
      errors: [{ messageId: 'poolPerRequest', line: 5, column: 25 }],
    },
    {
      code: `import express from 'express';
import https from 'node:https';
const app = express();
app.get('/report', (req, res) => {
  https.globalAgent = new https.Agent({ keepAlive: true, maxSockets: Number(req.query.sockets) });
  https.get('https://reports.example.com/latest', (upstream) => upstream.pipe(res));
});`,
      errors: [{ messageId: 'poolPerRequest', line: 5, column: 23 }],
    },
    {
      code: `const https = require('node:https');
let agent;
exports.send = function send(url, body) {
  agent = new https.Agent({ keepAlive: true, maxSockets: body.length });
  return https.request(url, { agent, method: 'POST' }).end(body);
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'poolPerRequest', line: 4, column: 11 }],
    },
    // 6: kept on the request object (Express, res.locals, Koa's ctx.state): one per request.
    {
      code: `import express from 'express';
import Koa from 'koa';
import { S3Client } from '@aws-sdk/client-s3';
const app = express();
app.use((req, res, next) => {
  req.s3 = new S3Client({ region: req.headers['x-region'] });
  next();
});
app.use((req, res, next) => {
  res.locals.s3 = new S3Client({ region: req.headers['x-region'] });
  next();
});
const koa = new Koa();
koa.use(async (ctx, next) => {
  ctx.state.s3 = new S3Client({ region: ctx.get('x-region') });
  await next();
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 6, column: 12 },
        { messageId: 'poolPerRequest', line: 10, column: 19 },
        { messageId: 'poolPerRequest', line: 15, column: 18 },
      ],
    },
    // The same through TypeScript casts: `(req as any).audit`, `(res.locals as Locals).s3`.
    {
      code: `import express from 'express';
import https from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
type Locals = { s3?: S3Client };
const app = express();
app.use((req, res, next) => {
  (req as any).audit = new https.Agent({ keepAlive: true, maxSockets: Number(req.headers['x-max']) });
  (res.locals as Locals).s3 = new S3Client({ region: req.headers['x-region'] as string });
  next();
});`,
      errors: [
        { messageId: 'poolPerRequest', line: 7, column: 24 },
        { messageId: 'poolPerRequest', line: 8, column: 31 },
      ],
    },
    // 7: GraphQL resolvers run per request (per field); so does Apollo's context function.
    {
      code: RESOLVERS,
      errors: [17, 23, 29].map((line, index) => ({
        messageId: 'poolClassPerRequest' as const,
        line,
        column: [19, 21, 92][index],
        suggestions: hoist(hoisted(RESOLVERS, '}\n}\n', 'const sharedWeatherAPI = new WeatherAPI();', line, 'new WeatherAPI()', 'sharedWeatherAPI')),
      })),
    },
    {
      code: `import { makeExecutableSchema } from '@graphql-tools/schema';
import { Agent, request } from 'undici';
export const schema = makeExecutableSchema({
  typeDefs: '',
  resolvers: [
    {
      Mutation: {
        ping: async (_, { origin }) => {
          const pool = new Agent({ connect: { servername: origin } });
          return (await request(origin, { dispatcher: pool })).statusCode;
        },
      },
    },
  ],
});`,
      errors: [{ messageId: 'poolPerRequest', line: 9, column: 24 }],
    },
    // 8: nothing passed for the option: the constructor builds its own client.
    {
      code: LOCKED,
      errors: [
        {
          messageId: 'poolClassPerRequest',
          line: 15,
          column: 18,
          suggestions: hoist(
            hoisted(LOCKED, '}\n}\n', "const sharedS3Locker = new S3Locker({ bucket: 'locks', region: 'eu-west-1' });", 15, /new S3Locker\(.*\)/, 'sharedS3Locker'),
          ),
        },
      ],
    },
    // ... and called without one.
    {
      code: `import { SQSClient } from '@aws-sdk/client-sqs';
function queueClient(options: { client?: SQSClient; region?: string }) {
  return options.client ?? new SQSClient({ region: options.region });
}
export const handler = async (event: { body: string; region: string }) => {
  await queueClient({ region: event.region }).send({ body: event.body } as never);
};`,
      errors: [{ messageId: 'poolPerRequest', line: 3, column: 28 }],
    },
    // A v2 client (reported only per request) in an exported resolver map.
    {
      code: `import { S3 } from 'aws-sdk';
export const resolvers = {
  Query: {
    files: async () => new S3().listObjectsV2({ Bucket: 'files' }).promise(),
  },
};`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 4,
          column: 24,
          suggestions: hoist(`import { S3 } from 'aws-sdk';
const sharedS3 = new S3();

export const resolvers = {
  Query: {
    files: async () => sharedS3.listObjectsV2({ Bucket: 'files' }).promise(),
  },
};`),
        },
      ],
    },
    // A class that builds a pool, built and used for one call and then dropped.
    {
      code: `${STORAGE_SERVICE}export async function archive(key: string) {
  const storage = new StorageService();
  await storage.put(key);
}`,
      errors: [
        {
          messageId: 'poolClassPerRequest',
          line: 9,
          column: 19,
          suggestions: hoist(`${STORAGE_SERVICE}const sharedStorageService = new StorageService();

export async function archive(key: string) {
  const storage = sharedStorageService;
  await storage.put(key);
}`),
        },
      ],
    },
  ],
});

/**
 * `code` after a hoist: `declaration` on a new line after the first `after`, and `from` replaced by
 * `to` on line `line`.
 */
function hoisted(code: string, after: string, declaration: string, line: number, from: string | RegExp, to: string): string {
  const lines = code.split('\n');
  lines[line - 1] = (lines[line - 1] ?? '').replace(from, to);
  const replaced = lines.join('\n');
  const at = replaced.indexOf(after) + after.length;
  const rest = replaced.slice(at);
  // A blank line follows the declaration (the suggestion adds one unless the code had one there).
  return `${replaced.slice(0, at)}${declaration}\n${rest.startsWith('\n') ? '' : '\n'}${rest}`;
}
