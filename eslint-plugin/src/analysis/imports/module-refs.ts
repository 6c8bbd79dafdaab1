/**
 * Import tracking: which export of which module an expression stands for.
 *
 * Every rule identifies libraries by where a binding comes from, never by its name alone, so
 * `new Agent()` is an undici pool only when `Agent` was imported from undici. This module turns an
 * expression into the module references it may evaluate to:
 *
 *   import https from 'node:https'        https.Agent      -> { module: 'https',  path: ['Agent'] }
 *   import * as undici from 'undici'      undici.Pool      -> { module: 'undici', path: ['Pool'] }
 *   import { Agent as A } from 'undici'   A                -> { module: 'undici', path: ['Agent'] }
 *   const { request } = require('undici') request          -> { module: 'undici', path: ['request'] }
 *   const mod = tls ? https : http        mod.Agent        -> https.Agent and http.Agent
 *   let mod = http; if (tls) mod = https  mod.Agent        -> http.Agent and https.Agent
 *   axios[method] (method not static)     axios[method]    -> axios.request, axios.get, axios.post, ...
 *   fetch (not declared anywhere)         fetch            -> { module: GLOBAL,   path: ['fetch'] }
 *
 * A module's default export and its CommonJS `module.exports` are the same object for the packages
 * we track, so both resolve to the empty path (`import Agent from 'agentkeepalive'` -> path []).
 * When any part of an expression cannot be followed, the answer is `undefined`: rules skip what they
 * cannot identify instead of guessing. A binding's value is resolved once per file (and depth), so
 * the cost of a lookup does not grow with the number of places that read the binding.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable, innermostScopeAround } from '../../ast/find-variable';
import { isNullish } from '../../ast/is-nullish';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { staticString } from '../../ast/static-string';
import { COMPUTED_REQUEST_METHODS } from '../libraries/computed-request-methods';

/** The pseudo-module of globals that no import declares (`fetch`, `globalThis.fetch`). */
export const GLOBAL = '<global>';

export interface ModuleRef {
  /** Module specifier without a `node:` prefix, or {@link GLOBAL}. */
  readonly module: string;
  /** Property path inside the module; `[]` is the module object / default export. */
  readonly path: readonly string[];
}

type Scope = TSESLint.Scope.Scope;

/** How deep to follow `const a = b` chains and member accesses before giving up. */
const MAX_DEPTH = 12;

/** `node:https` -> `https`; other specifiers unchanged. */
export function normalizeModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

/**
 * The module references `node` may evaluate to, or `undefined` when any candidate cannot be
 * identified. `scope` must be the scope `node` appears in (`sourceCode.getScope(node)`).
 */
export function resolveModuleRefs(
  node: TSESTree.Node,
  scope: Scope,
): readonly ModuleRef[] | undefined {
  return resolve(node, scope, MAX_DEPTH);
}

/** Convenience: true when some candidate of `node` satisfies `predicate`. */
export function someModuleRef(
  node: TSESTree.Node,
  scope: Scope,
  predicate: (ref: ModuleRef) => boolean,
): boolean {
  return resolveModuleRefs(node, scope)?.some(predicate) ?? false;
}

/** The module specifier of `require('x')`, `import('x')`, `await import('x')`, or undefined. */
export function moduleSpecifierOfLoad(node: TSESTree.Node): string | undefined {
  let current = node;
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = current.argument;
  if (current.type === AST_NODE_TYPES.ImportExpression) {
    return staticString(current.source);
  }
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments.length === 1 &&
    current.arguments[0] !== undefined
  ) {
    return staticString(current.arguments[0]);
  }
  return undefined;
}

