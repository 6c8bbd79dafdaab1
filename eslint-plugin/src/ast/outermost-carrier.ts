/**
 * Walks up from `node` through the expressions that pass its value on unchanged: `await x`, `x!`,
 * `x as T`, `x satisfies T`, `<T>x`, `a?.b`, `cond ? x : y`, `a ?? x`, `a || x`, `(a, x)`. The result
 * is the outermost expression that still carries the value.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export function outermostCarrier(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return current;
        current = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        // `a ?? x` / `a || x` yields x; `x && a` yields a (x is only inspected).
        if (parent.operator === '&&' && parent.left === current) return current;
        current = parent;
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== current) return current;
        current = parent;
        continue;
      default:
        return current;
    }
  }
}
