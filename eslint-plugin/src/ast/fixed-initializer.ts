/**
 * The value a variable holds for good: its single declaration's initialiser, when the variable is
 * declared once by name (`const x = ...`, or a `let` never assigned again). `const api = new Api()`
 * → the `new Api()` expression; a parameter, a reassigned `let`, a destructured name (`const { a } =
 * obj` holds a part of `obj`) or a declaration without initialiser → undefined.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNeverReassigned } from './is-never-reassigned';

export function fixedInitializer(variable: TSESLint.Scope.Variable | null | undefined): TSESTree.Expression | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return isNeverReassigned(variable) ? def.node.init : undefined;
}
