/** `Object.assign(target, ...sources)` on the global `Object`. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from './static-property-name';

export function isObjectAssign(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    staticPropertyName(callee) === 'assign'
  );
}
