/**
 * Per-request context detection: does this code run once per request, message, loop iteration or
 * timer tick?
 *
 * A node runs per request when its function is registered as a request/message handler
 * (`app.get('/x', fn)`, `http.createServer(fn)`, `reader.on('message', fn)`, `consumer.run({
 * eachMessage })`, `channel.consume(q, fn)`, Lambda `export const handler`, Next.js `GET` in
 * `route.ts`, `setInterval(fn)`, extra registrations from options), also when wrapped
 * (`asyncHandler(fn)`), or when a function that runs per request calls it (a few hops through the
 * same-file call graph), or when a callback it is passed to runs inside such code
 * (`new Promise(executor)`, `.then(cb)`, `retry(() => ...)`).
 *
 * Loops and iteration callbacks (`for`, `while`, `xs.map(fn)`) are a weaker kind of context: they
 * repeat the code, but a loop over distinct settings (one client per region) is legitimate, so the
 * result keeps them apart (`repeated`) from handler contexts (`perRequest`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { findExportSpec, matchesExportSpec } from './export-spec';
import { functionName, functionUses, isFunctionNode, type FunctionNode } from './call-graph';
import {
  CONSUME_METHODS,
  CONSUMER_RUN_HANDLERS,
  FRAMEWORK_MODULES,
  GLOBAL_REPEATING_TIMERS,
  INLINE_CALLBACK_METHODS,
  ITERATION_METHODS,
  LAMBDA_HANDLER_EXPORTS,
  LISTENER_METHODS,
  NEXT_API_FILE,
  NEXT_ROUTE_EXPORTS,
  NEXT_ROUTE_FILE,
  PER_REQUEST_EVENTS,
  PER_REQUEST_HOOKS,
  REPEATING_TIMERS,
  ROUTE_METHODS,
  ROUTE_OPTION_HANDLERS,
  SERVER_FACTORIES,
} from './libraries/request-handlers';
import { GLOBAL, resolveModuleRefs, staticPropertyName } from './module-refs';
import type { HandlerRegistration } from './settings';
import { enclosingFunction, outermostCarrier } from './value-use';

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
  const exported = exportContext(position, env);
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
    const context = parent.type === AST_NODE_TYPES.CallExpression ? callContext(parent, index, env) : undefined;
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

    let inheritFrom: TSESTree.Node | undefined;
    for (const use of functionUses(fn, env.sourceCode)) {
      if (use.kind === 'call') {
        if (use.call.callee === outermostCarrier(fn)) {
          inheritFrom ??= use.call; // an IIFE runs in its caller's context
          continue;
        }
        if (hops <= 0) continue;
        const name = functionName(fn) ?? 'this function';
        const found = search(use.call, env, hops - 1, [...via, name], visited, () => {});
        if (found) return found;
        continue;
      }
      const context = registrationContext(use.node, env);
      if (context?.kind === 'iteration') {
        if (via.length === 0) onRepeated(context);
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
  const callee = unwrapChain(call.callee);
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
  const extra = extraRegistrationContext(call, index, env);
  if (extra) return extra;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(callee);
  if (method === undefined) return undefined;
  const first = call.arguments[0];

  if (LISTENER_METHODS.has(method) && index >= 1) {
    const event = first ? stringValue(first) : undefined;
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
      (method === 'use' && isFrameworkInstance(callee.object, scope));
    if (routed) {
      return { kind: 'request', description: `the request handler registered with ${label}`, via: [] };
    }
    return undefined;
  }
  if (method === 'addHook' && index >= 1 && first !== undefined) {
    const hook = stringValue(first);
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

/** `consumer.run({ eachMessage })`, `fastify.route({ handler })`. */
function optionObjectContext(property: TSESTree.Property, env: ContextEnvironment): RequestContext | undefined {
  const key = propertyName(property);
  const object = property.parent;
  if (key === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const call = outermostCarrier(object).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== outermostCarrier(object)) return undefined;
  const callee = unwrapChain(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticPropertyName(callee);
  const label = `\`${calleeLabel(callee, env.sourceCode)}()\``;
  if (method === 'run' && CONSUMER_RUN_HANDLERS.has(key)) {
    return { kind: 'message', description: `the ${key} handler passed to ${label}`, via: [] };
  }
  if (method === 'route' && ROUTE_OPTION_HANDLERS.has(key)) {
    return { kind: 'request', description: `the route ${key} passed to ${label}`, via: [] };
  }
  return undefined;
}

function extraRegistrationContext(
  call: TSESTree.CallExpression,
  index: number,
  env: ContextEnvironment,
): RequestContext | undefined {
  if (env.extraRegistrations.length === 0) return undefined;
  const callee = unwrapChain(call.callee);
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

/** Lambda `export const handler`, `exports.handler = ...`; Next.js route exports. */
function exportContext(position: TSESTree.Node, env: ContextEnvironment): RequestContext | undefined {
  const exportedName = exportNameOf(position);
  if (exportedName === undefined) return undefined;
  if (NEXT_ROUTE_FILE.test(env.filename) && NEXT_ROUTE_EXPORTS.has(exportedName)) {
    return { kind: 'request', description: `the Next.js route handler \`${exportedName}\``, via: [] };
  }
  if (NEXT_API_FILE.test(env.filename) && exportedName === 'default') {
    return { kind: 'request', description: 'the Next.js API route handler', via: [] };
  }
  if (LAMBDA_HANDLER_EXPORTS.has(exportedName)) {
    return { kind: 'request', description: 'the AWS Lambda handler, once per event', via: [] };
  }
  return undefined;
}

/** The name `position` (a function or a reference to one) is exported under, if it is. */
function exportNameOf(position: TSESTree.Node): string | undefined {
  if (position.type === AST_NODE_TYPES.FunctionDeclaration) {
    const parent = position.parent;
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration && position.id) return position.id.name;
    return undefined;
  }
  const carrier = outermostCarrier(position);
  const parent = carrier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === carrier &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier) {
    return parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : String(parent.exported.value);
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === carrier) {
    const left = parent.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const base = left.object;
    const isExports =
      (base.type === AST_NODE_TYPES.Identifier && base.name === 'exports') ||
      (base.type === AST_NODE_TYPES.MemberExpression &&
        base.object.type === AST_NODE_TYPES.Identifier &&
        base.object.name === 'module' &&
        staticPropertyName(base) === 'exports');
    return isExports ? staticPropertyName(left) : undefined;
  }
  return undefined;
}

