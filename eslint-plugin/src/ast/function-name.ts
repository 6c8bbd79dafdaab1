/** A readable name for a function: `send`, `Api.send`, `Api constructor`, the variable or property it is assigned to. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from './function-node';
import { outermostCarrier } from './outermost-carrier';
import { propertyKeyName } from './property-key-name';
import { staticPropertyName } from './static-property-name';

/** A readable name for `fn` (`send`, `Api.send`, `Api constructor`), or undefined when anonymous. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const className = classNameOf(parent.parent.parent);
    if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
      return className ? `${className} constructor` : 'constructor';
    }
    const key = propertyKeyName(parent);
    if (!key) return undefined;
    return className ? `${className}.${key}` : key;
  }
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) return fn.id.name;
  const carrier = outermostCarrier(fn);
  const holder = carrier.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    return holder.id.name;
  }
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === carrier) {
    return propertyKeyName(holder);
  }
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    return staticPropertyName(holder.left);
  }
  return undefined;
}

function classNameOf(classNode: TSESTree.Node | undefined): string | undefined {
  if (
    (classNode?.type === AST_NODE_TYPES.ClassDeclaration || classNode?.type === AST_NODE_TYPES.ClassExpression) &&
    classNode.id
  ) {
    return classNode.id.name;
  }
  return undefined;
}
