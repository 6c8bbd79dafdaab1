import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { describeContext, findRequestContext, type ContextSearch } from '../../src/analysis/request-context';
import type { HandlerRegistration } from '../../src/analysis/settings';
import { probeAll, type ProbeContext, type ProbeOptions } from './probe-linter';

/** The context of every `new Probe()` in `code`, as text: "request: in ..." / "loop" / "-". */
function contexts(
  code: string,
  options: ProbeOptions & { registrations?: HandlerRegistration[] } = {},
): string[] {
  return probeAll(
    code,
    (node: TSESTree.Node, context: ProbeContext) =>
      summarize(
        findRequestContext(node, {
          sourceCode: context.sourceCode,
          filename: context.filename,
          extraRegistrations: options.registrations ?? [],
        }),
      ),
    options,
  );
}

function summarize(search: ContextSearch): string {
  if (search.perRequest) return `${search.perRequest.kind}: ${describeContext(search.perRequest)}`;
  if (search.repeated) return search.repeated.kind;
  return '-';
}

describe('findRequestContext', () => {
  it('finds HTTP server request listeners, by import source', () => {
    assert.deepEqual(
      contexts(`
        import http from 'node:http';
        import * as h2 from 'http2';
        const { createServer } = require('https');
        http.createServer((req, res) => { new Probe(); });
        createServer({}, function onRequest(req, res) { new Probe(); });
        h2.createSecureServer({}, (req, res) => new Probe());
        server.on('request', (req, res) => { new Probe(); });
        notHttp.createServer(() => new Probe());
      `),
      [
        'request: in the request listener passed to `http.createServer()`',
        'request: in the request listener passed to `createServer()`',
        'request: in the request listener passed to `h2.createSecureServer()`',
        "request: in the 'request' listener registered with `server.on()`",
        '-',
      ],
    );
  });

  it('finds routes and middleware of Express, Koa, Fastify and Hono, also wrapped', () => {
    assert.deepEqual(
      contexts(`
        import express from 'express';
        import Koa from 'koa';
        const app = express();
        const koa = new Koa();
        app.get('/a', (req, res) => new Probe());
        app.post('/b', auth, asyncHandler(async (req, res) => { new Probe(); }));
        router.delete(\`/c/\${id}\`, wrap(catchErrors(async (req, res) => { new Probe(); })));
        app.route('/d').get((req, res) => new Probe()).post((req, res) => new Probe());
        koa.use(async (ctx, next) => { new Probe(); });
        fastify.route({ method: 'GET', url: '/e', handler: async () => new Probe() });
        fastify.addHook('preHandler', async (request) => { new Probe(); });
        fastify.addHook('onReady', async () => { new Probe(); });
        cache.get('key', () => new Probe());
        plugins.use(() => new Probe());
      `),
      [
        'request: in the request handler registered with `app.get()`',
        'request: in the request handler registered with `app.post()`',
        'request: in the request handler registered with `router.delete()`',
        "request: in the request handler registered with `app.route('/d').get()`",
        'request: in the request handler registered with `….post()`',
        'request: in the request handler registered with `koa.use()`',
        'request: in the route handler passed to `fastify.route()`',
        "request: in the 'preHandler' hook registered with `fastify.addHook()`",
        '-',
        '-',
        '-',
      ],
    );
  });

  it('finds message consumers: nsqjs, kafkajs, amqplib', () => {
    assert.deepEqual(
      contexts(`
        reader.on('message', (msg) => { new Probe(); });
        reader.on('discard', (msg) => { new Probe(); });
        consumer.run({ eachMessage: async ({ message }) => { new Probe(); } });
        consumer.run({ eachBatch: async ({ batch }) => { new Probe(); } });
        channel.consume('q', (msg) => { new Probe(); });
      `),
      [
        "message: in the 'message' listener registered with `reader.on()`",
        '-',
        'message: in the eachMessage handler passed to `consumer.run()`',
        'message: in the eachBatch handler passed to `consumer.run()`',
        'message: in the consumer callback registered with `channel.consume()`',
      ],
    );
  });

  it('finds Lambda handlers in ESM and CommonJS', () => {
    assert.deepEqual(
      contexts(`
        export const handler = async (event) => { new Probe(); };
        export async function other(event) { new Probe(); }
      `),
      ['request: in the AWS Lambda handler, once per event', '-'],
    );
    assert.deepEqual(
      contexts(
        `exports.handler = async function (event) { new Probe(); };
         module.exports.handler = (event) => new Probe();
         function process(event) { new Probe(); }
         module.exports.process = process;`,
        { espree: true, sourceType: 'commonjs', filename: 'lambda.js' },
      ),
      [
        'request: in the AWS Lambda handler, once per event',
        'request: in the AWS Lambda handler, once per event',
        '-',
      ],
    );
  });

  it('finds Next.js route handlers only in route files and pages/api', () => {
    const route = `export async function GET() { new Probe(); }
      export const POST = async () => { new Probe(); };
      export function helper() { new Probe(); }`;
    assert.deepEqual(contexts(route, { filename: 'src/app/users/[id]/route.ts' }), [
      'request: in the Next.js route handler `GET`',
      'request: in the Next.js route handler `POST`',
      '-',
    ]);
    assert.deepEqual(contexts(route, { filename: 'src/lib/users.ts' }), ['-', '-', '-']);
    assert.deepEqual(
      contexts(`export default async function handler(req, res) { new Probe(); }`, {
        filename: 'pages/api/users.ts',
      }),
      ['request: in the Next.js API route handler'],
    );
  });

  it('tells loops and iteration callbacks apart from handlers', () => {
    assert.deepEqual(
      contexts(`
        for (const x of xs) { new Probe(); }
        for (const x of [new Probe()]) {}
        for (let i = 0; i < 3; i++) new Probe();
        while (more()) { new Probe(); }
        xs.forEach((x) => { new Probe(); });
        await Promise.all(xs.map(async (x) => new Probe()));
        setInterval(() => { new Probe(); }, 1000);
        setTimeout(() => { new Probe(); }, 1000);
      `),
      ['loop', '-', 'loop', 'loop', 'iteration', 'iteration', 'timer: in the `setInterval()` callback, once per tick', '-'],
    );
  });

  it('follows same-file calls, methods on module-level instances and inline callbacks', () => {
    assert.deepEqual(
      contexts(`
        function build() { return new Probe(); }
        const send = async () => { build(); new Probe(); };
        class Client {
          post() { new Probe(); }
          retry() { this.post(); }
        }
        const client = new Client();
        reader.on('message', async (msg) => {
          await send();
          client.retry();
          await new Promise((resolve) => { new Probe(); resolve(); });
          await pRetry(() => { new Probe(); });
        });
        function unused() { new Probe(); }
      `),
      [
        "message: in `build()`, called from the 'message' listener registered with `reader.on()` (through `send()`)",
        "message: in `send()`, called from the 'message' listener registered with `reader.on()`",
        "message: in `Client.post()`, called from the 'message' listener registered with `reader.on()` (through `Client.retry()`)",
        "message: in the 'message' listener registered with `reader.on()`",
        "message: in the 'message' listener registered with `reader.on()`",
        '-',
      ],
    );
  });

  it('reads extra handler registrations', () => {
    const code = `bus.subscribe('topic', (event) => { new Probe(); });
      onJob((job) => { new Probe(); });
      other.subscribe('topic', (event) => { new Probe(); });`;
    assert.deepEqual(
      contexts(code, { registrations: [{ object: 'bus', method: 'subscribe', argument: 1 }, { method: 'onJob' }] }),
      [
        'request: in the callback registered with `bus.subscribe()`',
        'request: in the callback registered with `onJob()`',
        '-',
      ],
    );
    assert.deepEqual(contexts(code), ['-', '-', '-']);
  });
});
