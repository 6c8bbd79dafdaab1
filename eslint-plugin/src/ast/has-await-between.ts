import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** True when an `await` sits between `from` and `to` (an ancestor of `from`, inclusive). */
export function hasAwaitBetween(from: TSESTree.Node, to: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = from; node && node !== to.parent; node = node.parent) {
    if (node.type === AST_NODE_TYPES.AwaitExpression) return true;
    if (node === to) break;
  }
  return false;
}
