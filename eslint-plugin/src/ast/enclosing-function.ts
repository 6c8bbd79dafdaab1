/** The function (or program) whose body `node` is directly in: the nearest enclosing function-like node. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export function enclosingFunction(
  node: TSESTree.Node,
): TSESTree.FunctionLike | TSESTree.Program {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.Program
    ) {
      return current as TSESTree.FunctionLike | TSESTree.Program;
    }
    current = current.parent;
  }
  throw new Error('node is not inside a Program');
}
