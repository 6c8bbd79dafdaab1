/** True when nothing in the file declares `nameOrIdentifier` (declaration, import, parameter): a global such as `fetch` or `module`. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable';

export function isUndeclared(scope: TSESLint.Scope.Scope, nameOrIdentifier: string | TSESTree.Identifier): boolean {
  const variable = findVariable(scope, nameOrIdentifier);
  return !variable || variable.defs.length === 0;
}
