/**
 * An undici dispatcher whose DNS lookup is pinned for this call: `new Agent({ connect: { lookup:
 * createPinnedLookup({ hostname, addresses }) } })`, with the lookup built from values of the call
 * (parameters, locals). This is the SSRF-guard pattern: the caller resolved and checked the
 * address, and the dispatcher must connect to exactly that address. A dispatcher per call is the
 * point there — sharing one would reuse connections made for another pinned address — so it is not
 * a pool rebuilt per request. A lookup the same on every call (`lookup: cachedLookup` of the module,
 * `dns.lookup`, a function using only module-scope names), or none, pins nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { lookupProperty } from '../../ast/lookup-property';
import type { ModuleRef } from '../imports/module-refs';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `new Agent({ connect: { lookup } })` of undici (`refs`: what the callee resolves to) with a per-call lookup. */
export function isPinnedDnsDispatcher(node: TSESTree.NewExpression, refs: readonly ModuleRef[], sourceCode: SourceCode): boolean {
  if (!refs.every((ref) => ref.module === 'undici')) return false;
  return node.arguments.some((argument) => {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const connect = lookupProperty(argument, 'connect').property?.value;
    if (connect?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const lookup = lookupProperty(connect, 'lookup').property?.value;
    return lookup !== undefined && readsCallValues(lookup, sourceCode);
  });
}

/** `expression` reads a parameter or local of a function around it (not its own nested bindings). */
function readsCallValues(expression: TSESTree.Node, sourceCode: SourceCode): boolean {
  let found = false;
  const check = (node: TSESTree.Node): boolean | void => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.Identifier || !isReference(node)) return undefined;
    const variable = findVariable(sourceCode.getScope(node), node);
    const def = variable?.defs[0];
    if (!variable || !def) return undefined;
    const scope = variable.scope;
    const topLevel =
      scope.type === 'module' ||
      scope.type === 'global' ||
      (scope.type === 'function' && scope.block.type === AST_NODE_TYPES.Program);
    const ownBinding = def.name.range[0] >= expression.range[0] && def.name.range[1] <= expression.range[1];
    if (!topLevel && !ownBinding) found = true;
    return undefined;
  };
  check(expression);
  forEachDescendant(expression, sourceCode.visitorKeys, check);
  return found;
}

function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
  if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed && !parent.shorthand) {
    return false;
  }
  return true;
}
