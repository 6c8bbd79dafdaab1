/** The static name of a member access (`a.b`, `a['b']`, `a?.b`), or undefined when computed. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticString } from './static-string';

export function staticPropertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) {
    return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  }
  return staticString(member.property);
}
