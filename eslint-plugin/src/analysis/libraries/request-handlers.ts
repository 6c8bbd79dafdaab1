/**
 * Where code registers a callback that runs once per request, message or tick, and where code runs
 * only once (startup, tests). Data only; `contexts/request-context.ts` and `contexts/startup-only.ts` read it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

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

/** Azure Functions v4 `app` methods that register an HTTP trigger, and those of event triggers. */
const AZURE_HTTP_TRIGGERS = ['http', 'get', 'put', 'post', 'patch', 'deleteRequest'];
const AZURE_MESSAGE_TRIGGERS = [
  'storageQueue', 'storageBlob', 'serviceBusQueue', 'serviceBusTopic', 'eventHub', 'eventGrid', 'cosmosDB',
];

/**
 * APIs that take per-message or per-request callbacks as properties of an options object,
 * recognised by import: sqs-consumer `Consumer.create({ handleMessage, handleMessageBatch })`;
 * Apollo Server's `context` function, which the server calls once for every request
 * (`startStandaloneServer(server, { context })`, `expressMiddleware(server, { context })`, and in
 * Apollo Server 2/3 `new ApolloServer({ context, dataSources })`); GraphQL Yoga's `context`; Azure
 * Functions v4 `app.http('name', { handler })` and the other triggers of `app` from '@azure/functions'.
 */
export interface OptionCallbackApi {
  /** The function or constructor the options object is passed to. */
  readonly callee: PackageExportSpec;
  readonly properties: ReadonlySet<string>;
  /** The argument that holds the options object (0 when omitted). */
  readonly argument?: number;
  /** The property of the options object that holds `properties` (`{ on: { proxyReq } }`), if nested. */
  readonly nestedIn?: string;
  readonly kind: 'request' | 'message' | 'timer';
}
const APOLLO_SERVER_2_3_PACKAGES = ['apollo-server', 'apollo-server-*'];
export const OPTION_CALLBACK_APIS: readonly OptionCallbackApi[] = [
  {
    callee: { from: 'package', package: 'sqs-consumer', name: ['Consumer.create', 'Consumer'] },
    properties: new Set(['handleMessage', 'handleMessageBatch']),
    kind: 'message',
  },
  {
    callee: { from: 'package', package: '@apollo/server/standalone', name: 'startStandaloneServer' },
    properties: new Set(['context']),
    argument: 1,
    kind: 'request',
  },
  {
    callee: { from: 'package', package: '@apollo/server/express4', name: 'expressMiddleware' },
    properties: new Set(['context']),
    argument: 1,
    kind: 'request',
  },
  ...APOLLO_SERVER_2_3_PACKAGES.map(
    (name): OptionCallbackApi => ({
      callee: { from: 'package', package: name, name: 'ApolloServer' },
      properties: new Set(['context', 'dataSources']),
      kind: 'request',
    }),
  ),
  {
    callee: { from: 'package', package: 'graphql-yoga', name: 'createYoga' },
    properties: new Set(['context']),
    kind: 'request',
  },
  // Azure Functions v4 (`@azure/functions`): `app.http('name', { handler })`, one run per trigger.
  {
    callee: { from: 'package', package: '@azure/functions', name: AZURE_HTTP_TRIGGERS.map((method) => `app.${method}`) },
    properties: new Set(['handler']),
    argument: 1,
    kind: 'request',
  },
  {
    callee: { from: 'package', package: '@azure/functions', name: AZURE_MESSAGE_TRIGGERS.map((method) => `app.${method}`) },
    properties: new Set(['handler']),
    argument: 1,
    kind: 'message',
  },
  {
    callee: { from: 'package', package: '@azure/functions', name: 'app.timer' },
    properties: new Set(['handler']),
    argument: 1,
    kind: 'timer',
  },
  // express-http-proxy `proxy(host, { proxyReqOptDecorator, ... })`: each runs once per proxied request.
  {
    callee: { from: 'package', package: 'express-http-proxy', name: 'default' },
    properties: new Set([
      'filter',
      'proxyReqOptDecorator',
      'proxyReqPathResolver',
      'proxyReqBodyDecorator',
      'userResDecorator',
      'userResHeaderDecorator',
      'proxyErrorHandler',
      'skipToNextHandlerFilter',
    ]),
    argument: 1,
    kind: 'request',
  },
  // http-proxy-middleware: v3 `createProxyMiddleware({ on: { proxyReq } })`, v2 `{ onProxyReq }`, `router`.
  {
    callee: { from: 'package', package: 'http-proxy-middleware', name: ['createProxyMiddleware', 'default'] },
    properties: new Set(['onProxyReq', 'onProxyRes', 'onError', 'router', 'pathRewrite', 'pathFilter']),
    kind: 'request',
  },
  {
    callee: { from: 'package', package: 'http-proxy-middleware', name: ['createProxyMiddleware', 'default'] },
    properties: new Set(['proxyReq', 'proxyRes', 'error']),
    nestedIn: 'on',
    kind: 'request',
  },
];

