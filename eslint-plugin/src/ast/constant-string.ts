/**
 * The string an expression always has: a literal (`'HEAD'`), or a never-reassigned variable
 * initialised with one (`const METHOD = 'HEAD'`, followed through a few `const a = b` steps).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable';
import { staticString } from './static-string';
import { stripWrappers } from './strip-wrappers';
import { fixedInitializer } from './fixed-initializer';

const MAX_STEPS = 4;

export function constantString(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  let current = stripWrappers(node);
  for (let step = 0; step <= MAX_STEPS; step += 1) {
    const value = staticString(current);
    if (value !== undefined) return value;
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = findVariable(scope, current);
    const init = fixedInitializer(variable);
    if (!variable || !init) return undefined;
    current = stripWrappers(init);
    scope = variable.scope;
  }
  return undefined;
}
