/**
 * True for an expression whose value is always `null` or `undefined`: the `null` literal, the
 * `undefined` global, `void expr`. (A regex or bigint literal that the running engine cannot build
 * also has `value === null`, so the literal is recognised by its source text.)
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.raw === 'null') ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}
