/**
 * The function of instance method `name` of a class: a method (not a getter, setter or static
 * method) or a field holding a function (`handle = async (req) => ...`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, type FunctionNode } from './function-node';
import { propertyKeyName } from './property-key-name';

export function instanceMethod(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
): FunctionNode | undefined {
  for (const element of classNode.body.body) {
    if (
      element.type === AST_NODE_TYPES.MethodDefinition &&
      element.kind === 'method' &&
      !element.static &&
      propertyKeyName(element) === name &&
      element.value.type === AST_NODE_TYPES.FunctionExpression
    ) {
      return element.value;
    }
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.static &&
      propertyKeyName(element) === name &&
      element.value &&
      isFunctionNode(element.value)
    ) {
      return element.value;
    }
  }
  return undefined;
}
