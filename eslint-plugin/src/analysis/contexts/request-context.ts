/**
 * Per-request context detection: does this code run once per request, message, loop iteration or
 * timer tick?
 *
 * A node runs per request when its function is registered as a request/message handler
 * (`app.get('/x', fn)`, `http.createServer(fn)`, `reader.on('message', fn)`, `consumer.run({
 * eachMessage })`, `channel.consume(q, fn)`, Lambda `export const handler`, Next.js `GET` in
 * `route.ts`, GraphQL resolvers, `setInterval(fn)`, extra registrations from options), also when wrapped
 * (`asyncHandler(fn)`), or when a function that runs per request calls it (a few hops through the
 * same-file call graph), or when a callback it is passed to runs inside such code
 * (`new Promise(executor)`, `.then(cb)`, `retry(() => ...)`).
 *
 * Loops and iteration callbacks (`for`, `while`, `xs.map(fn)`) are a weaker kind of context: they
 * repeat the code, but a loop over distinct settings (one client per region) is legitimate, so the
 * result keeps them apart (`repeated`) from handler contexts (`perRequest`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findExportSpec, matchesExportSpec } from '../imports/export-spec';
import { enclosingFunction } from '../../ast/enclosing-function';
import { isFunctionNode } from '../../ast/function-node';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { staticString } from '../../ast/static-string';
import { stripWrappers } from '../../ast/strip-wrappers';
import { functionUses } from './call-graph';
import { functionName } from '../../ast/function-name';
import { exportedHandlerContext, inlineServerActionContext, typedLambdaHandlerContext } from './exported-handlers';
import { exportedHttpHandlerContext } from './exported-http-handlers';
import { exportedLambdaEventHandlerContext } from './exported-lambda-event-handlers';
import { resolverContext } from './graphql-resolvers';
import { decoratedHandlerContext } from './handler-decorators';
import { requestScopedConstructorContext } from './request-scoped-providers';
import { dataSourceHookContext, interceptorContext, optionHookContext } from './client-library-hooks';
import { providerServiceContext } from './provider-services';
import { instanceRegistrationContext } from './instance-registrations';
import {
  AUTO_IMPORTED_EVENT_HANDLER,
  CALLBACK_ARGUMENT_APIS,
  NITRO_SERVER_FILE,
  TRPC_PROCEDURE_NAME,
  TRPC_RESOLVER_METHODS,
  CONSUME_METHODS,
  CONSUMER_RUN_HANDLERS,
  FRAMEWORK_MODULES,
  GLOBAL_REPEATING_TIMERS,
  INLINE_CALLBACK_METHODS,
  ITERATION_METHODS,
  CONSTRUCTOR_CALLBACK_APIS,
  JOB_QUEUE_FACTORIES,
  JOB_QUEUE_PROCESS_METHODS,
  LISTENER_METHODS,
  OPTION_CALLBACK_APIS,
  PER_REQUEST_EVENTS,
  PER_REQUEST_HOOKS,
  REPEATING_TIMERS,
  ROUTE_METHODS,
  ROUTE_OPTION_HANDLERS,
  SERVER_FACTORIES,
} from '../libraries/request-handlers';
import { GLOBAL, resolveModuleRefs, type ModuleRef } from '../imports/module-refs';
import type { HandlerRegistration } from '../settings';
import { isInstanceOf, isTypedInstanceOf } from '../imports/import-instance';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type ContextKind = 'request' | 'message' | 'timer' | 'iteration' | 'loop';

export interface RequestContext {
  readonly kind: ContextKind;
  /** Where it comes from, for messages: "the request handler registered with `app.get()`". */
  readonly description: string;
  /** Functions between the node and the context, innermost first (`send`, `handle`). */
  readonly via: readonly string[];
}

export interface ContextEnvironment {
  readonly sourceCode: SourceCode;
  readonly filename: string;
  readonly extraRegistrations: readonly HandlerRegistration[];
}

