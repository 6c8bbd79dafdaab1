/**
 * The identifier a member chain starts at (`a` in `a.b.c`, also through type-only wrappers and
 * optional chains: `(req as any).audit`, `a!.b`, `a?.b`), or undefined (`this.a`, `f().a`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { stripWrappers } from './strip-wrappers';

export function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = stripWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = stripWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}
