/**
 * The static key of an object property, class member or method (`a`, `'a'`, `['a']`, `` [`a`] ``,
 * `1`), or undefined when the key is computed from something else or is private (`#a`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticString } from './static-string';

export function propertyKeyName(
  member: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | undefined {
  const key = member.key;
  if (!member.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'number') return String(key.value);
  return staticString(key);
}
