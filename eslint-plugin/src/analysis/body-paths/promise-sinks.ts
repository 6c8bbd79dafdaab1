/**
 * `ctx.waitUntil(fetch(url, { method: 'POST' }))`: a call that only waits for the promise it is
 * given (libraries/promise-sinks.ts). The response the promise brings is dropped there; so it is
 * when a variable holds the promise and is only ever waited for (`await promise;`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { findExportSpec } from '../imports/export-spec';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
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

/**
 * True when the promise `declarator` binds is only ever waited for: every read of the variable is
 * a discarded `await promise;` or the argument of a promise sink (`ctx.waitUntil(promise)`), and
 * there is at least one. Any other read (`const res = await promise`, `return promise`,
 * `promise.then(...)`) may reach the value.
 */
export function isOnlyWaitedFor(declarator: TSESTree.VariableDeclarator, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const name = declarator.id.name;
  const variable = sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === name);
  if (!variable || !isNeverReassigned(variable)) return false;
  const reads = variable.references.filter((reference) => !reference.init && reference.isRead());
  return (
    reads.length > 0 &&
    reads.every((reference) => {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.AwaitExpression) return parent.parent?.type === AST_NODE_TYPES.ExpressionStatement;
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
      const index = parent.arguments.findIndex((argument) => argument === reference.identifier);
      return index >= 0 && isPromiseSink(parent, index, sourceCode);
    })
  );
}
