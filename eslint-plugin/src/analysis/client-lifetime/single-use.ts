/**
 * Single-use values: does a value built inside a function outlive the call?
 *
 * `traceLifetime` follows a value from where it is built through the bindings and literals that
 * carry it (`const agent = ...`, `{ agent }`, `const opts = { agent }`, `axios.create({ httpsAgent })`)
 * and classifies every place it ends up, building on `classifyValueUse`:
 *
 *   used      a member use (`client.send()`), an argument of a request call (`fetch(u, { dispatcher })`)
 *   returned  returned or yielded from the function that built it (a factory)
 *   stored    kept: outer variable, property of a non-local object, any collection
 *             (`cache.set(k, v)`, `pools.push(p)`), class field, parameter default
 *   handedOff passed to code we cannot see (`register(agent)`), thrown, or captured by a closure
 *             that is itself handed off (registered as a listener) or nested in another closure
 *
 * Calls that do not keep the value are looked through: a same-file helper whose parameter is only
 * used (`upload(s3, key)`), returned (`traced(s3)`: the call's result carries the value on) or
 * kept (`remember(s3)`: stored), decided by tracing the parameter inside the helper; identity
 * wrappers (`captureAWSv3Client(client)`); holders (`DynamoDBDocumentClient.from(client)`, `new
 * S3Client({ requestHandler })`); `Object.assign({}, defaults, { agent })`; and what the caller's
 * environment knows about calls into other modules (`argumentFate`). A destructured value
 * (`const { s3 } = makeClients()`) continues in every part.
 *
 * A value that is used and neither returned, stored nor handed off is single-use: it is rebuilt on
 * every call of its function.
 *
 * The caller's options object carries the value into one request when the function puts it there
 * and passes that object to a request call (`options.agent = agent; return fetch(url, options)`), or
 * after reassigning the parameter to a fresh copy (`options = { ...options }`). A closure that may
 * outlive the call carries the value like any other expression (`return { list: () => client.send() }`
 * returns it). Stores into places the rule reasons about are named in the result: `this.key`, a
 * process-wide place (`setGlobalDispatcher(agent)`, `https.globalAgent`, a module-level `let`), or
 * a parameter's object (`req.s3`, `res.locals.db`, `ctx.state.api`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CLOSING_METHODS, SOCKET_METHODS } from '../libraries/request-calls';
import { ITERATION_METHODS, ONE_SHOT_SCHEDULERS } from '../libraries/request-handlers';
import { stripWrappers } from '../../ast/strip-wrappers';
import { staticPropertyName } from '../../ast/static-property-name';
import { enclosingLoop, isInlineCallbackCall } from '../contexts/request-context';
import { classifyValueUse } from '../../ast/classify-value-use';
import { enclosingFunction } from '../../ast/enclosing-function';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { calledFunction } from '../contexts/call-graph';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { rootIdentifier } from '../../ast/root-identifier';
import { propertyKeyName } from '../../ast/property-key-name';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { INSPECTING_CALLS } from '../libraries/inspecting-calls';
import { isObjectAssign } from '../../ast/is-object-assign';
import {
  freshCopyParameter,
  isRequestScopedSlot,
  requestScopedSetterSlot,
  isSentToRequestOnly,
  ownParameter,
} from './parameter-objects';
import { commonJsExportProperty } from '../../ast/commonjs-export-property';
import { findVariable } from '../../ast/find-variable';
import { isAgentOptionKey, isFreshObjectVariable, looksLikeRequestCall } from './request-option-objects';
import { fixedInitializer } from '../../ast/fixed-initializer';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export interface LifetimeEnvironment {
  readonly sourceCode: SourceCode;
  /** A call that sends a request through a pool in its arguments and keeps nothing (`fetch`). */
  readonly isRequestCall: (call: Call) => boolean;
  /** A call whose result holds on to its arguments' pool (`axios.create({ httpsAgent })`, `new S3Client({ requestHandler })`). */
  readonly isHolderCall: (call: Call) => boolean;
  /** A call that returns its argument unchanged (tracing wrappers: `captureAWSv3Client(client)`). */
  readonly isIdentityCall?: (call: Call) => boolean;
  /** What a call into code of another module does with its argument at `index`, when known. */
  readonly argumentFate?: (call: Call, index: number) => ArgumentFate | undefined;
  /**
   * The process-wide place a call installs its argument at `index` in, as messages name it
   * (`setGlobalDispatcher(agent)`: "the global dispatcher"), or undefined.
   */
  readonly processWideInstall?: (call: Call, index: number) => string | undefined;
  /** The process-wide property an assignment target names (`https.globalAgent`), or undefined. */
  readonly processWideProperty?: (target: TSESTree.MemberExpression) => string | undefined;
}