/**
 * Calls of a platform's export whose function argument runs once per request or event, recognised
 * by import only: Google Cloud Functions `functions.http('name', fn)` / `functions.cloudEvent('name',
 * fn)` (`@google-cloud/functions-framework`); Firebase `functions.https.onRequest(fn)`,
 * `onRequest(opts, fn)`, `onCall(fn)` (`firebase-functions`); the Azure Functions v4 HTTP shortcuts
 * `app.get('name', fn)`, which also take the handler directly.
 */
export interface CallbackArgumentApi {
  readonly callee: PackageExportSpec;
  readonly argument: number;
  readonly kind: 'request' | 'message';
}
export const CALLBACK_ARGUMENT_APIS: readonly CallbackArgumentApi[] = [
  { callee: { from: 'package', package: '@google-cloud/functions-framework', name: 'http' }, argument: 1, kind: 'request' },
  { callee: { from: 'package', package: '@google-cloud/functions-framework', name: 'cloudEvent' }, argument: 1, kind: 'message' },
  // Firebase (Cloud Functions for Firebase): `functions.https.onRequest(fn)` / `onCall(fn)` (1st gen,
  // also under `firebase-functions/v1`), `onRequest([opts,] fn)` / `onCall([opts,] fn)` (2nd gen).
  ...[0, 1].flatMap((argument): CallbackArgumentApi[] => [
    { callee: { from: 'package', package: 'firebase-functions', name: ['https.onRequest', 'https.onCall'] }, argument, kind: 'request' },
    { callee: { from: 'package', package: 'firebase-functions/v1', name: ['https.onRequest', 'https.onCall'] }, argument, kind: 'request' },
    { callee: { from: 'package', package: 'firebase-functions/v2', name: ['https.onRequest', 'https.onCall'] }, argument, kind: 'request' },
    { callee: { from: 'package', package: 'firebase-functions/v2/https', name: ['onRequest', 'onCall'] }, argument, kind: 'request' },
    { callee: { from: 'package', package: 'firebase-functions/https', name: ['onRequest', 'onCall'] }, argument, kind: 'request' },
  ]),
  {
    callee: { from: 'package', package: '@azure/functions', name: AZURE_HTTP_TRIGGERS.map((method) => `app.${method}`) },
    argument: 1,
    kind: 'request',
  },
  // h3 (Nuxt and Nitro server routes): `defineEventHandler(fn)` runs `fn` once per request.
  { callee: { from: 'package', package: 'h3', name: ['defineEventHandler', 'eventHandler'] }, argument: 0, kind: 'request' },
];
/** Nuxt and Nitro auto-import h3's `defineEventHandler`: used in their server files without an import. */
export const AUTO_IMPORTED_EVENT_HANDLER = 'defineEventHandler';
export const NITRO_SERVER_FILE = /(^|[\\/])server[\\/](api|routes|middleware)[\\/].*\.[cm]?[jt]s$/;

