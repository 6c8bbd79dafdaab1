/** True for a value that is an AST node (a child slot of a node may also hold arrays, strings, null). */
import type { TSESTree } from '@typescript-eslint/utils';

export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
