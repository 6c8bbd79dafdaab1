/**
 * The name a call's callee is known by: `fail` in `fail()`, `exit` in `process.exit()`, `then` in
 * `p.then()`. Undefined for computed members and other callees (`(a || b)()`, `f()()`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from './static-property-name';

export function calledName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(callee);
  return undefined;
}