/**
 * Methods of a framework object that register a callback run once per event or call, counted only
 * when the receiver is known to be that object: built from the import (`new McpServer(...)`) or
 * typed with the package's type (`(app: Probot) => ...`, `server: McpServer`). Probot runs an
 * `app.on(event, handler)` handler once per webhook delivery; the MCP SDK runs a tool, prompt or
 * resource callback once per client call.
 */
export interface InstanceRegistrationApi {
  /** The class or type the receiver must be an instance of. */
  readonly instance: PackageExportSpec;
  readonly methods: ReadonlySet<string>;
  /** What the callback is, for messages: "the webhook handler". */
  readonly label: string;
  readonly kind: 'request' | 'message';
}
const MCP_SERVER_MODULES = ['@modelcontextprotocol/sdk/server/mcp.js', '@modelcontextprotocol/sdk/server/mcp'];
export const INSTANCE_REGISTRATION_APIS: readonly InstanceRegistrationApi[] = [
  {
    instance: { from: 'package', package: 'probot', name: ['Probot', 'Application'] },
    methods: new Set(['on']),
    label: 'webhook handler',
    kind: 'message',
  },
  ...MCP_SERVER_MODULES.map(
    (module): InstanceRegistrationApi => ({
      instance: { from: 'package', package: module, name: 'McpServer' },
      methods: new Set(['registerTool', 'tool', 'registerPrompt', 'prompt', 'registerResource', 'resource']),
      label: 'MCP handler',
      kind: 'request',
    }),
  ),
];

/**
 * A Probot app written without types (`module.exports = (app) => { app.on('issues.opened', async
 * (context) => ...) }`): the app function's parameter counts as the Probot app when the handler
 * uses its first parameter as a Probot context (`context.octokit`, `context.payload`, ...).
 */
export const PROBOT_APP_EVENT_METHOD = 'on';
export const PROBOT_CONTEXT_MEMBERS: ReadonlySet<string> = new Set(['octokit', 'payload', 'issue', 'repo', 'pullRequest']);

/**
 * MCP servers written without types (`export const registerTools = (server) => { server.registerTool(
 * 'list', { description, inputSchema }, async (args) => ...) }`): a `registerTool` / `registerPrompt`
 * / `registerResource` call on a parameter counts when it has the SDK's shape — a name literal, a
 * config object literal with one of these keys, the callback last.
 */
export const MCP_REGISTER_METHODS: ReadonlySet<string> = new Set(['registerTool', 'registerPrompt', 'registerResource']);
export const MCP_CONFIG_KEYS: ReadonlySet<string> = new Set(['description', 'inputSchema', 'outputSchema', 'argsSchema', 'title']);

/**
 * Node-RED: a node's `this.on('input', (msg, send, done) => ...)` listener runs once per message.
 * Counted only in a function that calls `RED.nodes.createNode(this, config)` (the node constructor).
 */
export const NODE_RED_INPUT_EVENT = 'input';
export const NODE_RED_CREATE_NODE = ['nodes', 'createNode'] as const;

/** Constructors whose function argument runs once per job: BullMQ `new Worker(queue, processor)`. */
export interface ConstructorCallbackApi {
  readonly constructor: PackageExportSpec;
  readonly argument: number;
}
export const CONSTRUCTOR_CALLBACK_APIS: readonly ConstructorCallbackApi[] = [
  { constructor: { from: 'package', package: 'bullmq', name: 'Worker' }, argument: 1 },
];

/**
 * Job queues whose instances run a processor once per job: Bull and Bee-Queue
 * `queue.process([name], [concurrency], processor)`. The instance must be built from the import
 * (`new Queue(...)`, `Queue(...)`), so any other `x.process(fn)` stays unknown.
 */
export const JOB_QUEUE_FACTORIES: readonly PackageExportSpec[] = [
  { from: 'package', package: 'bull', name: 'default' },
  { from: 'package', package: 'bee-queue', name: 'default' },
];
export const JOB_QUEUE_PROCESS_METHODS: ReadonlySet<string> = new Set(['process']);

