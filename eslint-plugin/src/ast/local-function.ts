/**
 * The function of this file an identifier names: a function declaration, or a never-reassigned
 * variable initialised with a function or arrow expression. Undefined for anything else (parameters,
 * imports, reassigned variables).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable';
import { isInlineFunction, type FunctionNode } from './function-node';
import { isNeverReassigned } from './is-never-reassigned';

export function localFunction(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): FunctionNode | undefined {
  const variable = findVariable(scope, identifier);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return undefined;
  const def = variable.defs[0];
  if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init && isInlineFunction(def.node.init)) {
    return def.node.init;
  }
  return undefined;
}
