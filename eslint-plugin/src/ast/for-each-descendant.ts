/** Calls `visit` on every descendant of `node` (not `node` itself) in source order; `false` skips a subtree. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isNode } from './is-node';

export function forEachDescendant(
  node: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  visit: (child: TSESTree.Node) => boolean | void,
): void {
  const keys = visitorKeys[node.type] ?? [];
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!isNode(child)) continue;
      if (visit(child) === false) continue;
      forEachDescendant(child, visitorKeys, visit);
    }
  }
}