export interface ContextSearch {
  /** A handler, listener, consumer, timer, Lambda or route context (directly or through calls). */
  readonly perRequest?: RequestContext;
  /** The innermost loop or iteration callback around the node in its own call. */
  readonly repeated?: RequestContext;
}

/** How many same-file call edges to follow from a function to a context. */
const MAX_CALL_HOPS = 4;
/** How many enclosing callbacks to walk out of (`.then` inside `new Promise` inside ...). */
const MAX_INHERIT_STEPS = 8;

/** Finds the contexts `node` runs in. */
export function findRequestContext(node: TSESTree.Node, env: ContextEnvironment): ContextSearch {
  let repeated: RequestContext | undefined;
  const perRequest = search(node, env, MAX_CALL_HOPS, [], new Set(), (found) => {
    repeated ??= found;
  });
  return { perRequest, repeated };
}

/**
 * The innermost loop statement around `node` whose repeated part contains it, stopping at
 * `boundary` (its function). `for (const x of await list())`: the `list()` call runs once.
 */
export function enclosingLoop(node: TSESTree.Node, boundary: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current && current !== boundary) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
        if (child !== current.init) return current;
        break;
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        if (child === current.body) return current;
        break;
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return current;
      default:
        if (isFunctionNode(current)) return undefined;
    }
    child = current;
    current = current.parent;
  }
  return undefined;
}

/**
 * The context a function value registered at `position` gets: `position` is the expression that
 * carries the function (the function itself or a reference to it).
 */
export function registrationContext(
  position: TSESTree.Node,
  env: ContextEnvironment,
): RequestContext | undefined {
  const exported = exportedHandlerContext(position, env) ?? resolverContext(position, env) ?? optionHookContext(position);
  if (exported) return exported;
  let argument = outermostCarrier(position);
  // Up to two wrappers: app.get('/', asyncHandler(async (req, res) => ...)).
  for (let wrappers = 0; wrappers <= 2; wrappers++) {
    const parent = argument.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === argument) {
      return optionObjectContext(parent, env);
    }
    if (
      (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) ||
      !parent.arguments.includes(argument as TSESTree.CallExpressionArgument)
    ) {
      return undefined;
    }
    const index = parent.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const context =
      parent.type === AST_NODE_TYPES.CallExpression
        ? callContext(parent, index, env)
        : constructorContext(parent, index, env);
    if (context) return context;
    if (isInlineCallbackCall(parent)) return undefined;
    argument = outermostCarrier(parent);
  }
  return undefined;
}

function search(
  node: TSESTree.Node,
  env: ContextEnvironment,
  hops: number,
  via: readonly string[],
  visited: Set<TSESTree.Node>,
  onRepeated: (context: RequestContext) => void,
): RequestContext | undefined {
  let current: TSESTree.Node = node;
  for (let step = 0; step < MAX_INHERIT_STEPS; step++) {
    const fn = enclosingFunction(current);
    if (via.length === 0 && enclosingLoop(current, fn)) {
      onRepeated({ kind: 'loop', description: 'a loop', via });
    }
    if (!isFunctionNode(fn) || visited.has(fn)) return undefined;
    visited.add(fn);
    const own =
      typedLambdaHandlerContext(fn, env) ??
      inlineServerActionContext(fn) ??
      decoratedHandlerContext(fn, env) ??
      requestScopedConstructorContext(fn, env) ??
      dataSourceHookContext(fn, env) ??
      providerServiceContext(fn, env) ??
      exportedHttpHandlerContext(fn, env) ??
      exportedLambdaEventHandlerContext(fn, env);
    if (own) return { ...own, via };

    let inheritFrom: TSESTree.Node | undefined;
    for (const use of functionUses(fn, env.sourceCode)) {
      if (use.kind === 'call' || use.kind === 'read') {
        const site = use.kind === 'call' ? use.call : use.node;
        if (use.kind === 'call' && use.call.callee === outermostCarrier(fn)) {
          inheritFrom ??= use.call; // an IIFE runs in its caller's context
          continue;
        }
        if (hops <= 0) continue;
        const name = functionName(fn) ?? 'this function';
        // A caller that calls it in a loop repeats it too.
        if (enclosingLoop(site, enclosingFunction(site))) {
          onRepeated({ kind: 'loop', description: 'a loop', via: [...via, name] });
        }
        const found = search(site, env, hops - 1, [...via, name], visited, onRepeated);
        if (found) return found;
        continue;
      }
      const context = registrationContext(use.node, env);
      if (context?.kind === 'iteration') {
        onRepeated({ ...context, via });
      } else if (context) {
        return { ...context, via };
      }
      // A callback handed to a call runs (if at all) in the context of that call's code.
      const call = callTaking(use.node);
      if (call) inheritFrom ??= call;
    }
    if (!inheritFrom) return undefined;
    current = inheritFrom;
  }
  return undefined;
}