/**
 * Decorators that make a class method run once per request, message or tick (NestJS controllers,
 * message patterns, queue processors, schedules; GraphQL resolvers).
 */
export interface HandlerDecorator {
  readonly decorator: PackageExportSpec;
  readonly kind: 'request' | 'message' | 'timer';
}
export const HANDLER_DECORATORS: readonly HandlerDecorator[] = [
  {
    decorator: {
      from: 'package',
      package: '@nestjs/common',
      name: ['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Search', 'Sse'],
    },
    kind: 'request',
  },
  { decorator: { from: 'package', package: '@nestjs/microservices', name: ['MessagePattern', 'EventPattern'] }, kind: 'message' },
  { decorator: { from: 'package', package: '@nestjs/websockets', name: 'SubscribeMessage' }, kind: 'message' },
  { decorator: { from: 'package', package: '@nestjs/bull', name: 'Process' }, kind: 'message' },
  { decorator: { from: 'package', package: '@nestjs/bullmq', name: 'Process' }, kind: 'message' },
  { decorator: { from: 'package', package: '@ssut/nestjs-sqs', name: 'SqsMessageHandler' }, kind: 'message' },
  { decorator: { from: 'package', package: '@nestjs/schedule', name: ['Cron', 'Interval'] }, kind: 'timer' },
  {
    decorator: { from: 'package', package: '@nestjs/graphql', name: ['Query', 'Mutation', 'ResolveField'] },
    kind: 'request',
  },
  { decorator: { from: 'package', package: 'type-graphql', name: ['Query', 'Mutation', 'FieldResolver'] }, kind: 'request' },
];

/**
 * NestJS request-scoped providers: Nest builds a new instance, running its constructor, for every
 * request. A class is request-scoped when its decorator says so (`@Injectable({ scope:
 * Scope.REQUEST })`, also `@Controller` / `@Resolver`) or when its constructor injects the request
 * (`@Inject(REQUEST)`, GraphQL's `@Inject(CONTEXT)`).
 */
export const NEST_PROVIDER_DECORATORS: PackageExportSpec = {
  from: 'package',
  package: '@nestjs/common',
  name: ['Injectable', 'Controller'],
};
export const NEST_RESOLVER_DECORATORS: PackageExportSpec = { from: 'package', package: '@nestjs/graphql', name: 'Resolver' };
export const NEST_REQUEST_SCOPE: PackageExportSpec = { from: 'package', package: '@nestjs/common', name: 'Scope.REQUEST' };
export const NEST_INJECT: PackageExportSpec = { from: 'package', package: '@nestjs/common', name: 'Inject' };
export const NEST_REQUEST_TOKENS: readonly PackageExportSpec[] = [
  { from: 'package', package: '@nestjs/core', name: 'REQUEST' },
  { from: 'package', package: '@nestjs/graphql', name: 'CONTEXT' },
];

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

/**
 * React / Next.js server actions: every export of a module that starts with `'use server'`, and any
 * function whose body starts with it, is an endpoint the client calls over HTTP (a POST per call).
 */
export const SERVER_ACTION_DIRECTIVE = 'use server';

/**
 * Frameworks that route requests by file: the functions a route file exports under these names run
 * once per request. Matched on the linted file's path.
 */