function resolve(
  node: TSESTree.Node,
  scope: Scope,
  depth: number,
): readonly ModuleRef[] | undefined {
  if (depth <= 0) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(node, scope, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticPropertyName(node);
      const base = resolve(node.object, scope, depth - 1);
      if (name === undefined) return node.computed && base ? computedRequestMethods(base) : undefined;
      return base?.map((ref) => appendPath(ref, name));
    }
    case AST_NODE_TYPES.TSQualifiedName: {
      // A type named through a namespace import: `client: got.Got`, `pool: undici.Pool`.
      const base = resolve(node.left, scope, depth - 1);
      return base?.map((ref) => appendPath(ref, node.right.name));
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return resolve(node.expression, scope, depth - 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return union(
        resolve(node.consequent, scope, depth - 1),
        resolve(node.alternate, scope, depth - 1),
      );
    case AST_NODE_TYPES.LogicalExpression:
      // `a ?? b`, `a || b`: either side may be the value.
      return union(resolve(node.left, scope, depth - 1), resolve(node.right, scope, depth - 1));
    case AST_NODE_TYPES.SequenceExpression: {
      const last = node.expressions.at(-1);
      return last ? resolve(last, scope, depth - 1) : undefined;
    }
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ImportExpression: {
      const specifier = moduleSpecifierOfLoad(node);
      return specifier === undefined ? undefined : [moduleRoot(specifier)];
    }
    default:
      return undefined;
  }
}

function resolveIdentifier(
  node: TSESTree.Identifier,
  scope: Scope,
  depth: number,
): readonly ModuleRef[] | undefined {
  const variable = findVariable(scope, node);
  if (!variable || variable.defs.length === 0) {
    // Not declared in this file: a global such as `fetch`, `globalThis` or `require`.
    if (node.name === 'globalThis' || node.name === 'global' || node.name === 'window') {
      return [{ module: GLOBAL, path: [] }];
    }
    return [{ module: GLOBAL, path: [node.name] }];
  }
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (!def) return undefined;

  switch (def.type) {
    case 'ImportBinding':
      return resolveImportBinding(def.node);
    case 'Variable':
      return resolveVariable(variable, def.node, def.name, scope, depth);
    default:
      // Parameters, functions, classes, catch clauses: not a module reference we can follow.
      // (TS `import x = require('y')` is handled as ImportBinding below.)
      return undefined;
  }
}

/**
 * What a variable holds does not depend on where it is read, so it is resolved once per remaining
 * depth (the same read shape always arrives with the same depth); `null` marks "cannot be followed".
 * A variable met again while its own value is being resolved (`let a = http; a = a || https;`)
 * depends on itself and cannot be followed, as when the depth runs out on such a cycle.
 */
const variableRefs = new WeakMap<TSESLint.Scope.Variable, Map<number, readonly ModuleRef[] | null>>();
const inProgress = new Set<TSESLint.Scope.Variable>();

function resolveVariable(
  variable: TSESLint.Scope.Variable,
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Identifier,
  scope: Scope,
  depth: number,
): readonly ModuleRef[] | undefined {
  let byDepth = variableRefs.get(variable);
  if (!byDepth) {
    byDepth = new Map();
    variableRefs.set(variable, byDepth);
  }
  const cached = byDepth.get(depth);
  if (cached !== undefined) return cached ?? undefined;
  if (inProgress.has(variable)) return undefined;
  inProgress.add(variable);
  let refs: readonly ModuleRef[] | undefined;
  try {
    refs = isNeverReassigned(variable)
      ? resolveDeclarator(declarator, name, scope, depth)
      : resolveReassigned(variable, declarator, scope, depth);
  } finally {
    inProgress.delete(variable);
  }
  byDepth.set(depth, refs ?? null);
  return refs;
}

function resolveDeclarator(
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Identifier,
  scope: Scope,
  depth: number,
): readonly ModuleRef[] | undefined {
  if (!declarator.init) return undefined;
  const initScope = scopeOf(declarator.init, scope);
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    return resolve(declarator.init, initScope, depth - 1);
  }
  // const { Agent: A, request } = require('undici')
  const path = destructuredPath(declarator.id, name);
  if (!path) return undefined;
  const base = resolve(declarator.init, initScope, depth - 1);
  return base?.map((ref) => path.reduce(appendPath, ref));
}

/**
 * `let mod = http; if (tls) mod = https;`: a binding written only by its initializer and plain
 * `mod = <expr>` assignments holds one of the written values, so it resolves to the union of them,
 * or to undefined when any write is something else (`mod ||= x`, `mod++`, `for (mod of ...)`,
 * destructuring) or cannot be followed. A declaration without initializer holds `undefined` until
 * the first write, and calling that throws before any request is made, so it adds no candidate.
 */
