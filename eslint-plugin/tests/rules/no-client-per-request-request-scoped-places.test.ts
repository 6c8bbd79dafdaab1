/**
 * no-client-per-request on clients kept in places that live for one request: Hono's context
 * variables (`c.set('pool', new Pool())`), middy's `request.context`, Koa's `ctx.state` in an app
 * passed in as a parameter (`mount(app = new Koa())`, `routes(app: Express)`), a hook of a middy
 * chain (`middy(fn).before(hook)`), and the constructor of a NestJS request-scoped provider
 * (`@Injectable({ scope: Scope.REQUEST })`, `@Inject(REQUEST)`), which Nest runs for every request;
 * and a collection a request handler adds a new client to every time (`openPools.add(pool)`).
 *
 * Quiet: a keyed cache guarded by a lookup, a collection filled at startup, a shared client put on the context, `set` on a parameter of a function that is not a
 * request handler, `.use()` on an untyped parameter, a default-scoped or transient provider,
 * `before()` of a test framework.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const commonjs = { parser: espree as never, ecmaVersion: 2024 as const, sourceType: 'commonjs' as const };

const ruleTester = new RuleTester();
const keyedCache =
  'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.';
const hoistAdvice = 'Create it once at module scope and reuse it.';

ruleTester.run('no-client-per-request (request-scoped places)', rule as never, {
  valid: [
    // A shared pool put on the context.
    `import { Hono } from 'hono';
import { Pool } from 'undici';
const app = new Hono();
const shared = new Pool('https://users.internal');
app.use('/users/*', async (c, next) => {
  c.set('pool', shared);
  await next();
});`,
    // \`set\` on a parameter of a function that is not a request handler: a cache filled once per origin.
    `import { Pool } from 'undici';
export function remember(pools: Map<string, Pool>, origin: string) {
  pools.set(origin, new Pool(origin));
}`,
    // An untyped parameter: \`app.use(fn)\` may be anything.
    `import { Agent } from 'undici';
export function install(app) {
  app.use((item) => {
    item.agent = new Agent();
  });
}`,
    // A default-scoped provider: Nest builds it once.
    `import { Injectable } from '@nestjs/common';
import { Pool } from 'undici';
@Injectable()
export class Gateway {
  private readonly pool: Pool;
  constructor() {
    this.pool = new Pool('https://gateway.internal');
  }
}`,
    // Transient: one instance per consumer, built at startup.
    `import { Injectable, Scope } from '@nestjs/common';
import { Pool } from 'undici';
@Injectable({ scope: Scope.TRANSIENT })
export class Gateway {
  private readonly pool = new Pool('https://gateway.internal');
  constructor() {
    this.pool = new Pool('https://gateway.internal');
  }
}`,
    // A look-alike REQUEST token of the project's own.
    `import { Injectable, Inject } from '@nestjs/common';
import { REQUEST } from './tokens';
import { Pool } from 'undici';
@Injectable()
export class Gateway {
  private readonly pool: Pool;
  constructor(@Inject(REQUEST) config: { url: string }) {
    this.pool = new Pool(config.url);
  }
}`,
    // A keyed cache filled once per origin in a request handler: guarded by a lookup.
    `import express from 'express';
import { Pool } from 'undici';
const pools = new Map<string, Pool>();
const app = express();
app.get('/proxy/:host', async (req, res) => {
  if (!pools.has(req.params.host)) pools.set(req.params.host, new Pool(\`https://\${req.params.host}\`));
  const { body } = await pools.get(req.params.host)!.request({ path: '/', method: 'GET' });
  res.json(await body.json());
});`,
    // A helper that fills a cache, called behind a lookup.
    `import express from 'express';
import { Pool } from 'undici';
const pools = new Map<string, Pool>();
function createPool(origin: string) {
  const pool = new Pool(origin);
  pools.set(origin, pool);
  return pool;
}
const app = express();
app.get('/proxy/:host', async (req, res) => {
  const origin = \`https://\${req.params.host}\`;
  const pool = pools.get(origin) ?? createPool(origin);
  const { body } = await pool.request({ path: '/', method: 'GET' });
  res.json(await body.json());
});`,
    // Pools added to a collection at startup: one per shard, kept.
    `import { Pool } from 'undici';
const shards: Pool[] = [];
export function setupShards(urls: string[]) {
  for (const url of urls) shards.push(new Pool(url));
}`,
    // tap's t.before / mocha's before: test setup.
    `import t from 'tap';
import { Agent } from 'undici';
t.before(async () => {
  const agent = new Agent();
  await agent.close();
});`,
  ],
  invalid: [
    {
      code: `import express from 'express';
import { Pool } from 'undici';
const app = express();
const openPools = new Set<Pool>();
process.on('SIGTERM', async () => {
  await Promise.all([...openPools].map((pool) => pool.close()));
});
app.get('/reports/:id', async (req, res) => {
  const pool = new Pool('https://reports.internal.example', { connections: 2 });
  openPools.add(pool);
  const { body } = await pool.request({ path: \`/reports/\${req.params.id}\`, method: 'GET' });
  res.json(await body.json());
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 9,
          data: {
            client: 'new Pool()',
            where: 'in the request handler registered with `app.get()`, which adds it to `openPools` every time',
            advice: hoistAdvice,
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import express from 'express';
import { Pool } from 'undici';
const sharedPool = new Pool('https://reports.internal.example', { connections: 2 });

const app = express();
const openPools = new Set<Pool>();
process.on('SIGTERM', async () => {
  await Promise.all([...openPools].map((pool) => pool.close()));
});
app.get('/reports/:id', async (req, res) => {
  const pool = sharedPool;
  openPools.add(pool);
  const { body } = await pool.request({ path: \`/reports/\${req.params.id}\`, method: 'GET' });
  res.json(await body.json());
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Hono } from 'hono';
import { Pool } from 'undici';
const app = new Hono();
app.use('/orgs/*', async (c, next) => {
  c.set('pool', new Pool('https://orgs.internal'));
  await next();
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          data: {
            client: 'new Pool()',
            where: "in the request handler registered with `app.use()`, which keeps it on `c.set('pool')` for that request only",
            advice: hoistAdvice,
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: `import { Hono } from 'hono';
import { Pool } from 'undici';
const sharedPool = new Pool('https://orgs.internal');

const app = new Hono();
app.use('/orgs/*', async (c, next) => {
  c.set('pool', sharedPool);
  await next();
});` }],
        },
      ],
    },
    {
      code: `import Koa from 'koa';
import { Pool } from 'undici';
export function mount(app = new Koa()) {
  app.use(async (ctx, next) => {
    ctx.state.inventory = new Pool('https://inventory.internal');
    await next();
  });
  return app;
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          data: {
            client: 'new Pool()',
            where: 'in the request handler registered with `app.use()`, which keeps it on `ctx.state.inventory` for that request only',
            advice: hoistAdvice,
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: `import Koa from 'koa';
import { Pool } from 'undici';
const sharedPool = new Pool('https://inventory.internal');

export function mount(app = new Koa()) {
  app.use(async (ctx, next) => {
    ctx.state.inventory = sharedPool;
    await next();
  });
  return app;
}` }],
        },
      ],
    },
    {
      code: `import type { Express } from 'express';
import { Agent } from 'undici';
export function routes(app: Express) {
  app.use((req, res, next) => {
    res.locals.dispatcher = new Agent();
    next();
  });
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          data: {
            client: 'new Agent()',
            where: 'in the request handler registered with `app.use()`, which keeps it on `res.locals.dispatcher` for that request only',
            advice: hoistAdvice,
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: `import type { Express } from 'express';
import { Agent } from 'undici';
const sharedAgent = new Agent();

export function routes(app: Express) {
  app.use((req, res, next) => {
    res.locals.dispatcher = sharedAgent;
    next();
  });
}` }],
        },
      ],
    },
    {
      code: `const middy = require('@middy/core');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const base = async (event, context) => context.s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
module.exports.handler = middy(base).before(async (request) => {
  request.context.s3 = new S3Client({});
});`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          data: {
            client: 'new S3Client()',
            where: 'in the AWS Lambda handler, once per event, which keeps it on `request.context.s3` for that request only',
            advice: hoistAdvice,
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: `const middy = require('@middy/core');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const sharedS3Client = new S3Client({});

const base = async (event, context) => context.s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
module.exports.handler = middy(base).before(async (request) => {
  request.context.s3 = sharedS3Client;
});` }],
        },
      ],
    },
    {
      code: `import middy from '@middy/core';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const base = async (event) => event;
export const handler = middy(base).before(async (request) => {
  const s3 = new S3Client({});
  await s3.send(new GetObjectCommand({ Bucket: 'cfg', Key: 'flags.json' }));
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          data: { client: 'new S3Client()', where: 'in the AWS Lambda handler, once per event', advice: hoistAdvice },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import middy from '@middy/core';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

const base = async (event) => event;
export const handler = middy(base).before(async (request) => {
  const s3 = sharedS3Client;
  await s3.send(new GetObjectCommand({ Bucket: 'cfg', Key: 'flags.json' }));
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Scope, Inject } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { Pool } from 'undici';
@Injectable({ scope: Scope.REQUEST })
export class TenantGateway {
  private readonly pool: Pool;
  constructor(@Inject(REQUEST) private readonly req: { headers: Record<string, string> }) {
    this.pool = new Pool(\`https://\${req.headers['x-tenant']}.gateway.internal\`);
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 8,
          data: {
            client: 'new Pool()',
            where: 'in the constructor of the request-scoped provider `TenantGateway`, which Nest runs for every request',
            advice: keyedCache,
          },
        },
      ],
    },
    // A server-sent-events endpoint: Nest calls it for every subscribing request.
    {
      code: `import { Controller, Sse } from '@nestjs/common';
import { Pool } from 'undici';
@Controller('events')
export class EventsController {
  @Sse('stream')
  async stream() {
    const pool = new Pool('https://events.internal');
    const { body } = await pool.request({ path: '/feed', method: 'GET' });
    return body;
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 7,
          data: { client: 'new Pool()', where: 'in the request handler decorated with `@Sse()`', advice: hoistAdvice },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { Controller, Sse } from '@nestjs/common';
import { Pool } from 'undici';
const sharedPool = new Pool('https://events.internal');

@Controller('events')
export class EventsController {
  @Sse('stream')
  async stream() {
    const pool = sharedPool;
    const { body } = await pool.request({ path: '/feed', method: 'GET' });
    return body;
  }
}`,
            },
          ],
        },
      ],
    },
    // Request-scoped through the injected request alone.
    {
      code: `import { Injectable, Inject } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { S3Client } from '@aws-sdk/client-s3';
@Injectable()
export class Uploads {
  private readonly s3: S3Client;
  constructor(@Inject(REQUEST) private readonly request: unknown) {
    this.s3 = new S3Client({ region: 'eu-west-1' });
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 8,
          data: {
            client: 'new S3Client()',
            where: 'in the constructor of the request-scoped provider `Uploads`, which Nest runs for every request',
            advice: hoistAdvice,
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { Injectable, Inject } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { S3Client } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({ region: 'eu-west-1' });

@Injectable()
export class Uploads {
  private readonly s3: S3Client;
  constructor(@Inject(REQUEST) private readonly request: unknown) {
    this.s3 = sharedS3Client;
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