/** The call `position` is an argument of (through up to two wrapper calls), if any. */
function callTaking(position: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const carrier = outermostCarrier(position);
  const parent = carrier.parent;
  if (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(carrier as TSESTree.CallExpressionArgument)
  ) {
    return parent;
  }
  return undefined;
}

/** `p.then(cb)`, `new Promise(executor)`: the callback runs once, as part of the caller's work. */
export function isInlineCallbackCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Promise';
  }
  const name = calleeMethodName(call);
  return name !== undefined && INLINE_CALLBACK_METHODS.has(name);
}

/** The context a call gives to its function argument at `index`. */
function callContext(
  call: TSESTree.CallExpression,
  index: number,
  env: ContextEnvironment,
): RequestContext | undefined {
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  const label = `\`${calleeLabel(callee, env.sourceCode)}()\``;
  const scope = env.sourceCode.getScope(call);
  const refs = resolveModuleRefs(callee, scope);
  if (refs?.some((ref) => findExportSpec(ref, SERVER_FACTORIES))) {
    return { kind: 'request', description: `the request listener passed to ${label}`, via: [] };
  }
  if (
    refs?.some(
      (ref) =>
        (ref.module === GLOBAL && ref.path.length === 1 && GLOBAL_REPEATING_TIMERS.has(ref.path[0] ?? '')) ||
        REPEATING_TIMERS.some((spec) => matchesExportSpec(ref, spec)),
    )
  ) {
    return { kind: 'timer', description: `the ${label} callback, once per tick`, via: [] };
  }
  const platform = CALLBACK_ARGUMENT_APIS.find(
    (api) => api.argument === index && refs?.some((ref) => matchesExportSpec(ref, api.callee)),
  );
  if (platform) {
    return { kind: platform.kind, description: `the function registered with ${label}`, via: [] };
  }
  if (index === 0 && isAutoImportedEventHandler(refs, env.filename)) {
    return { kind: 'request', description: `the event handler defined with ${label}`, via: [] };
  }
  const interceptor = interceptorContext(call, index, label);
  if (interceptor) return interceptor;
  if (index === 0 && isTrpcResolver(callee)) {
    return { kind: 'request', description: `the tRPC procedure resolver passed to ${label}`, via: [] };
  }
  const extra = extraRegistrationContext(call, index, env);
  if (extra) return extra;
  const processor = jobProcessorContext(call, index, env);
  if (processor) return processor;
  const instance = instanceRegistrationContext(call, index, env);
  if (instance) return instance;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(callee);
  if (method === undefined) return undefined;
  const first = call.arguments[0];

  if (LISTENER_METHODS.has(method) && index >= 1) {
    const event = first ? staticString(first) : undefined;
    if (event !== undefined && PER_REQUEST_EVENTS.has(event)) {
      const kind = event === 'message' ? 'message' : 'request';
      return { kind, description: `the '${event}' listener registered with ${label}`, via: [] };
    }
    return undefined;
  }
  if (ROUTE_METHODS.has(method)) {
    const routed =
      (index >= 1 && first !== undefined && isRoutePath(first)) ||
      isChainedRoute(callee.object) ||
      (method === 'use' && isFrameworkInstance(callee.object, scope, env.sourceCode));
    if (routed) {
      return { kind: 'request', description: `the request handler registered with ${label}`, via: [] };
    }
    return undefined;
  }
  if (method === 'addHook' && index >= 1 && first !== undefined) {
    const hook = staticString(first);
    if (hook !== undefined && PER_REQUEST_HOOKS.has(hook)) {
      return { kind: 'request', description: `the '${hook}' hook registered with ${label}`, via: [] };
    }
    return undefined;
  }
  if (CONSUME_METHODS.has(method) && index >= 1) {
    return { kind: 'message', description: `the consumer callback registered with ${label}`, via: [] };
  }
  if (ITERATION_METHODS.has(method) && index === 0) {
    return { kind: 'iteration', description: `the ${label} callback`, via: [] };
  }
  return undefined;
}