/**
 * One process-wide place a value is put into: the global dispatcher, `https.globalAgent`, a
 * module-level variable (`variable` is set for those), a CommonJS export (`exports.client`).
 */
export interface ProcessWidePlace {
  /** "the global dispatcher", "`https.globalAgent`", "`agent`" */
  readonly label: string;
  readonly variable?: TSESLint.Scope.Variable;
  /** `client` of `exports.client` / `module.exports.client`. */
  readonly exportName?: string;
}

/**
 * What a function does with a value passed to it: only uses it (`used`), gives it back
 * (`returned`: its result carries the value), or keeps it beyond the call (`kept`).
 */
export type ArgumentFate = 'used' | 'returned' | 'kept';

export interface Lifetime {
  readonly used: boolean;
  /** Some use sits in a loop or iteration callback of the call: the call shares it between requests. */
  readonly usedRepeatedly: boolean;
  /** `close()`, `destroy()` or `end()` is called on it: the function ends its life on purpose. */
  readonly closed: boolean;
  readonly returned: boolean;
  readonly stored: boolean;
  /**
   * Set when every store is `this.<key> = value` in a class method (not a constructor): the name of
   * that property. Such a method replaces the instance's client each time it runs.
   */
  readonly storedOnThis?: string;
  /**
   * Set when every store puts the value into the same process-wide place (the global dispatcher,
   * `https.globalAgent`, a module-level variable): a run that stores a new client there replaces
   * the one the previous run stored.
   */
  readonly storedProcessWide?: ProcessWidePlace;
  /**
   * Set when every store puts the value on an object a parameter of the function holds
   * (`req.s3 = client`, `res.locals.db = client`, `ctx.state.api = client`): those targets' text.
   * Where the function is a request handler, that object lives for one request.
   */
  readonly storedOnParameters?: readonly string[];
  /**
   * Set when every store adds the value to a collection (`pools.add(pool)`, `clients.push(c)`,
   * `cache.set(key, c)`): the collection's text. A collection keeps what it is given, one entry per
   * run that adds one.
   */
  readonly storedInCollection?: string;
  readonly handedOff: boolean;
}

/** Collections whose `set`/`push`/... keeps the value: `cache.set(k, v)`, `clients.push(c)`. */
const COLLECTION_STORE_METHODS: ReadonlySet<string> = new Set(['set', 'add', 'push', 'unshift', 'splice']);
/** Bounds the walk on pathological code. */
const MAX_STEPS = 400;
/** How many same-file helpers deep to follow a value passed as an argument. */
const MAX_HELPER_DEPTH = 3;

/** Follows the value of `node` inside its enclosing function. */
export function traceLifetime(node: TSESTree.Node, env: LifetimeEnvironment): Lifetime {
  return trace({ node }, enclosingFunction(node), env, new Set());
}

/**
 * Follows the value passed to `fn` as its argument at `index` inside `fn`, or undefined when the
 * parameter cannot be followed (destructured, rest, `arguments` in use).
 */
export function traceParameterLifetime(
  fn: FunctionNode,
  index: number,
  env: LifetimeEnvironment,
  helpers: ReadonlySet<FunctionNode> = new Set(),
): Lifetime | undefined {
  const variable = parameterVariable(fn, index, env.sourceCode);
  return variable && trace({ variable }, fn, env, new Set([...helpers, fn]));
}

