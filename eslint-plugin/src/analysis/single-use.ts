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
 *   handedOff passed to code we cannot see (`register(agent)`), thrown, or captured by a closure that
 *             may outlive the call (returned, stored, registered as a listener)
 *
 * A value that is used and neither returned, stored nor handed off is single-use: it is rebuilt on
 * every call of its function.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { isFunctionNode } from './call-graph';
import { CLOSING_METHODS, SOCKET_METHODS } from './libraries/request-calls';
import { ITERATION_METHODS, ONE_SHOT_SCHEDULERS } from './libraries/request-handlers';
import { staticPropertyName } from './module-refs';
import { enclosingLoop, isInlineCallbackCall } from './request-context';
import { classifyValueUse, enclosingFunction, outermostCarrier } from './value-use';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export interface LifetimeEnvironment {
  readonly sourceCode: SourceCode;
  /** A call that sends a request through a pool in its arguments and keeps nothing (`fetch`). */
  readonly isRequestCall: (call: Call) => boolean;
  /** A call whose result holds on to its arguments' pool (`axios.create({ httpsAgent })`, `new S3Client({ requestHandler })`). */
  readonly isHolderCall: (call: Call) => boolean;
}

export interface Lifetime {
  readonly used: boolean;
  /** Some use sits in a loop or iteration callback of the call: the call shares it between requests. */
  readonly usedRepeatedly: boolean;
  /** `close()`, `destroy()` or `end()` is called on it: the function ends its life on purpose. */
  readonly closed: boolean;
  readonly returned: boolean;
  readonly stored: boolean;
  readonly handedOff: boolean;
}

/** Collections whose `set`/`push`/... keeps the value: `cache.set(k, v)`, `clients.push(c)`. */
const COLLECTION_STORE_METHODS: ReadonlySet<string> = new Set(['set', 'add', 'push', 'unshift', 'splice']);
/** Bounds the walk on pathological code. */
const MAX_STEPS = 400;

/** Follows the value of `node` inside its enclosing function. */
export function traceLifetime(node: TSESTree.Node, env: LifetimeEnvironment): Lifetime {
  const owner = enclosingFunction(node);
  const state = { used: false, usedRepeatedly: false, closed: false, returned: false, stored: false, handedOff: false };
  const seenVariables = new Set<TSESLint.Scope.Variable>();
  const queue: TSESTree.Node[] = [node];
  let steps = 0;

  while (queue.length > 0 && steps++ < MAX_STEPS) {
    const expression = queue.shift();
    if (expression) followUse(expression);
  }
  if (queue.length > 0) state.handedOff = true; // gave up: assume the worst
  return state;

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
        followArgument(use.call);
        return;
      case 'stored':
        followStore(use.target);
        return;
      case 'member':
        // Closing it, or opening a raw socket through it, is not a use for requests.
        if (use.property !== undefined && CLOSING_METHODS.has(use.property)) state.closed = true;
        else if (use.property === undefined || !SOCKET_METHODS.has(use.property)) markUsed(use.node);
        return;
      case 'bound':
        if (use.declarator.id.type === AST_NODE_TYPES.Identifier) {
          const variable = env.sourceCode.getDeclaredVariables(use.declarator)[0];
          if (variable) followVariable(variable);
        } else {
          state.handedOff = true; // destructured: the parts go their own ways
        }
        return;
      case 'iterated':
        markUsed(use.node);
        return;
      case 'inspected':
        return;
    }
  }

  function markUsed(at: TSESTree.Node): void {
    state.used = true;
    if (!state.usedRepeatedly && isRepeatedWithin(at, owner)) state.usedRepeatedly = true;
  }

  function followArgument(call: Call): void {
    if (env.isRequestCall(call)) {
      markUsed(call);
      return;
    }
    if (env.isHolderCall(call)) {
      queue.push(call);
      return;
    }
    const callee = call.callee;
    if (call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticPropertyName(callee);
      if (method !== undefined && COLLECTION_STORE_METHODS.has(method)) {
        // A collection keeps its elements: several pools built to be kept (one per host, N for
        // sharding), not one rebuilt per call.
        state.stored = true;
        return;
      }
    }
    state.handedOff = true;
  }

  function followStore(target: TSESTree.Node): void {
    switch (target.type) {
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        queue.push(target); // `{ agent }` carries it on
        return;
      case AST_NODE_TYPES.Identifier: {
        const variable = localVariable(target);
        if (variable) followVariable(variable);
        else state.stored = true;
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `options.agent = agent` on a local options object: the object carries it.
        const root = rootIdentifier(target.object);
        const variable = root ? localVariable(root) : undefined;
        if (variable) followVariable(variable);
        else state.stored = true;
        return;
      }
      default:
        state.stored = true; // class field, parameter default, spread into something
    }
  }

  function followVariable(variable: TSESLint.Scope.Variable): void {
    if (seenVariables.has(variable)) return;
    seenVariables.add(variable);
    for (const reference of variable.references) {
      if (reference.init || !reference.isRead()) continue;
      const identifier = reference.identifier;
      if (identifier.parent?.type === AST_NODE_TYPES.AssignmentExpression && identifier.parent.left === identifier) {
        continue; // `x += ...` style compound writes
      }
      if (closureMayOutlive(identifier)) {
        state.handedOff = true;
        continue;
      }
      queue.push(identifier);
    }
  }

  /** A variable declared inside the owner function (or the owner program). */
  function localVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    const variable = ASTUtils.findVariable(env.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return undefined;
    const def = variable.defs[0];
    if (!def || (def.type !== 'Variable' && def.type !== 'Parameter')) return undefined;
    if (def.type === 'Parameter') return undefined; // a parameter's object belongs to the caller
    return enclosingFunction(def.name) === owner ? variable : undefined;
  }

  function isLocalObject(object: TSESTree.Node): boolean {
    const root = rootIdentifier(object);
    return root !== undefined && localVariable(root) !== undefined;
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

function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}