export interface FileRouteConvention {
  /** How messages name the function: "the SvelteKit endpoint `GET`". */
  readonly label: string;
  readonly file: RegExp;
  readonly exports: ReadonlySet<string>;
}
const ENDPOINT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
export const FILE_ROUTE_CONVENTIONS: readonly FileRouteConvention[] = [
  // Next.js Pages Router: `getServerSideProps` runs on every request of the page.
  { label: 'Next.js page\'s', file: /(^|[\\/])pages[\\/].*\.[cm]?[jt]sx?$/, exports: new Set(['getServerSideProps']) },
  // SvelteKit: `src/routes/**/+server.ts` endpoints, `+page.server.ts` / `+layout.server.ts` load functions.
  { label: 'SvelteKit endpoint', file: /(^|[\\/])\+server\.[cm]?[jt]s$/, exports: new Set([...ENDPOINT_METHODS, 'fallback']) },
  { label: 'SvelteKit server', file: /(^|[\\/])\+(page|layout)\.server\.[cm]?[jt]s$/, exports: new Set(['load']) },
  // Remix / React Router framework mode: `app/routes/**` modules' `loader` and `action`.
  { label: 'Remix route', file: /(^|[\\/])app[\\/]routes[\\/].*\.[cm]?[jt]sx?$/, exports: new Set(['loader', 'action']) },
  // Astro: endpoints in `src/pages/**.ts`.
  { label: 'Astro endpoint', file: /(^|[\\/])src[\\/]pages[\\/].*\.[cm]?[jt]s$/, exports: new Set([...ENDPOINT_METHODS, 'ALL']) },
];

/**
 * Hooks HTTP client libraries call once for every request they send, where code often builds an
 * agent for that request:
 *   axios     `api.interceptors.request.use((config) => { config.httpsAgent = new Agent(); ... })`
 *   got       `got.extend({ hooks: { beforeRequest: [(options) => { options.agent = ... }] } })`
 *   node-fetch `fetch(url, { agent: (parsedUrl) => new https.Agent() })` (an agent function)
 *   Apollo    `class Api extends RESTDataSource { willSendRequest(path, request) { ... } }`
 */
export const AXIOS_INTERCEPTOR_PATH = ['interceptors', 'request', 'use'] as const;
export const GOT_PER_REQUEST_HOOKS: ReadonlySet<string> = new Set(['init', 'beforeRequest']);
export const AGENT_FUNCTION_OPTION = 'agent';
export const DATA_SOURCE_BASES: readonly PackageExportSpec[] = [
  { from: 'package', package: '@apollo/datasource-rest', name: 'RESTDataSource' },
  { from: 'package', package: 'apollo-datasource-rest', name: 'RESTDataSource' },
];
export const DATA_SOURCE_REQUEST_HOOKS: ReadonlySet<string> = new Set(['willSendRequest']);

/**
 * Base classes of commerce-framework providers whose every method the framework calls while it
 * serves a request (an upload, a payment step, a notification): Medusa v1's file and payment
 * services (`@medusajs/medusa`) and Medusa v2's module providers (`@medusajs/framework/utils`,
 * also re-exported by `@medusajs/utils`). A client built in `upload()` or `capturePayment()` is
 * built per request; the constructor runs once, when the container registers the provider.
 */
export const PROVIDER_SERVICE_BASES: readonly PackageExportSpec[] = [
  { from: 'package', package: '@medusajs/medusa', name: ['AbstractFileService', 'AbstractPaymentService', 'AbstractPaymentProcessor', 'AbstractNotificationService'] },
  ...['@medusajs/framework/utils', '@medusajs/utils'].map((pkg) => ({
    from: 'package' as const,
    package: pkg,
    name: ['AbstractFileProviderService', 'AbstractPaymentProvider', 'AbstractNotificationProviderService', 'AbstractFulfillmentProviderService'],
  })),
];

/** tRPC procedure resolvers: `publicProcedure.input(schema).query(fn)`, `t.procedure.mutation(fn)`. */
export const TRPC_RESOLVER_METHODS: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);
/** A name on the procedure builder chain: `publicProcedure`, `protectedProcedure`, `t.procedure`. */
export const TRPC_PROCEDURE_NAME = /procedure$/i;


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

/**
 * Test files by name: `*.test.ts`, `*.spec.js`, `*.e2e.ts`, `*_test.js` / `*_spec.js`, and files
 * under `__tests__/` or `__mocks__/`. Clients built there serve the test, not requests. (A `test/`
 * folder is not enough: the linted path is absolute, and a project may itself live under a folder
 * named `test`.)
 */