function trace(
  start: { readonly node: TSESTree.Node } | { readonly variable: TSESLint.Scope.Variable },
  owner: TSESTree.Node,
  env: LifetimeEnvironment,
  helpers: ReadonlySet<FunctionNode>,
): Lifetime {
  const state = { used: false, usedRepeatedly: false, closed: false, returned: false, stored: false, handedOff: false };
  /** Where the value is kept, one entry per kind of place (`this.key`, process-wide, parameter). */
  const thisStores = new Set<string>();
  const processWideStores = new Map<string, ProcessWidePlace>();
  const parameterStores: string[] = [];
  const collectionStores = new Set<string>();
  /** Objects and locals that hold the value under a request-option name (`fetchOptions.dispatcher = agent`). */
  const requestOptions = new Set<TSESTree.Node | TSESLint.Scope.Variable>();
  let otherStores = false;
  const seenVariables = new Set<TSESLint.Scope.Variable>();
  const seenClosures = new Set<TSESTree.Node>();
  const queue: TSESTree.Node[] = [];
  if ('node' in start) queue.push(start.node);
  else followVariable(start.variable);
  let steps = 0;

  while (queue.length > 0 && steps++ < MAX_STEPS) {
    const expression = queue.shift();
    if (expression) followUse(expression);
  }
  if (queue.length > 0) state.handedOff = true; // gave up: assume the worst
  return { ...state, ...onlyPlace() };

  /** The one kind of place every store went to, when there is one. */
  function onlyPlace(): Pick<Lifetime, 'storedOnThis' | 'storedProcessWide' | 'storedOnParameters' | 'storedInCollection'> {
    if (otherStores) return {};
    const kinds = [thisStores.size > 0, processWideStores.size > 0, parameterStores.length > 0, collectionStores.size > 0].filter(Boolean).length;
    if (kinds !== 1) return {};
    const [collection] = collectionStores;
    if (collectionStores.size === 1) return { storedInCollection: collection };
    const [thisKey] = thisStores;
    if (thisStores.size === 1) return { storedOnThis: thisKey };
    const [place] = processWideStores.values();
    if (processWideStores.size === 1) return { storedProcessWide: place };
    return parameterStores.length > 0 ? { storedOnParameters: parameterStores } : {};
  }

  function followUse(expression: TSESTree.Node): void {
    const use = classifyValueUse(expression);
    switch (use.kind) {
      case 'returned':
      case 'yielded':
        if (enclosingFunction(use.node) === owner) state.returned = true;
        else state.handedOff = true;
        return;
      case 'thrown':
        state.handedOff = true;
        return;
      case 'argument':
        followArgument(use.call, use.index, use.node);
        return;
      case 'stored':
        // `{ dispatcher: agent }`: the literal is request options (request-option-objects.ts).
        if (
          use.target.type === AST_NODE_TYPES.ObjectExpression &&
          use.node.parent?.type === AST_NODE_TYPES.Property &&
          isAgentOptionKey(propertyKeyName(use.node.parent))
        ) {
          requestOptions.add(use.target);
        }
        followStore(use.target);
        return;
      case 'member':
        // Closing it, or opening a raw socket through it, is not a use for requests.
        if (use.property !== undefined && CLOSING_METHODS.has(use.property)) state.closed = true;
        else if (isAccessorHandOut(use.member)) state.handedOff = true;
        else if (use.property === undefined || !SOCKET_METHODS.has(use.property)) markUsed(use.node);
        return;
      case 'bound':
        // `const { s3 } = clients`: the value goes on in every part taken out of it.
        for (const variable of env.sourceCode.getDeclaredVariables(use.declarator)) {
          if (requestOptions.has(use.node) && use.declarator.id.type === AST_NODE_TYPES.Identifier) requestOptions.add(variable);
          followVariable(variable);
        }
        return;
      case 'iterated':
        markUsed(use.node);
        return;
      case 'inspected':
        // `api(config)` sends through a callable client; a captured closure runs here.
        if (use.node.parent?.type === AST_NODE_TYPES.CallExpression && use.node.parent.callee === use.node) {
          markUsed(use.node.parent);
        }
        return;
    }
  }

  function markUsed(at: TSESTree.Node): void {
    state.used = true;
    // Repeated per construction: a loop that builds the value and uses it once per iteration
    // (`for (const m of batch) { const pool = new Pool(origin(m)); await pool.request(...) }`)
    // uses each one once.
    const within = 'node' in start ? (innermostCommonAncestor(at, start.node) ?? owner) : owner;
    if (!state.usedRepeatedly && isRepeatedWithin(at, within)) state.usedRepeatedly = true;
  }

  function followArgument(call: Call, index: number, argument?: TSESTree.Node): void {
    if (env.isRequestCall(call)) {
      markUsed(call);
      return;
    }
    if (isInspectingCall(call, env.sourceCode)) return;
    const installed = env.processWideInstall?.(call, index);
    if (installed !== undefined) {
      markStored({ kind: 'processWide', place: { label: installed } });
      return;
    }
    if (env.isHolderCall(call) || env.isIdentityCall?.(call)) {
      queue.push(call);
      return;
    }
    if (isObjectAssign(call)) {
      followObjectAssign(call, index);
      return;
    }
    const fate = helperFate(call, index) ?? env.argumentFate?.(call, index);
    if (fate === 'used') markUsed(call);
    else if (fate === 'returned') queue.push(call);
    else if (fate === 'kept') markStored();
    else if (fate === 'handedOff') state.handedOff = true;
    if (fate) return;
    const callee = call.callee;
    if (call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticPropertyName(callee);
      const receiver = stripWrappers(callee.object);
      const slot =
        receiver.type === AST_NODE_TYPES.Identifier && ownParameter(receiver, owner, env.sourceCode)
          ? requestScopedSetterSlot(call, index, receiver, env.sourceCode)
          : undefined;
      if (slot !== undefined) {
        // `c.set('pool', pool)` on the handler's context: kept for that request (if it is one).
        markStored({ kind: 'parameter', text: slot });
        return;
      }
      if (method !== undefined && COLLECTION_STORE_METHODS.has(method)) {
        // A collection keeps its elements: several pools built to be kept (one per host, N for
        // sharding), not one rebuilt per call — unless every request adds one (rebuilds.ts).
        markStored({ kind: 'collection', text: env.sourceCode.getText(callee.object).replace(/\s+/g, '') });
        return;
      }
    }
    if (argument && isRequestOptions(argument) && looksLikeRequestCall(call)) {
      // `await fetchWithCache(url, fetchOptions)` of a module that cannot be read: the options
      // carry the pool into this one request.
      markUsed(call);
      return;
    }
    const instance = freshInstanceReceiver(call);
    if (instance) {
      // `const ckb = new CKB(url); ckb.rpc.setNode({ httpsAgent })`: configures an instance built
      // here, so the value goes wherever that instance goes.
      followVariable(instance);
      return;
    }
    state.handedOff = true;
  }

  /** `fetchOptions` / `{ dispatcher: agent }` holding the value under a request-option name. */
  function isRequestOptions(node: TSESTree.Node): boolean {
    if (requestOptions.has(node)) return true;
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(env.sourceCode.getScope(node), node);
    return variable !== null && variable !== undefined && requestOptions.has(variable);
  }

  /** `Object.assign({}, defaults, { agent })`: the result (and a local target) carry the value. */
  function followObjectAssign(call: Call, index: number): void {
    const target = call.arguments[0];
    if (index === 0 || target?.type === AST_NODE_TYPES.ObjectExpression) {
      queue.push(call);
      return;
    }
    const variable = target?.type === AST_NODE_TYPES.Identifier ? localVariable(target) : undefined;
    if (variable) {
      followVariable(variable);
      queue.push(call);
    } else {
      markStored();
    }
  }

  /**
   * What a same-file helper does with its parameter at `index`, traced inside the helper;
   * `ignored` when it neither uses, returns, keeps nor hands it off (an unused parameter).
   */
  function helperFate(call: Call, index: number): ArgumentFate | 'handedOff' | 'ignored' | undefined {
    if (helpers.size >= MAX_HELPER_DEPTH) return undefined;
    if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
      return undefined;
    }
    const helper = calledFunction(call, env.sourceCode);
    if (!helper || helpers.has(helper)) return undefined;
    const inner = traceParameterLifetime(helper, index, env, helpers);
    if (!inner) return undefined;
    if (inner.handedOff) return 'handedOff';
    if (inner.stored) return 'kept';
    if (inner.closed) state.closed = true;
    if (inner.usedRepeatedly) state.usedRepeatedly = true;
    if (inner.returned) return 'returned';
    return inner.used ? 'used' : 'ignored';
  }

  /** The value is kept beyond the call; `place` says where, when it is a place the rule reasons about. */
  function markStored(place?: StorePlace): void {
    state.stored = true;
    if (place?.kind === 'this') thisStores.add(place.key);
    else if (place?.kind === 'processWide') processWideStores.set(place.place.label, place.place);
    else if (place?.kind === 'parameter') parameterStores.push(place.text);
    else if (place?.kind === 'collection') collectionStores.add(place.text);
    else otherStores = true;
  }

  function followStore(target: TSESTree.Node): void {
    switch (target.type) {
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        queue.push(target); // `{ agent }` carries it on
        return;
      case AST_NODE_TYPES.Identifier: {
        const variable = localVariable(target) ?? freshCopyParameter(target, target, owner, env.sourceCode);
        if (variable) followVariable(variable);
        else markStored(moduleVariablePlace(target));
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `options.agent = agent` on a local options object: the object carries it.
        const root = rootIdentifier(target.object);
        const variable = root ? (localVariable(root) ?? freshCopyParameter(root, target, owner, env.sourceCode)) : undefined;
        if (variable) {
          // `fetchOptions.dispatcher = agent` on a fresh local object: request options (request-option-objects.ts).
          if (target.object === root && isAgentOptionKey(staticPropertyName(target)) && isFreshObjectVariable(variable)) {
            requestOptions.add(variable);
          }
          followVariable(variable, target);
          return;
        }
        const parameter = root && ownParameter(root, owner, env.sourceCode);
        if (parameter && isSentToRequestOnly(parameter, owner, sendsRequest)) {
          // `options.agent = agent; return fetch(url, options)`: the caller's options carry it
          // into this one request (and the next call overwrites it).
          markUsed(target);
          return;
        }
        const key = thisPropertySetByMethod(target, owner);
        if (key !== undefined) markStored({ kind: 'this', key });
        else if (parameter && root && isRequestScopedSlot(target, root)) {
          markStored({ kind: 'parameter', text: env.sourceCode.getText(target) });
        } else {
          // `https.globalAgent = agent`, or `exports.client = client`: module state every importer shares.
          const exportName = commonJsExportProperty(target, env.sourceCode.getScope(target));
          if (exportName !== undefined) {
            const label = `\`${env.sourceCode.getText(target).replace(/\s+/g, '')}\``;
            markStored({ kind: 'processWide', place: { label, exportName } });
          } else {
            const label = env.processWideProperty?.(target);
            markStored(label === undefined ? undefined : { kind: 'processWide', place: { label } });
          }
        }
        return;
      }
      case AST_NODE_TYPES.SpreadElement:
        // `{ ...makeClients() }`: the new object holds what the spread one held.
        if (target.parent.type === AST_NODE_TYPES.ObjectExpression) queue.push(target.parent);
        else markStored();
        return;
      default:
        markStored(); // class field, parameter default
    }
  }

  /**
   * `agent = new Agent()` where `agent` is a `let`/`var` of module scope: a process-wide place (a
   * lazy guard around the store is checked by the caller).
   */
  function moduleVariablePlace(identifier: TSESTree.Identifier): StorePlace | undefined {
    const variable = findVariable(env.sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.parent.kind === 'const') return undefined;
    const scope = variable.scope;
    const topLevel =
      scope.type === 'module' ||
      scope.type === 'global' ||
      (scope.type === 'function' && scope.block.type === AST_NODE_TYPES.Program);
    return topLevel ? { kind: 'processWide', place: { label: `\`${variable.name}\``, variable } } : undefined;
  }

  function sendsRequest(call: Call, index: number): boolean {
    if (env.isRequestCall(call)) return true;
    if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
      return false;
    }
    const helper = calledFunction(call, env.sourceCode);
    if (helper) {
      if (helpers.has(helper) || helpers.size >= MAX_HELPER_DEPTH) return false;
      const inner = traceParameterLifetime(helper, index, env, helpers);
      return inner !== undefined && isSingleUse(inner);
    }
    return env.argumentFate?.(call, index) === 'used';
  }

  /**
   * Follows every read of `variable`. `storedAt`: the value reached the variable's object there
   * (`req.httpAgent = agent`), so a call that was handed the object before that point, on every
   * run (not in a loop around the store), never saw the value (`log(req)` earlier in the function).
   */
  function followVariable(variable: TSESLint.Scope.Variable, storedAt?: TSESTree.Node): void {
    if (seenVariables.has(variable)) return;
    seenVariables.add(variable);
    const loop = storedAt && enclosingLoop(storedAt, owner);
    for (const reference of variable.references) {
      if (reference.init || !reference.isRead()) continue;
      const identifier = reference.identifier;
      if (storedAt && !loop && identifier.range[1] <= storedAt.range[0] && isHandedToCallBefore(identifier)) continue;
      if (identifier.parent?.type === AST_NODE_TYPES.AssignmentExpression && identifier.parent.left === identifier) {
        continue; // `x += ...` style compound writes
      }
      if (closureMayOutlive(identifier)) {
        followClosure(identifier);
        continue;
      }
      queue.push(identifier);
    }
  }

  /** `log(req)`: the object handed to a call as an argument of its own, not added to a collection. */
  function isHandedToCallBefore(identifier: TSESTree.Node): boolean {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(identifier as TSESTree.CallExpressionArgument)) return false;
    const method = call.callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(call.callee) : undefined;
    return method === undefined || !COLLECTION_STORE_METHODS.has(method);
  }

  /** A variable declared inside the owner function (or the owner program). */
  function localVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    const variable = findVariable(env.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return undefined;
    const def = variable.defs[0];
    if (!def || (def.type !== 'Variable' && def.type !== 'Parameter')) return undefined;
    if (def.type === 'Parameter') return undefined; // a parameter's object belongs to the caller
    return enclosingFunction(def.name) === owner ? variable : undefined;
  }

  /** The local variable `call`'s receiver roots in, when it holds an instance built here by `new`. */
  function freshInstanceReceiver(call: Call): TSESLint.Scope.Variable | undefined {
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const root = rootIdentifier(call.callee.object);
    const variable = root && localVariable(root);
    const fixed = fixedInitializer(variable);
    const init = fixed && stripWrappers(fixed, { await: true });
    return init?.type === AST_NODE_TYPES.NewExpression ? variable : undefined;
  }

  function isLocalObject(object: TSESTree.Node): boolean {
    const root = rootIdentifier(object);
    return root !== undefined && localVariable(root) !== undefined;
  }

  /**
   * A closure of the owner that may outlive the call reads the value: the closure carries it on
   * (`return { list: () => client.send() }` returns it, `emitter.on('x', () => client.send())`
   * hands it off). Closures inside closures, and methods of local classes, are handed off.
   */
  function followClosure(identifier: TSESTree.Node): void {
    let fn: TSESTree.Node = enclosingFunction(identifier);
    let escaping: TSESTree.Node | undefined;
    while (fn !== owner && isFunctionNode(fn)) {
      if (!runsDuringCall(fn)) escaping = fn;
      fn = enclosingFunction(fn);
    }
    if (!escaping || enclosingFunction(escaping) !== owner) {
      state.handedOff = true;
      return;
    }
    if (seenClosures.has(escaping)) return;
    seenClosures.add(escaping);
    if (escaping.type === AST_NODE_TYPES.FunctionDeclaration) {
      const variable = escaping.id && env.sourceCode.getDeclaredVariables(escaping).find((v) => v.name === escaping.id?.name);
      if (variable) followVariable(variable);
      else state.handedOff = true;
      return;
    }
    const holder = escaping.parent;
    if (
      holder?.type === AST_NODE_TYPES.MethodDefinition ||
      holder?.type === AST_NODE_TYPES.PropertyDefinition ||
      (holder?.type === AST_NODE_TYPES.Property && (holder.kind === 'get' || holder.kind === 'set'))
    ) {
      state.handedOff = true;
      return;
    }
    queue.push(escaping);
  }

  /**
   * A read from inside a nested function: fine when that function only runs during the call
   * (`xs.map(cb)`, `.then(cb)`, `new Promise(executor)`, a request callback, a listener on a local
   * request/response), otherwise the value may live on in the closure.
   */
  function closureMayOutlive(identifier: TSESTree.Node): boolean {
    let fn = enclosingFunction(identifier);
    while (fn !== owner) {
      if (fn.type === AST_NODE_TYPES.Program || !isFunctionNode(fn)) return true;
      if (!runsDuringCall(fn)) return true;
      fn = enclosingFunction(fn);
    }
    return false;
  }

  function runsDuringCall(fn: TSESTree.Node): boolean {
    const carrier = outermostCarrier(fn);
    const call = carrier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return false;
    if (call.callee === carrier) return true; // IIFE
    if (!call.arguments.includes(carrier as TSESTree.CallExpressionArgument)) return false;
    if (isInlineCallbackCall(call) || env.isRequestCall(call)) return true;
    const callee = call.callee;
    if (callee.type === AST_NODE_TYPES.Identifier) return ONE_SHOT_SCHEDULERS.has(callee.name);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticPropertyName(callee);
    if (method === undefined) return false;
    if (ITERATION_METHODS.has(method) || ONE_SHOT_SCHEDULERS.has(method)) return true;
    // req.on('response', ...) on a request object of this call
    if (method === 'on' || method === 'once' || method === 'addListener') return isLocalObject(callee.object);
    return false;
  }
}