function isRoutePath(node: TSESTree.Node): boolean {
  const value =
    node.type === AST_NODE_TYPES.TemplateLiteral ? node.quasis[0]?.value.cooked ?? undefined : stringValue(node);
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

/** `app` in `app.use(fn)` was built by `express()`, `new Koa()`, `fastify()`, `new Hono()`, a Router... */
function isFrameworkInstance(object: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scope, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || !def.node.init) return false;
  let init: TSESTree.Node = def.node.init;
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return false;
  const refs = resolveModuleRefs(init.callee, scope);
  return refs?.some((ref) => FRAMEWORK_MODULES.has(ref.module)) ?? false;
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
  const callee = unwrapChain(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return stringValue(property.key);
}

function unwrapChain(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
}

function stringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `app.get`, `router.post`, `reader.on`: the callee's text, shortened for messages. */
export function calleeLabel(callee: TSESTree.Node, sourceCode: SourceCode): string {
  const text = sourceCode.getText(callee).replace(/\s+/g, '');
  if (text.length <= 40) return text;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  return method === undefined ? `${text.slice(0, 39)}…` : `….${method}`;
}

/** Describes a context for a message: "in `send()`, called from the request handler ...". */
export function describeContext(context: RequestContext): string {
  if (context.via.length === 0) return `in ${context.description}`;
  const [first, ...rest] = context.via;
  const chain = rest.length > 0 ? ` (through ${rest.map((name) => `\`${name}()\``).join(', ')})` : '';
  return `in \`${first}()\`, called from ${context.description}${chain}`;
}

export type { FunctionNode };
