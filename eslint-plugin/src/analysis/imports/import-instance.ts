/**
 * "Is this variable an object built by a library?": `app` in `const app = express()`, `queue` in
 * `const queue = new Queue('jobs')`, `server` in `const server = await createServer()`, and a
 * parameter that defaults to one (`function mount(app = new Koa())`) or whose TypeScript type is the
 * library's (`function routes(app: Express)`, `(app: express.Application)`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { resolveModuleRefs, type ModuleRef } from './module-refs';
import { typeNameRef } from './type-name-ref';

/**
 * `object` is a variable initialised with `new X(...)` / `X(...)` / `await X(...)` where `X` is
 * `isFactory`, or a parameter defaulting to such a value.
 */
export function isInstanceOf(
  object: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  isFactory: (ref: ModuleRef) => boolean,
): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scope, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let init: TSESTree.Node | null | undefined;
  if (def?.type === 'Variable') init = def.node.init;
  else if (def?.type === 'Parameter') init = parameterDefault(def.name);
  if (!init) return false;
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return false;
  const refs = resolveModuleRefs(init.callee, scope);
  return refs?.some(isFactory) ?? false;
}

/**
 * `object` is a parameter whose TypeScript type names an export `isType` accepts: `app` in
 * `function routes(app: Express)` with `Express` imported from 'express'.
 */
export function isTypedInstanceOf(
  object: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
  isType: (ref: ModuleRef) => boolean,
): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scope, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  const type = def.name.typeAnnotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const ref = typeNameRef(type.typeName, sourceCode);
  return ref !== undefined && isType(ref);
}

/** `app = new Koa()` in a parameter list: the default value of the parameter named by `name`. */
function parameterDefault(name: TSESTree.Node): TSESTree.Expression | undefined {
  const parent = name.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === name ? parent.right : undefined;
}
