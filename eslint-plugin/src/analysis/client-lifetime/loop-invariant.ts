/**
 * Loop-invariant expressions: values that are the same on every iteration of a loop (or every
 * call of an iteration callback), so a client configured with them is the same client each time.
 *
 *   for (const line of lines) { const forwarder = new Forwarder(target); ... }   // `target`: yes
 *   for (const region of regions) { new S3Client({ region }) }                   // `region`: no
 *
 * Literals, `this`, and variables declared outside the repeated region that nothing inside it
 * writes; member reads, operators and literals made of those. Calls are never invariant.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isComposedOf } from '../../ast/is-composed-of';
import { findVariable } from '../../ast/find-variable';

type Scope = TSESLint.Scope.Scope;

/** True when every node in `nodes` has the same value on every run of `region`. */
export function isLoopInvariant(nodes: readonly TSESTree.Node[], region: TSESTree.Node, scope: Scope): boolean {
  return nodes.every((node) => isInvariant(node, region, scope));
}

function isInvariant(node: TSESTree.Node, region: TSESTree.Node, scope: Scope): boolean {
  return isComposedOf(
    node,
    (leaf) => leaf.type === AST_NODE_TYPES.ThisExpression || isOuterUnwrittenVariable(leaf, region, scope),
  );
}

function isOuterUnwrittenVariable(identifier: TSESTree.Identifier, region: TSESTree.Node, scope: Scope): boolean {
  if (identifier.name === 'undefined') return true;
  const variable = findVariable(scope, identifier);
  if (!variable) return true; // a global
  const declaredInside = variable.defs.some((def) => contains(region, def.name));
  if (declaredInside) return false;
  return variable.references.every((reference) => !reference.isWrite() || !contains(region, reference.identifier));
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