/**
 * `consumer.run({ eachMessage })`, `fastify.route({ handler })`, sqs-consumer
 * `Consumer.create({ handleMessage })`.
 */
function optionObjectContext(property: TSESTree.Property, env: ContextEnvironment): RequestContext | undefined {
  const key = propertyKeyName(property);
  const object = property.parent;
  if (key === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const nested = nestedOptionContext(key, object, env);
  if (nested) return nested;
  const { call, index, routeOnly } = optionsCall(object);
  if (!call) return undefined;
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  const label = `\`${calleeLabel(callee, env.sourceCode)}()\``;
  const refs = resolveModuleRefs(callee, env.sourceCode.getScope(call));
  const api = routeOnly
    ? undefined
    : OPTION_CALLBACK_APIS.find(
        (candidate) =>
          candidate.nestedIn === undefined &&
          candidate.properties.has(key) &&
          (candidate.argument ?? 0) === index &&
          refs?.some((ref) => matchesExportSpec(ref, candidate.callee)),
      );
  if (api) {
    const description =
      api.kind === 'request'
        ? `the \`${key}\` function passed to ${label}, once per request`
        : api.kind === 'timer'
          ? `the \`${key}\` function passed to ${label}, once per tick`
          : `the ${key === 'handler' ? 'handler' : `${key} handler`} passed to ${label}`;
    return { kind: api.kind, description, via: [] };
  }
  if (index !== 0 || call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) {
    return undefined;
  }
  const method = staticPropertyName(callee);
  if (routeOnly && method !== 'route') return undefined;
  if (method === 'run' && CONSUMER_RUN_HANDLERS.has(key)) {
    return { kind: 'message', description: `the ${key} handler passed to ${label}`, via: [] };
  }
  if (method === 'route' && ROUTE_OPTION_HANDLERS.has(key)) {
    return { kind: 'request', description: `the route ${key} passed to ${label}`, via: [] };
  }
  return undefined;
}

/** http-proxy-middleware `createProxyMiddleware({ on: { proxyReq } })`: a callback one level down. */
function nestedOptionContext(
  key: string,
  object: TSESTree.ObjectExpression,
  env: ContextEnvironment,
): RequestContext | undefined {
  const inner = outermostCarrier(object);
  const holder = inner.parent;
  if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== inner) return undefined;
  const holderKey = propertyKeyName(holder);
  const candidates = OPTION_CALLBACK_APIS.filter((api) => api.nestedIn === holderKey && api.properties.has(key));
  if (candidates.length === 0 || holder.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const carrier = outermostCarrier(holder.parent);
  const call = carrier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const index = call.arguments.indexOf(carrier as TSESTree.CallExpressionArgument);
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  const refs = resolveModuleRefs(callee, env.sourceCode.getScope(call));
  const api = candidates.find(
    (candidate) => (candidate.argument ?? 0) === index && refs?.some((ref) => matchesExportSpec(ref, candidate.callee)),
  );
  if (!api) return undefined;
  const label = `\`${calleeLabel(callee, env.sourceCode)}()\``;
  return { kind: api.kind, description: `the \`${holderKey}.${key}\` function passed to ${label}, once per request`, via: [] };
}

/**
 * The call an options object is an argument of (at `index`): `route({...})`; also, for route
 * tables, an element of an array argument (`server.route([{...}])`) or hapi's nested
 * `{ method, path, options: { handler } }` (`routeOnly`: these shapes only count for `route`).
 */
function optionsCall(object: TSESTree.ObjectExpression): {
  call?: TSESTree.CallExpression | TSESTree.NewExpression;
  index?: number;
  routeOnly: boolean;
} {
  let carrier = outermostCarrier(object);
  let routeOnly = false;
  const holder = carrier.parent;
  if (
    holder?.type === AST_NODE_TYPES.Property &&
    holder.value === carrier &&
    ['options', 'config'].includes(propertyKeyName(holder) ?? '') &&
    holder.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    carrier = outermostCarrier(holder.parent);
    routeOnly = true;
  }
  if (carrier.parent?.type === AST_NODE_TYPES.ArrayExpression) {
    carrier = outermostCarrier(carrier.parent);
    routeOnly = true;
  }
  const call = carrier.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) {
    const index = call.arguments.indexOf(carrier as TSESTree.CallExpressionArgument);
    if (index >= 0) return { call, index, routeOnly };
  }
  return { routeOnly };
}

