import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { describeContext, findRequestContext, type ContextSearch } from '../../../src/analysis/contexts/request-context';
import type { HandlerRegistration } from '../../../src/analysis/settings';
import { probeAll, type ProbeContext, type ProbeOptions } from '../../support/probe-linter';

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

  it('finds Lambda handlers behind wrappers, under other export names and by their aws-lambda types', () => {
    assert.deepEqual(
      contexts(`
        import middy from '@middy/core';
        import type { SQSEvent, APIGatewayProxyHandler } from 'aws-lambda';
        import type * as Lambda from 'aws-lambda';
        const base = async (event) => { new Probe(); };
        export const handler = middy(base).use(jsonBodyParser());
        export const other = middy().use(cors()).handler(async () => { new Probe(); });
        async function main(event) { new Probe(); }
        export { main as handler2, main as handler };
        export const typed: APIGatewayProxyHandler = async () => { new Probe(); };
        async function batch(event: SQSEvent) { new Probe(); }
        function qualified(event: Lambda.S3Event) { new Probe(); }
        function plain(event: Config) { new Probe(); }
        export const factory = createHandler(() => { new Probe(); });
        class Job {
          @tracer.captureLambdaHandler() async run(event) { new Probe(); }
          async handle(event) { new Probe(); }
        }
      `),
      [
        'request: in the AWS Lambda handler, once per event',
        '-',
        'request: in the AWS Lambda handler, once per event',
        'request: in the AWS Lambda handler, once per event',
        'request: in the AWS Lambda handler, once per event',
        'request: in the AWS Lambda handler, once per event',
        '-',
        '-',
        'request: in the AWS Lambda handler, once per event',
        '-',
      ],
    );
    assert.deepEqual(
      contexts(`
        class Lambda { async handle(event) { new Probe(); } }
        const lambda = new Lambda();
        export const handler = lambda.handle.bind(lambda);
      `),
      ['request: in the AWS Lambda handler, once per event'],
    );
    assert.deepEqual(
      contexts(
        `const Sentry = require('@sentry/serverless');
         async function forward(event) { new Probe(); }
         exports.handler = Sentry.AWSLambda.wrapHandler(forward);
         module.exports.other = wrapper(async () => { new Probe(); });
         async function handler(event) { new Probe(); }
         module.exports = { handler, main: (e) => { new Probe(); } };`,
        { espree: true, sourceType: 'commonjs', filename: 'lambda.js' },
      ),
      [
        'request: in the AWS Lambda handler, once per event',
        '-',
        'request: in the AWS Lambda handler, once per event',
        '-',
      ],
    );
  });

  it('finds queue callbacks given as options or processors, and decorated handler methods', () => {
    assert.deepEqual(
      contexts(`
        import { Consumer } from 'sqs-consumer';
        import { Worker } from 'bullmq';
        import Queue from 'bull';
        import { Controller, Get } from '@nestjs/common';
        import { Cron } from '@nestjs/schedule';
        Consumer.create({ queueUrl, handleMessage: async (m) => { new Probe(); }, other: () => { new Probe(); } });
        new Worker('jobs', async (job) => { new Probe(); });
        const queue = new Queue('mail');
        queue.process(5, async (job) => { new Probe(); });
        processor.process(async (item) => { new Probe(); });
        server.route([{ method: 'GET', path: '/a', handler: async () => { new Probe(); } }]);
        server.route({ method: 'GET', path: '/b', options: { handler: async () => { new Probe(); } } });
        server.register({ options: { handler: async () => { new Probe(); } } });
        @Controller('x')
        class Api {
          @Get(':id') find() { new Probe(); }
          @Cron('* * * * *') tick() { new Probe(); }
          helper() { new Probe(); }
        }
      `),
      [
        'message: in the handleMessage handler passed to `Consumer.create()`',
        '-',
        'message: in the job processor passed to `new Worker()`',
        'message: in the job processor registered with `queue.process()`',
        '-',
        'request: in the route handler passed to `server.route()`',
        'request: in the route handler passed to `server.route()`',
        '-',
        'request: in the request handler decorated with `@Get()`',
        'timer: in the method scheduled with `@Cron()`, once per tick',
        '-',
      ],
    );
  });

  it('runs methods of a class built per request in that request, and repeats callees of loops', () => {
    assert.deepEqual(
      contexts(`
        class Report { handle(e) { new Probe(); } }
        export const handler = async (event) => new Report().handle(event);
        function post(item) { new Probe(); }
        export async function sync(items) { for (const item of items) await post(item); }
      `),
      ['request: in `Report.handle()`, called from the AWS Lambda handler, once per event', 'loop'],
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

  it('finds Lambda handlers exported through a const that holds the wrapped function', () => {
    assert.deepEqual(
      contexts(`
        const main = async (event) => { new Probe(); };
        const wrapped = wrapLambda(main);
        export { wrapped as handler };
        const other = async () => { new Probe(); };
        const renamed = withSentry(other);
        export { renamed as worker };
        let swapped = wrap(async () => { new Probe(); });
        swapped = somethingElse;
        export { swapped as handler2 };
      `),
      ['request: in the AWS Lambda handler, once per event', '-', '-'],
    );
    assert.deepEqual(
      contexts(
        `async function main(event) { new Probe(); }
        const wrapped = middy(main);
        module.exports = { handler: wrapped };
        const b = wrap(async () => { new Probe(); });
        exports.handler = b;`,
        { sourceType: 'commonjs', espree: true },
      ),
      ['request: in the AWS Lambda handler, once per event', 'request: in the AWS Lambda handler, once per event'],
    );
  });

  it('finds GraphQL resolvers of resolver maps given to a server or schema, or exported', () => {
    assert.deepEqual(
      contexts(`
        import { ApolloServer } from '@apollo/server';
        import { makeExecutableSchema } from '@graphql-tools/schema';
        import { buildSubgraphSchema } from '@apollo/subgraph';
        const resolvers = {
          Query: { a: () => new Probe(), b() { return new Probe(); } },
          User: { posts: async (user) => new Probe() },
          Subscription: { onEvent: { subscribe: () => new Probe() } },
        };
        new ApolloServer({ typeDefs, resolvers });
        makeExecutableSchema({ typeDefs, resolvers: [{ Mutation: { c: () => new Probe() } }] });
        buildSubgraphSchema([{ typeDefs, resolvers: { Query: { d: () => new Probe() } } }]);
        export const userResolvers = { User: { e: () => new Probe() } };
        export default { Query: { f: () => new Probe() } };
      `),
      [
        'request: in the GraphQL resolver `Query.a`, once per request',
        'request: in the GraphQL resolver `Query.b`, once per request',
        'request: in the GraphQL resolver `User.posts`, once per request',
        'request: in the GraphQL resolver `Subscription.onEvent`, once per request',
        'request: in the GraphQL resolver `Mutation.c`, once per request',
        'request: in the GraphQL resolver `Query.d`, once per request',
        'request: in the GraphQL resolver `User.e`, once per request',
        'request: in the GraphQL resolver `Query.f`, once per request',
      ],
    );
    assert.deepEqual(
      contexts(`
        import { ApolloServer } from './my-apollo';
        const fixtures = { Query: { a: () => new Probe() } };
        new ApolloServer({ resolvers: { Query: { b: () => new Probe() } } });
        export const handlers = { User: { c: () => new Probe() } };
        const config = { Query: { d: () => new Probe() } };
        register({ resolvers: config });
      `),
      ['-', '-', '-', '-'],
    );
  });

  it('finds Apollo and Yoga context functions, which run once per request', () => {
    assert.deepEqual(
      contexts(`
        import { startStandaloneServer } from '@apollo/server/standalone';
        import { expressMiddleware } from '@apollo/server/express4';
        import { ApolloServer } from 'apollo-server-express';
        import { createYoga } from 'graphql-yoga';
        startStandaloneServer(server, { context: async () => { new Probe(); } });
        app.use(expressMiddleware(server, { context: async ({ req }) => { new Probe(); } }));
        new ApolloServer({ typeDefs, resolvers, dataSources: () => { new Probe(); } });
        createYoga({ context: () => { new Probe(); } });
        startStandaloneServer({ context: async () => { new Probe(); } });
        startStandaloneServer(server, { listen: async () => { new Probe(); } });
      `),
      [
        'request: in the `context` function passed to `startStandaloneServer()`, once per request',
        'request: in the `context` function passed to `expressMiddleware()`, once per request',
        'request: in the `dataSources` function passed to `ApolloServer()`, once per request',
        'request: in the `context` function passed to `createYoga()`, once per request',
        '-',
        '-',
      ],
    );
  });
});