/**
 * A value is single-use when it is used and nothing lets it outlive the call. A value the call
 * shares between several requests (used in a loop or `xs.map(...)` callback) is not: that call
 * reuses its connections.
 */
export function isSingleUse(lifetime: Lifetime): boolean {
  return (
    lifetime.used && !lifetime.usedRepeatedly && !lifetime.returned && !lifetime.stored && !lifetime.handedOff
  );
}

/** Where a stored value went, for the places the rule reasons about. */
type StorePlace =
  | { readonly kind: 'this'; readonly key: string }
  | { readonly kind: 'processWide'; readonly place: ProcessWidePlace }
  | { readonly kind: 'parameter'; readonly text: string }
  | { readonly kind: 'collection'; readonly text: string };

/** `JSON.stringify(x)`, `Object.keys(x)`: reads the value and keeps nothing of it. */
function isInspectingCall(call: Call, sourceCode: SourceCode): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const refs = resolveModuleRefs(call.callee, sourceCode.getScope(call));
  return refs?.some((ref) => findExportSpec(ref, INSPECTING_CALLS) !== undefined) ?? false;
}

/** `get()`, `getAgent()`, `agent()`, `getDispatcher()`: accessors that hand out a held client. */
const CLIENT_ACCESSOR = /^(?:get|(?:get)?(?:agent|https?agent|client|dispatcher|pool))$/i;

