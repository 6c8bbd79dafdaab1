/**
 * `exports.client` / `module.exports.client` as an expression of the module itself (neither
 * `exports` nor `module` declared in the file): the name of the CommonJS export it reads or writes.
 * Such a property is module state, shared by every importer of the module.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isUndeclared } from './is-undeclared';
import { staticPropertyName } from './static-property-name';

export function commonJsExportProperty(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(node);
  if (name === undefined) return undefined;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'exports' && isUndeclared(scope, object) ? name : undefined;
  return isModuleExports(object, scope) ? name : undefined;
}

/** `module.exports`, with `module` not declared in the file (the module's own exports object). */
export function isModuleExports(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    staticPropertyName(node) === 'exports' &&
    isUndeclared(scope, node.object)
  );
}
