/**
 * `ctx.waitUntil(fetch(url, { method: 'POST' }))`: a call that only waits for the promise it is
 * given (libraries/promise-sinks.ts). The response the promise brings is dropped there.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { PROMISE_SINK_FUNCTIONS, PROMISE_SINK_METHODS } from '../libraries/promise-sinks';

/** True when `call` waits for its argument at `index` and ignores the value. */
export function isPromiseSink(call: TSESTree.CallExpression, index: number, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (index !== 0 || call.arguments.length !== 1) return false;
  const callee = stripWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
    const method = staticPropertyName(callee);
    if (method !== undefined && PROMISE_SINK_METHODS.has(method)) return true;
  }
  const refs = resolveModuleRefs(callee, sourceCode.getScope(callee));
  return refs !== undefined && refs.length > 0 && refs.every((ref) => findExportSpec(ref, PROMISE_SINK_FUNCTIONS) !== undefined);
}
