/**
 * Where code registers a callback that runs once per request, message or tick, and where code runs
 * only once (startup, tests). Data only; `request-context.ts` and `startup-only.ts` read it.
 */
import type { PackageExportSpec } from '../export-spec';

/** Server factories whose function argument is the request listener. */
export const SERVER_FACTORIES: readonly PackageExportSpec[] = [
  { from: 'package', package: 'http', name: 'createServer' },
  { from: 'package', package: 'https', name: 'createServer' },
  { from: 'package', package: 'http2', name: ['createServer', 'createSecureServer'] },
];

/** Events emitted once per incoming request or message (`server.on('request')`, nsqjs `'message'`). */
export const PER_REQUEST_EVENTS: ReadonlySet<string> = new Set(['request', 'message', 'stream']);

/** Methods that add an event listener: `emitter.on(event, listener)`. */
export const LISTENER_METHODS: ReadonlySet<string> = new Set([
  'on',
  'addListener',
  'prependListener',
]);

/**
 * Route registration methods of Express, Router, Koa routers, Fastify and Hono. A call counts only
 * when its first argument is a path literal (`app.get('/users', handler)`) or it is chained on
 * `.route('/path')`, so `map.get(key)` or `cache.delete(key)` never match.
 */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'head',
  'options',
  'all',
  'any',
  'use',
]);

/** Modules whose default export / named factory builds an app or router (`express()`, `new Koa()`). */
export const FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'express',
  'koa',
  '@koa/router',
  'koa-router',
  'fastify',
  'hono',
  'router',
  'connect',
  'restify',
  'polka',
]);

/** Fastify hooks that run once per request: `fastify.addHook('onRequest', fn)`. */
export const PER_REQUEST_HOOKS: ReadonlySet<string> = new Set([
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
]);

/** Properties of a Fastify `route({...})` options object that hold per-request functions. */
export const ROUTE_OPTION_HANDLERS: ReadonlySet<string> = new Set([
  'handler',
  'onRequest',
  'preHandler',
  'preValidation',
]);

/** kafkajs `consumer.run({ eachMessage, eachBatch })`. */
export const CONSUMER_RUN_HANDLERS: ReadonlySet<string> = new Set(['eachMessage', 'eachBatch']);

/** amqplib `channel.consume(queue, onMessage)`. */
export const CONSUME_METHODS: ReadonlySet<string> = new Set(['consume']);

/** Array methods whose callback runs once per element (`xs.map(x => ...)`). */
export const ITERATION_METHODS: ReadonlySet<string> = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
]);

/** Timers whose callback runs repeatedly. `setTimeout`/`setImmediate` run once and are not listed. */
export const REPEATING_TIMERS: readonly PackageExportSpec[] = [
  { from: 'package', package: 'timers', name: 'setInterval' },
];
export const GLOBAL_REPEATING_TIMERS: ReadonlySet<string> = new Set(['setInterval']);

/** Named exports a Next.js App Router `route.ts` serves requests with. */
export const NEXT_ROUTE_EXPORTS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
]);

/** `app/**\/route.ts` (App Router) and `pages/api/**` (Pages Router) files. */
export const NEXT_ROUTE_FILE = /(^|[\\/])app[\\/](.*[\\/])?route\.[cm]?[jt]sx?$/;
export const NEXT_API_FILE = /(^|[\\/])pages[\\/]api[\\/].*\.[cm]?[jt]sx?$/;

/** Exported names AWS Lambda invokes once per event. */
export const LAMBDA_HANDLER_EXPORTS: ReadonlySet<string> = new Set(['handler']);

/**
 * Calls that run their callback during the call, once, in the caller's context: the callback
 * inherits whatever context its caller runs in (`new Promise(executor)`, `p.then(cb)`).
 */
export const INLINE_CALLBACK_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);
export const ONE_SHOT_SCHEDULERS: ReadonlySet<string> = new Set([
  'setTimeout',
  'setImmediate',
  'queueMicrotask',
  'nextTick',
]);

/** Test framework functions (mocha, jest, vitest, node:test, tap, ava) whose callbacks are tests. */
export const TEST_FUNCTIONS: ReadonlySet<string> = new Set([
  'describe',
  'context',
  'suite',
  'it',
  'test',
  'specify',
  'before',
  'beforeAll',
  'beforeEach',
  'after',
  'afterAll',
  'afterEach',
  'setup',
  'teardown',
  'suiteSetup',
  'suiteTeardown',
]);

/** Function names that, by convention, run once at startup (`main()`, `createApp()`). */
export const STARTUP_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'main',
  'bootstrap',
  'start',
  'startServer',
  'createApp',
  'buildApp',
  'createServer',
  'setup',
  'init',
  'initialize',
  'configure',
]);

/**
 * Setup-style names (`createX509Transport`, `buildClient`, `setupRoutes`, `initDatabase`): such a
 * function builds an object or wires an application, once per object rather than per request...
 */
export const SETUP_NAME_PREFIX = /^(create|build|setup|init|initialize|configure|register|install)(?=[A-Z0-9_]|$)/;
/** ...unless the rest of its name says it handles a request (`createRequest`, `buildFetchOptions`). */
export const REQUEST_NAME_WORDS = /Request|Call|Fetch|Send|Message|Query|Connection|Socket|Stream|Response|Upload|Download/;
