import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/**
 * True when the directive prologue of `body` (a Program's or a function's leading string
 * statements) holds `directive`: `'use client'`, `'use server'`, `'use strict'`.
 */
export function hasDirective(body: readonly TSESTree.ProgramStatement[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}
