/**
 * Request options built for one call: `const fetchOptions = { method: 'POST', ... };
 * fetchOptions.dispatcher = createHttpsAgent(tls); await fetchWithCache(url, fetchOptions)`.
 *
 * A fresh object literal of the function that holds a pool under a request-option name (`agent`,
 * `dispatcher`, `httpAgent`, `httpsAgent`: libraries/request-options.ts) and is handed to a call
 * that looks like a request — awaited, chained with `.then()`, or given a callback — carries that
 * pool into this one request, even when the callee cannot be read (a module that does not
 * resolve). Such options kept anywhere else (`this.opts = fetchOptions`, returned, pushed into a
 * collection) keep the pool: that is decided by the other uses of the object, as for any value.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode } from '../../ast/function-node';
import { hasAwaitBetween } from '../../ast/has-await-between';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { AGENT_OPTION_KEYS } from '../libraries/request-options';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** True when `name` is a request option that holds the pool a request goes through. */
export function isAgentOptionKey(name: string | undefined): boolean {
  return name !== undefined && AGENT_OPTION_KEYS.has(name);
}

/** True when the local `variable` starts as a fresh object literal (`const opts = { ... }`) and is never reassigned. */
export function isFreshObjectVariable(variable: TSESLint.Scope.Variable): boolean {
  const [def, ...others] = variable.defs;
  if (!def || others.length > 0 || def.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) {
    return false;
  }
  const writes = variable.references.filter((reference) => reference.isWrite());
  return writes.length === 1 && writes[0]?.init === true && stripWrappers(def.node.init).type === AST_NODE_TYPES.ObjectExpression;
}

/** `await send(url, opts)`, `send(url, opts).then(...)`, `send(opts, (err, res) => ...)`: a call shaped like a request. */
export function looksLikeRequestCall(call: Call): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (call.arguments.some((argument) => isFunctionNode(argument))) return true;
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
    const method = staticPropertyName(parent);
    return method === 'then' || method === 'catch' || method === 'finally';
  }
  return hasAwaitBetween(call, outermostCarrier(call));
}
