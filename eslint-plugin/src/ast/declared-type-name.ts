/**
 * The type a TypeScript declaration gives a value, when it names one type: `HttpService` for
 * `this.http` in a class with `constructor(private readonly http: HttpService)` or a field
 * `http!: HttpService`, and for a parameter `http: HttpService` (also `api: undici.Pool`).
 * Undefined for anything else: no annotation, a union, an inline object type, a JavaScript file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingClassBody } from './enclosing-class-body';
import { findVariable } from './find-variable';
import { staticPropertyName } from './static-property-name';

export function declaredTypeName(node: TSESTree.Node, scope: TSESLint.Scope.Scope): TSESTree.EntityName | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scope, node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return undefined;
    return typeReferenceName(def.name.typeAnnotation);
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = staticPropertyName(node);
  const classBody = enclosingClassBody(node);
  if (name === undefined || !classBody) return undefined;
  for (const element of classBody.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && !element.static && staticKey(element.key) === name) {
      return typeReferenceName(element.typeAnnotation);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === name) {
          return typeReferenceName(param.parameter.typeAnnotation);
        }
      }
    }
  }
  return undefined;
}

function typeReferenceName(annotation: TSESTree.TSTypeAnnotation | undefined): TSESTree.EntityName | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && !type.typeArguments ? type.typeName : undefined;
}

function staticKey(key: TSESTree.Node): string | undefined {
  return key.type === AST_NODE_TYPES.Identifier ? key.name : undefined;
}
