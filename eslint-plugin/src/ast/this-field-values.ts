/**
 * The values a class gives `this.<name>`, each with where it comes from: a field initialiser
 * (`pool = new Pool()`, also a `static` one, which callers usually skip), a constructor parameter
 * property's default (`constructor(private readonly fetchImpl = fetch)`), or a statement
 * `this.<name> = value;` at the top level of the constructor or of another method.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { propertyKeyName } from './property-key-name';
import { staticPropertyName } from './static-property-name';

export interface ThisFieldValue {
  readonly value: TSESTree.Node;
  readonly from: 'field' | 'static-field' | 'parameter-default' | 'constructor' | 'method';
}

export function thisFieldValues(classBody: TSESTree.ClassBody, name: string): ThisFieldValue[] {
  const values: ThisFieldValue[] = [];
  for (const element of classBody.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && propertyKeyName(element) === name) {
      if (element.value) values.push({ value: element.value, from: element.static ? 'static-field' : 'field' });
      continue;
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static) continue;
    const isConstructor = element.kind === 'constructor';
    if (isConstructor) {
      for (const param of element.value.params) {
        const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : undefined;
        if (inner?.type === AST_NODE_TYPES.AssignmentPattern && inner.left.type === AST_NODE_TYPES.Identifier && inner.left.name === name) {
          values.push({ value: inner.right, from: 'parameter-default' });
        }
      }
    }
    for (const statement of element.value.body?.body ?? []) {
      const assigned = thisAssignment(statement, name);
      if (assigned) values.push({ value: assigned, from: isConstructor ? 'constructor' : 'method' });
    }
  }
  return values;
}

/** `this.<name> = value;` as a statement: the value. */
function thisAssignment(statement: TSESTree.Statement, name: string): TSESTree.Node | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = statement.expression;
  if (
    expression.type !== AST_NODE_TYPES.AssignmentExpression ||
    expression.operator !== '=' ||
    expression.left.type !== AST_NODE_TYPES.MemberExpression ||
    expression.left.object.type !== AST_NODE_TYPES.ThisExpression ||
    staticPropertyName(expression.left) !== name
  ) {
    return undefined;
  }
  return expression.right;
}