export const TEST_FILE = /(^|[\\/])(__tests__|__mocks__)[\\/]|[._](test|spec|e2e)\.[cm]?[jt]sx?$/;

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
  // NestJS lifecycle hooks: run once when the module or application starts.
  'onModuleInit',
  'onApplicationBootstrap',
  // Next.js: runs at build time, once per build.
  'generateStaticParams',
]);

/**
 * Callbacks that run once per process although registered with a method that could fire often:
 * a signal or exit handler (`process.on('SIGTERM', fn)`) and a CLI command's action
 * (`program.command('deploy').action(fn)`: commander and yargs-style builders run one command per
 * process).
 */
export const ONE_SHOT_PROCESS_EVENTS: ReadonlySet<string> = new Set(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'exit', 'beforeExit']);
export const CLI_COMMAND_ACTION = { method: 'action', builder: 'command' } as const;
/**
 * yargs: `.command('show <id>', 'print one item', builder, handler)` — the handler is the fourth
 * argument, after a command string and a description (a string, or `false` for a hidden command).
 * Slack Bolt's `app.command('/ticket', ...listeners)` also takes functions there, but never a
 * description: its listeners run per slash command.
 */
export const CLI_COMMAND_HANDLER = { method: 'command', handlerIndex: 3 } as const;
/**
 * A yargs command module exports `command` (and `describe`, `builder`) beside its `handler`: that
 * `handler` runs one CLI command per process, it is no AWS Lambda handler.
 */
export const CLI_COMMAND_MODULE_EXPORT = 'command';
/** The export of a yargs command module that runs the command. */
export const CLI_COMMAND_MODULE_HANDLER = 'handler';
/**
 * oclif: a command is a class extending `Command` of `@oclif/core` (or the older `@oclif/command`),
 * and its `run()` method runs that one command per process.
 */
export const CLI_COMMAND_CLASSES = {
  base: [
    { from: 'package', package: '@oclif/core', name: 'Command' },
    { from: 'package', package: '@oclif/command', name: ['Command', 'default'] },
  ],
  method: 'run',
} as const satisfies { base: readonly PackageExportSpec[]; method: string };

/**
 * Setup-style names (`setupRoutes`, `initDatabase`, `registerPlugins`): such a function wires an
 * application, once per object rather than per request...
 */
export const SETUP_NAME_PREFIX = /^(setup|init|initialize|configure|register|install|bootstrap)(?=[A-Z0-9_]|$)/;
/**
 * ...and so does a `create`/`build` function named after a piece of infrastructure
 * (`createX509Transport`, `buildClient`, `createApp`, `createTables`, or just `create()`), but not a
 * per-request one named after what it creates for the caller (`createOrder`, `createLabel`).
 */
export const BUILD_INFRASTRUCTURE_NAME =
  /^(create|build)((?=[A-Z0-9_]).*(App|Application|Server|Client|Clients|Router|Routes|Service|Services|Module|Container|Store|Pool|Agent|Agents|Dispatcher|Handler|Handlers|Worker|Queue|Logger|Config|Schema|Table|Tables|Index|Indexes|Database|Db|DB|Api|API|Sdk|SDK|Instance|Transport|Provider|Bot|Plugin|Plugins|Middleware|Adapter|Cache|Registry|Env|Environment|Sandbox))?$/;
/** ...unless the rest of its name says it handles a request (`createRequest`, `buildFetchOptions`). */
export const REQUEST_NAME_WORDS = /Request|Call|Fetch|Send|Message|Query|Connection|Socket|Stream|Response|Upload|Download/;

/**
 * Methods of a server response (node:http `ServerResponse`, Express `Response`, the Functions
 * Framework's Express response) that answer a request: an exported `(req, res)` function calling one
 * of them on `res` is an HTTP handler (contexts/exported-http-handlers.ts).
 */
export const HTTP_RESPONSE_METHODS: ReadonlySet<string> = new Set([
  'send',
  'json',
  'status',
  'sendStatus',
  'end',
  'writeHead',
  'redirect',
  'render',
  'sendFile',
]);
