/**
 * `findVariable` and `innermostScope` with the results of `ASTUtils.findVariable` /
 * `getInnermostScope`, in logarithmic rather than linear time per scope level.
 *
 * Those helpers scan a scope's `childScopes` one by one to find the child holding a position. A
 * module with thousands of functions has thousands of child scopes, and rules look names up at
 * every call site, so a linear scan makes linting quadratic in the file size. The child scopes of a
 * scope are disjoint ranges of source text in almost every program: those are searched by binary
 * search over their start offsets (indexed once per scope). Scopes whose children overlap, or are
 * few, are scanned exactly like the original.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Scope = TSESLint.Scope.Scope;

/** Below this many children a linear scan is as fast as the index. */
const INDEX_THRESHOLD = 8;

/** Children sorted by start offset, or null when some of them overlap (scan linearly then). */
const childIndexes = new WeakMap<Scope, { readonly starts: number[]; readonly children: Scope[] } | null>();

function indexOf(scope: Scope): { readonly starts: number[]; readonly children: Scope[] } | null {
  let index = childIndexes.get(scope);
  if (index !== undefined) return index;
  const children = [...scope.childScopes].sort((a, b) => a.block.range[0] - b.block.range[0]);
  index = { starts: children.map((child) => child.block.range[0]), children };
  for (let i = 1; i < children.length; i++) {
    const previous = children[i - 1];
    const current = children[i];
    if (previous && current && previous.block.range[1] > current.block.range[0]) {
      index = null;
      break;
    }
  }
  childIndexes.set(scope, index);
  return index;
}

/**
 * The first child of `scope` (in `childScopes` order) whose block range satisfies `contains`, where
 * `contains` only accepts blocks that hold the offset `location`.
 */
function childAt(scope: Scope, location: number, contains: (child: Scope) => boolean): Scope | undefined {
  const childScopes = scope.childScopes;
  if (childScopes.length < INDEX_THRESHOLD) return childScopes.find(contains);
  const index = indexOf(scope);
  if (!index) return childScopes.find(contains);
  // Disjoint children: only the last one starting at or before `location` can hold it.
  let low = 0;
  let high = index.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((index.starts[middle] ?? Infinity) <= location) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const candidate = found >= 0 ? index.children[found] : undefined;
  return candidate && contains(candidate) ? candidate : undefined;
}

/** The innermost scope below (or equal to) `initialScope` whose block holds the start of `node`. */
export function innermostScope(initialScope: Scope, node: TSESTree.Node): Scope {
  const location = node.range[0];
  const holds = (child: Scope): boolean => child.block.range[0] <= location && location < child.block.range[1];
  let scope = initialScope;
  for (let child = childAt(scope, location, holds); child; child = childAt(scope, location, holds)) {
    scope = child;
  }
  return scope;
}

/**
 * The innermost scope below (or equal to) `scope` whose block holds all of `node`, not counting the
 * scope `node` itself creates.
 */
export function innermostScopeAround(scope: Scope, node: TSESTree.Node): Scope {
  const [start, end] = node.range;
  const around = (child: Scope): boolean => child.block.range[0] <= start && end <= child.block.range[1];
  let current = scope;
  for (;;) {
    const child = childAt(current, start, around);
    if (!child || child.block === node) return current;
    current = child;
  }
}

/**
 * The variable `nameOrNode` refers to, searched from `initialScope` (after descending to the
 * innermost scope holding the node, when a node is given) upwards. Same answer as
 * `ASTUtils.findVariable`.
 */
export function findVariable(
  initialScope: Scope,
  nameOrNode: string | TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  let name: string;
  let scope: Scope | null;
  if (typeof nameOrNode === 'string') {
    name = nameOrNode;
    scope = initialScope;
  } else {
    name = nameOrNode.name;
    scope = innermostScope(initialScope, nameOrNode);
  }
  for (; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return null;
}
