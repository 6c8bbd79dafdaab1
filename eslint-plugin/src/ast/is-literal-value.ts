/** True for a literal written as exactly `value` (`false`, `0`, `'close'`), not an expression that evaluates to it. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export function isLiteralValue(node: TSESTree.Node, value: string | number | boolean): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === value;
}