function resolveReassigned(
  variable: TSESLint.Scope.Variable,
  declarator: TSESTree.VariableDeclarator,
  scope: Scope,
  depth: number,
): readonly ModuleRef[] | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  let refs: readonly ModuleRef[] | undefined = [];
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const identifier = reference.identifier;
    const parent = identifier.parent;
    let value: TSESTree.Node;
    let valueScope: Scope;
    if (reference.init === true && parent === declarator && declarator.init) {
      value = declarator.init;
      valueScope = scopeOf(declarator.init, scope);
    } else if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.operator === '=' &&
      parent.left === identifier
    ) {
      value = parent.right;
      valueScope = reference.from;
    } else {
      return undefined;
    }
    // `let AgentClass = null; if (secure) AgentClass = HttpsAgent; else AgentClass = HttpAgent;`: a
    // nullish placeholder is no module value (calling or constructing it would throw).
    if (isNullish(value)) continue;
    refs = union(refs, resolve(value, valueScope, depth - 1));
    if (!refs) return undefined;
  }
  return refs.length > 0 ? refs : undefined;
}

/**
 * `axios[method]` with a key known only at run time: every request method of a module listed in
 * COMPUTED_REQUEST_METHODS, or undefined for any other object (or a module not listed).
 */
function computedRequestMethods(base: readonly ModuleRef[]): readonly ModuleRef[] | undefined {
  const refs: ModuleRef[] = [];
  for (const ref of base) {
    const methods = ref.path.length === 0 ? COMPUTED_REQUEST_METHODS.get(ref.module) : undefined;
    if (!methods) return undefined;
    for (const method of methods) refs.push(appendPath(ref, method));
  }
  return refs;
}

function resolveImportBinding(
  node:
    | TSESTree.ImportDefaultSpecifier
    | TSESTree.ImportNamespaceSpecifier
    | TSESTree.ImportSpecifier
    | TSESTree.TSImportEqualsDeclaration,
): readonly ModuleRef[] | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const ref = node.moduleReference;
    if (ref.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
    const specifier = staticString(ref.expression);
    return specifier === undefined ? undefined : [moduleRoot(specifier)];
  }
  const declaration = node.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const root = moduleRoot(declaration.source.value);
  switch (node.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return [root];
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported =
        node.imported.type === AST_NODE_TYPES.Identifier
          ? node.imported.name
          : String(node.imported.value);
      return [appendPath(root, imported)];
    }
  }
}

/**
 * The property path from a destructuring pattern's root to `target`:
 * `{ Agent: { HttpsAgent: x } }` with target `x` -> ['Agent', 'HttpsAgent'].
 */
function destructuredPath(
  pattern: TSESTree.Node,
  target: TSESTree.Identifier,
): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) {
    return destructuredPath(pattern.left, target);
  }
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (key === undefined) continue;
    const rest = destructuredPath(property.value, target);
    if (rest) return [key, ...rest];
  }
  return undefined;
}

function moduleRoot(specifier: string): ModuleRef {
  return { module: normalizeModuleName(specifier), path: [] };
}

function appendPath(ref: ModuleRef, name: string): ModuleRef {
  // `ns.default` of a namespace import is the default export, which we model as the root.
  if (ref.path.length === 0 && name === 'default' && ref.module !== GLOBAL) return ref;
  // `globalThis.fetch` is the global `fetch`.
  return { module: ref.module, path: [...ref.path, name] };
}

function union(
  a: readonly ModuleRef[] | undefined,
  b: readonly ModuleRef[] | undefined,
): readonly ModuleRef[] | undefined {
  if (!a || !b) return undefined;
  return [...a, ...b];
}

/** The innermost scope that contains `node`, searched downwards from `scope`'s variable scope. */
function scopeOf(node: TSESTree.Node, fallback: Scope): Scope {
  // Initialisers of `const` declarations resolve their identifiers in the declaring scope; the
  // caller's scope is an inner one at worst, and lookups walk upwards, so the fallback is correct
  // for everything except names shadowed in between — which `findVariable` on the declarator's own
  // scope would get right. Find that scope by walking up from the fallback.
  let scope: Scope | null = fallback;
  while (scope) {
    if (scope.block.range[0] <= node.range[0] && node.range[1] <= scope.block.range[1]) {
      // The innermost scope on the upward walk that still contains the initializer.
      return innermostScopeAround(scope, node);
    }
    scope = scope.upper;
  }
  return fallback;
}
