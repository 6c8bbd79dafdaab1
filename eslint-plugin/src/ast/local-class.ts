/**
 * The class of this file an identifier names: a class declaration, or a never-reassigned variable
 * initialised with a class expression. Undefined for anything else (parameters, imports,
 * reassigned variables).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable';
import { isNeverReassigned } from './is-never-reassigned';

export function localClass(
  identifier: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const variable = findVariable(scope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || !isNeverReassigned(variable)) return undefined;
  if (def.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  if (def.type === 'Variable' && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return def.node.init;
  return undefined;
}
