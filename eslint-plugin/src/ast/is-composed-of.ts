/**
 * Is an expression built only from literals and accepted leaves? Member reads, operators,
 * conditionals, template literals and array / object literals (with spreads) made of those count;
 * calls, functions, assignments, `delete`, `super` and private names never do, since they may give
 * another value each time they run; `new` only where the caller accepts the construction.
 *
 *   isComposedOf(node, isModuleScopeBinding)   the same value on every call (request-independent)
 *   isComposedOf(node, isUnwrittenInLoop)      the same value on every iteration (loop-invariant)
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** A leaf of a composed expression: a name, or `this`. */
export type CompositionLeaf = TSESTree.Identifier | TSESTree.ThisExpression;

/**
 * True when `node` is made only of literals and leaves `isAccepted` accepts; `new C(...)` counts
 * when `isAcceptedConstruction` accepts it and its callee and arguments are composed the same way.
 */
export function isComposedOf(
  node: TSESTree.Node,
  isAccepted: (leaf: CompositionLeaf) => boolean,
  isAcceptedConstruction: (construction: TSESTree.NewExpression) => boolean = () => false,
): boolean {
  const composed = (child: TSESTree.Node): boolean => isComposedOf(child, isAccepted, isAcceptedConstruction);
  switch (node.type) {
    case AST_NODE_TYPES.NewExpression:
      return isAcceptedConstruction(node) && composed(node.callee) && node.arguments.every(composed);
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return isAccepted(node);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(composed);
    case AST_NODE_TYPES.MemberExpression:
      return node.object.type !== AST_NODE_TYPES.Super && composed(node.object) && (!node.computed || composed(node.property));
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return composed(node.expression);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && composed(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && composed(node.left) && composed(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return composed(node.test) && composed(node.consequent) && composed(node.alternate);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element === null || composed(element));
    case AST_NODE_TYPES.SpreadElement:
      return composed(node.argument);
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return composed(property.argument);
        if (property.kind !== 'init' || property.method) return false;
        if (property.computed && !composed(property.key)) return false;
        return composed(property.value);
      });
    default:
      return false;
  }
}
