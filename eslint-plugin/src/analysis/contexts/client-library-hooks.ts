/**
 * Functions an HTTP client library calls once for every request it sends (the data is in
 * libraries/request-handlers.ts): an axios request interceptor, a got `init`/`beforeRequest` hook,
 * a node-fetch agent function, an Apollo `RESTDataSource#willSendRequest` override. An agent built
 * in one of them is built per request.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import {
  AGENT_FUNCTION_OPTION,
  AXIOS_INTERCEPTOR_PATH,
  DATA_SOURCE_BASES,
  DATA_SOURCE_REQUEST_HOOKS,
  GOT_PER_REQUEST_HOOKS,
} from '../libraries/request-handlers';
import type { ContextEnvironment, RequestContext } from './request-context';
import { methodExtending } from './subclass-methods';

/** `api.interceptors.request.use(fn)`: `fn` (argument 0) runs for every request of `api`. */
export function interceptorContext(call: TSESTree.CallExpression, index: number, label: string): RequestContext | undefined {
  if (index !== 0) return undefined;
  let member: TSESTree.Node = stripWrappers(call.callee, { typeAssertions: false });
  for (let step = AXIOS_INTERCEPTOR_PATH.length - 1; step >= 0; step--) {
    if (member.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(member) !== AXIOS_INTERCEPTOR_PATH[step]) return undefined;
    member = member.object;
  }
  return { kind: 'request', description: `the request interceptor registered with ${label} (run for every request)`, via: [] };
}

/**
 * `hooks: { beforeRequest: [fn] }` (got) around the function at `position`, or `agent: fn`
 * (node-fetch's agent function): the library calls it for every request.
 */
export function optionHookContext(position: TSESTree.Node): RequestContext | undefined {
  const carrier = outermostCarrier(position);
  if (!isFunctionNode(carrier)) return undefined;
  const parent = carrier.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === carrier && propertyKeyName(parent) === AGENT_FUNCTION_OPTION) {
    return { kind: 'request', description: 'the `agent` function (called for every request)', via: [] };
  }
  if (parent?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const hook = parent.parent;
  if (hook?.type !== AST_NODE_TYPES.Property || hook.value !== parent) return undefined;
  const name = propertyKeyName(hook);
  const hooks = hook.parent.parent;
  if (name === undefined || !GOT_PER_REQUEST_HOOKS.has(name)) return undefined;
  if (hooks?.type !== AST_NODE_TYPES.Property || propertyKeyName(hooks) !== 'hooks') return undefined;
  return { kind: 'request', description: `the got \`${name}\` hook (run for every request)`, via: [] };
}

/** `willSendRequest()` of a class extending Apollo's `RESTDataSource`: runs for every request it sends. */
export function dataSourceHookContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const name = methodExtending(fn, DATA_SOURCE_BASES, env);
  if (name === undefined || !DATA_SOURCE_REQUEST_HOOKS.has(name)) return undefined;
  return { kind: 'request', description: `\`${name}()\` (run by the data source for every request)`, via: [] };
}