/** BullMQ `new Worker(queue, processor)`: the processor runs once per job. */
function constructorContext(
  call: TSESTree.NewExpression,
  index: number,
  env: ContextEnvironment,
): RequestContext | undefined {
  const refs = resolveModuleRefs(call.callee, env.sourceCode.getScope(call));
  const known = CONSTRUCTOR_CALLBACK_APIS.find(
    (api) => api.argument === index && refs?.some((ref) => matchesExportSpec(ref, api.constructor)),
  );
  if (!known) return undefined;
  return {
    kind: 'message',
    description: `the job processor passed to \`new ${calleeLabel(call.callee, env.sourceCode)}()\``,
    via: [],
  };
}

/** Bull / Bee-Queue `queue.process(processor)` on a queue built from the import. */
function jobProcessorContext(
  call: TSESTree.CallExpression,
  index: number,
  env: ContextEnvironment,
): RequestContext | undefined {
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(callee);
  if (method === undefined || !JOB_QUEUE_PROCESS_METHODS.has(method) || index !== lastFunctionArgument(call)) {
    return undefined;
  }
  const isQueue = isInstanceOf(callee.object, env.sourceCode.getScope(call), (ref) =>
    JOB_QUEUE_FACTORIES.some((spec) => matchesExportSpec(ref, spec)),
  );
  if (!isQueue) return undefined;
  return {
    kind: 'message',
    description: `the job processor registered with \`${calleeLabel(callee, env.sourceCode)}()\``,
    via: [],
  };
}

function extraRegistrationContext(
  call: TSESTree.CallExpression,
  index: number,
  env: ContextEnvironment,
): RequestContext | undefined {
  if (env.extraRegistrations.length === 0) return undefined;
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  let method: string | undefined;
  let object: string | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    method = callee.name;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    method = staticPropertyName(callee);
    object = receiverName(callee.object);
  }
  if (method === undefined) return undefined;
  for (const registration of env.extraRegistrations) {
    if (registration.method !== method) continue;
    if (registration.object !== undefined && registration.object !== object) continue;
    const expected = registration.argument ?? lastFunctionArgument(call);
    if (expected !== index) continue;
    return {
      kind: 'request',
      description: `the callback registered with \`${calleeLabel(callee, env.sourceCode)}()\``,
      via: [],
    };
  }
  return undefined;
}

/** `defineEventHandler(fn)` without an import, in a Nuxt or Nitro server file (auto-imported there). */
function isAutoImportedEventHandler(refs: readonly ModuleRef[] | undefined, filename: string): boolean {
  const [ref] = refs ?? [];
  return (
    refs?.length === 1 &&
    ref?.module === GLOBAL &&
    ref.path.length === 1 &&
    ref.path[0] === AUTO_IMPORTED_EVENT_HANDLER &&
    NITRO_SERVER_FILE.test(filename)
  );
}