/**
 * `return new AgentWrapper(url, proxy, options).get()`, `this.agent = new Wrapper(opts).getAgent()`:
 * an accessor called without arguments whose result is kept or given back hands out what the object
 * holds (its agent) rather than sending a request through it.
 */
function isAccessorHandOut(member: TSESTree.MemberExpression): boolean {
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || call.arguments.length > 0) return false;
  const name = staticPropertyName(member);
  if (name === undefined || !CLIENT_ACCESSOR.test(name)) return false;
  const kind = classifyValueUse(call).kind;
  return kind === 'returned' || kind === 'stored' || kind === 'bound';
}

/** The innermost node that contains both `a` and `b`. */
function innermostCommonAncestor(a: TSESTree.Node, b: TSESTree.Node): TSESTree.Node | undefined {
  const ancestors = new Set<TSESTree.Node>();
  for (let node: TSESTree.Node | undefined = a; node; node = node.parent) ancestors.add(node);
  for (let node: TSESTree.Node | undefined = b; node; node = node.parent) if (ancestors.has(node)) return node;
  return undefined;
}

/** `node` runs several times per call of `owner`: inside a loop or an iteration callback. */
function isRepeatedWithin(node: TSESTree.Node, owner: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current !== owner && current.parent && current.parent !== owner) {
    const parent: TSESTree.Node = current.parent;
    if (enclosingLoop(current, parent.parent ?? parent) === parent) return true;
    if (isFunctionNode(parent) && isIterationCallback(parent)) return true;
    current = parent;
  }
  return false;
}

