/**
 * Where a node:http(s) request's response arrives, and what else frees its socket.
 *
 * `http.request()` / `http.get()` return a ClientRequest; the response reaches a `'response'`
 * listener — the call's callback argument (handled by the caller), a listener chained on the call
 * (`https.get(url).on('response', fn)`), one added to the variable that holds the request
 * (`req.on('response', fn)`), or `const [res] = await once(req, 'response')` from node:events.
 * Aborting the request (`req.abort()`, `req.destroy()`, or a local function that does,
 * `finalize()` in node-fetch) releases the response's socket too.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from '../../ast/static-property-name';
import { abortingCalls } from './aborting-calls';
import { resolveModuleRefs } from '../imports/module-refs';
import { classifyValueUse } from '../../ast/classify-value-use';
import { isInlineFunction, type FunctionNode } from '../../ast/function-node';
import { hasAwaitBetween } from '../../ast/has-await-between';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { EVENT_LISTENER_METHODS } from '../libraries/event-emitters';

/** A `'response'` listener found for an http request call. */
export type ResponseListener =
  | { readonly type: 'function'; readonly fn: FunctionNode }
  /** `const [res] = await once(req, 'response')`: the declarator (its first element is the response). */
  | { readonly type: 'once'; readonly declarator: TSESTree.VariableDeclarator };

export interface RequestListeners {
  readonly listeners: ResponseListener[];
  /** The never-reassigned variable holding the request, when there is one. */
  readonly request: TSESLint.Scope.Variable | undefined;
}

/** Methods of an http.ClientRequest that return the request itself, so chains keep it. */
const REQUEST_CHAIN_METHODS: ReadonlySet<string> = new Set([
  ...EVENT_LISTENER_METHODS,
  'setTimeout',
  'setNoDelay',
  'setSocketKeepAlive',
  'setHeader',
]);

/** The `'response'` listeners of the request that `call` (an http request call) returns. */
export function responseListeners(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): RequestListeners {
  const listeners: ResponseListener[] = [];
  const followChain = (node: TSESTree.Node): TSESTree.Node => {
    let current = node;
    for (let step = responseListenerOn(current); step; step = responseListenerOn(current)) {
      if (step.listener) listeners.push({ type: 'function', fn: step.listener });
      current = step.next;
    }
    return current;
  };
  const end = followChain(call);
  const use = classifyValueUse(end);
  if (use.kind !== 'bound' || use.declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return { listeners, request: undefined };
  }
  const name = use.declarator.id.name;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(use.declarator).find((v) => v.name === name);
  if (!variable || !isNeverReassigned(variable)) {
    return { listeners, request: undefined };
  }
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    followChain(reference.identifier);
    const onceDeclarator = onceResponseDeclarator(reference.identifier, sourceCode);
    if (onceDeclarator) listeners.push({ type: 'once', declarator: onceDeclarator });
  }
  return { listeners, request: variable };
}

/**
 * `req.abort()` / `req.destroy()` calls on the request variable — they free the socket too — and
 * calls of a function of this file that makes one (`const finalize = () => { req.abort(); }`).
 */
export function requestAborts(
  request: TSESLint.Scope.Variable,
  scopeManager: TSESLint.Scope.ScopeManager | null,
): TSESTree.Node[] {
  const aborts: TSESTree.Node[] = [];
  for (const reference of request.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const method = staticPropertyName(member);
    const call = member.parent;
    if ((method !== 'abort' && method !== 'destroy') || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) {
      continue;
    }
    aborts.push(...abortingCalls(call, scopeManager));
  }
  return aborts;
}

/** `x.on('response', fn)` (or another chainable method) where `x` is `requestNode`. */
function responseListenerOn(
  requestNode: TSESTree.Node,
): { next: TSESTree.CallExpression; listener: FunctionNode | undefined } | undefined {
  const member = requestNode.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== requestNode) return undefined;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  const method = staticPropertyName(member);
  if (method === undefined || !REQUEST_CHAIN_METHODS.has(method)) return undefined;
  const [event, handler] = call.arguments;
  const isResponseListener =
    EVENT_LISTENER_METHODS.has(method) &&
    event?.type === AST_NODE_TYPES.Literal &&
    event.value === 'response' &&
    handler !== undefined &&
    isInlineFunction(handler);
  return { next: call, listener: isResponseListener ? handler : undefined };
}

/** `const [res] = await once(req, 'response')` where `request` is the `req` read. */
function onceResponseDeclarator(
  request: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.VariableDeclarator | undefined {
  const call = request.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== request) return undefined;
  const event = call.arguments[1];
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'response') return undefined;
  const refs = resolveModuleRefs(call.callee, sourceCode.getScope(call));
  if (!refs || refs.length === 0 || !refs.every((ref) => ref.module === 'events' && ref.path.at(-1) === 'once')) {
    return undefined;
  }
  const use = classifyValueUse(call);
  if (use.kind !== 'bound' || !hasAwaitBetween(call, use.node)) return undefined;
  const pattern = use.declarator.id;
  if (pattern.type !== AST_NODE_TYPES.ArrayPattern || pattern.elements[0]?.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  return use.declarator;
}