/** `publicProcedure.input(schema).query(fn)`: a tRPC resolver method on a procedure builder chain. */
function isTrpcResolver(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  if (method === undefined || !TRPC_RESOLVER_METHODS.has(method)) return false;
  let current: TSESTree.Node = callee.object;
  for (let steps = 0; steps < 16; steps++) {
    if (current.type === AST_NODE_TYPES.Identifier) return TRPC_PROCEDURE_NAME.test(current.name);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(current);
      if (name !== undefined && TRPC_PROCEDURE_NAME.test(name)) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = current.callee;
    } else {
      return false;
    }
  }
  return false;
}

function isRoutePath(node: TSESTree.Node): boolean {
  const value =
    node.type === AST_NODE_TYPES.TemplateLiteral ? node.quasis[0]?.value.cooked ?? undefined : staticString(node);
  return value !== undefined && (value.startsWith('/') || value === '*');
}

/** `app.route('/users').get(handler)` */
function isChainedRoute(object: TSESTree.Node): boolean {
  let current = object;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(current.callee);
    if (name === 'route') return current.arguments[0] !== undefined && isRoutePath(current.arguments[0]);
    if (name === undefined || !ROUTE_METHODS.has(name)) return false;
    current = current.callee.object;
  }
  return false;
}

/**
 * `app` in `app.use(fn)` was built by `express()`, `new Koa()`, `fastify()`, `new Hono()`, a
 * Router..., or is a parameter typed as one (`function routes(app: Express)`).
 */
function isFrameworkInstance(object: TSESTree.Node, scope: TSESLint.Scope.Scope, sourceCode: SourceCode): boolean {
  const isFramework = (ref: ModuleRef) => FRAMEWORK_MODULES.has(ref.module);
  return isInstanceOf(object, scope, isFramework) || isTypedInstanceOf(object, scope, sourceCode, isFramework);
}

function lastFunctionArgument(call: TSESTree.CallExpression): number {
  for (let i = call.arguments.length - 1; i >= 0; i--) {
    const argument = call.arguments[i];
    if (argument && (isFunctionNode(argument) || argument.type === AST_NODE_TYPES.Identifier)) return i;
  }
  return -1;
}

function receiverName(object: TSESTree.Node): string | undefined {
  if (object.type === AST_NODE_TYPES.Identifier) return object.name;
  if (object.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(object);
  return undefined;
}

function calleeMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

/** `app.get`, `router.post`, `reader.on`: the callee's text, shortened for messages. */
export function calleeLabel(callee: TSESTree.Node, sourceCode: SourceCode): string {
  const text = sourceCode.getText(callee).replace(/\s+/g, '');
  if (text.length <= 40) return text;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  return method === undefined ? `${text.slice(0, 39)}…` : `….${method}`;
}

/**
 * Describes a loop or iteration context for a message: "inside a loop, on every iteration", "in
 * `post()`, called inside a loop, on every iteration".
 */
export function describeRepetition(context: RequestContext): string {
  const base =
    context.kind === 'loop' ? 'inside a loop, on every iteration' : `in ${context.description}, once per element`;
  if (context.via.length === 0) return base;
  const [first, ...rest] = context.via;
  const chain = rest.length > 0 ? ` (through ${rest.map((name) => `\`${name}()\``).join(', ')})` : '';
  const called = context.kind === 'loop' ? 'called inside a loop, on every iteration' : `called ${base}`;
  return `in \`${first}()\`${chain}, ${called}`;
}

/** Describes a context for a message: "in `send()`, called from the request handler ...". */
export function describeContext(context: RequestContext): string {
  if (context.via.length === 0) return `in ${context.description}`;
  const [first, ...rest] = context.via;
  const chain = rest.length > 0 ? ` (through ${rest.map((name) => `\`${name}()\``).join(', ')})` : '';
  return `in \`${first}()\`, called from ${context.description}${chain}`;
}
