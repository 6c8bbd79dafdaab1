/**
 * The value of each `return` in `fn` itself (not in nested functions or classes), in source order;
 * undefined for a bare `return`. An arrow with an expression body returns that expression.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { forEachDescendant } from './for-each-descendant';
import { isFunctionNode, type FunctionNode } from './function-node';

export function returnedExpressions(
  fn: FunctionNode,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
): (TSESTree.Node | undefined)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: (TSESTree.Node | undefined)[] = [];
  forEachDescendant(fn.body, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      found.push(node.argument ?? undefined);
      return false;
    }
    return !(isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody);
  });
  return found;
}
