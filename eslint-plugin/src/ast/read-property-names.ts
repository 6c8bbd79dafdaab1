/**
 * The names of every property a program reads by name: `x.res`, `x?.res`, `x['res']`, and the keys
 * of destructuring patterns (`const { res } = x`, `({ res }) => ...`). Object literal keys and type
 * members are not reads. Collected in one walk per program and kept while the program is alive.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { forEachDescendant } from './for-each-descendant';
import { propertyKeyName } from './property-key-name';
import { staticPropertyName } from './static-property-name';

const namesByProgram = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

export function readPropertyNames(
  program: TSESTree.Program,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
): ReadonlySet<string> {
  const cached = namesByProgram.get(program);
  if (cached) return cached;
  const names = new Set<string>();
  forEachDescendant(program, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(node);
      if (name !== undefined) names.add(name);
    } else if (node.type === AST_NODE_TYPES.Property && node.parent?.type === AST_NODE_TYPES.ObjectPattern) {
      const name = propertyKeyName(node);
      if (name !== undefined) names.add(name);
    }
  });
  namesByProgram.set(program, names);
  return names;
}
