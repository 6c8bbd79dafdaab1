/**
 * Looks through expressions that pass a value through unchanged: optional chains (`a?.b` is a
 * ChainExpression around the member access), TypeScript's type-only wrappers (`x!`, `x as T`,
 * `x satisfies T`, `<T>x`) and, when asked, `await x` (for code that treats a promise and its value
 * alike).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export interface StripOptions {
  /** Also look through `await x`. Default false. */
  readonly await?: boolean;
  /** Look through `x!`, `x as T`, `x satisfies T`, `<T>x`. Default true; false strips chains only. */
  readonly typeAssertions?: boolean;
}

export function stripWrappers(node: TSESTree.Node, options: StripOptions = {}): TSESTree.Node {
  const throughAwait = options.await ?? false;
  const throughTypes = options.typeAssertions ?? true;
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        continue;
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        if (!throughTypes) return current;
        current = current.expression;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
        if (!throughAwait) return current;
        current = current.argument;
        continue;
      default:
        return current;
    }
  }
}