function isIterationCallback(fn: TSESTree.Node): boolean {
  const carrier = outermostCarrier(fn);
  const call = carrier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(call.callee);
  return method !== undefined && ITERATION_METHODS.has(method) && call.arguments[0] === carrier;
}

/** `this.key = ...` directly in the body of a class method (not a constructor): `key`. */
function thisPropertySetByMethod(target: TSESTree.Node, owner: TSESTree.Node): string | undefined {
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  const method = owner.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== owner || method.kind !== 'method') {
    return undefined;
  }
  if (enclosingFunction(target) !== owner) return undefined;
  return staticPropertyName(target);
}

/** The variable of `fn`'s parameter at `index` when it is a plain name (`client`, `client = x`). */
function parameterVariable(fn: FunctionNode, index: number, sourceCode: SourceCode): TSESLint.Scope.Variable | undefined {
  const param = fn.params[index];
  const name =
    param?.type === AST_NODE_TYPES.Identifier
      ? param
      : param?.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier
        ? param.left
        : undefined;
  if (!name) return undefined;
  const variables = sourceCode.getDeclaredVariables(fn);
  // `arguments` reads every parameter behind the names' backs.
  if (variables.some((variable) => variable.name === 'arguments' && variable.references.length > 0)) return undefined;
  const scopeArguments = sourceCode.scopeManager?.acquire(fn)?.set.get('arguments');
  if (scopeArguments && scopeArguments.references.length > 0) return undefined;
  return variables.find((variable) => variable.defs.some((def) => def.type === 'Parameter' && def.name === name));
}
