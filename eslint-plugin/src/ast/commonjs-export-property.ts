/**
 * `exports.client` / `module.exports.client` as an expression of the module itself (neither
 * `exports` nor `module` declared in the file): the name of the CommonJS export it reads or writes.
 * Such a property is module state, shared by every importer of the module.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable';
import { staticPropertyName } from './static-property-name';

export function commonJsExportProperty(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(node);
  if (name === undefined) return undefined;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'exports' && isUndeclared(object, scope) ? name : undefined;
  const isModuleExports =
    object.type === AST_NODE_TYPES.MemberExpression &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === 'module' &&
    staticPropertyName(object) === 'exports' &&
    isUndeclared(object.object, scope);
  return isModuleExports ? name : undefined;
}

function isUndeclared(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): boolean {
  const variable = findVariable(scope, identifier);
  return !variable || variable.defs.length === 0;
}
