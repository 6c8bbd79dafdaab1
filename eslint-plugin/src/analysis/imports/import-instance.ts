/**
 * "Is this variable an object built by a library?": `app` in `const app = express()`, `queue` in
 * `const queue = new Queue('jobs')`, `server` in `const server = await createServer()`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { resolveModuleRefs, type ModuleRef } from './module-refs';

/** `object` is a variable initialised with `new X(...)` / `X(...)` / `await X(...)` where `X` is `isFactory`. */
export function isInstanceOf(
  object: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  isFactory: (ref: ModuleRef) => boolean,
): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scope, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || !def.node.init) return false;
  let init: TSESTree.Node = def.node.init;
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return false;
  const refs = resolveModuleRefs(init.callee, scope);
  return refs?.some(isFactory) ?? false;
}
