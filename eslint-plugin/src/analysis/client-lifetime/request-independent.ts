/**
 * Request-independent expressions: values that are the same on every call, so a client configured
 * with them can be built once at module scope. Literals, module-scope bindings that are never
 * reassigned (imports, `const`s, functions, classes), globals (`process.env.PROXY`), and object /
 * array / template literals, operators and member reads made of those.
 *
 * Calls are not request-independent (`readFileSync(...)` would move to load time), nor are
 * functions (they may close over locals), `this`, parameters or locals. Neither is `new`, except a
 * credential built inline from such parts (`new SecretClient(url, new DefaultAzureCredential())`).
 *
 * `isSameOnEveryRun` also accepts the function's own `const`s built from such values
 * (`const url = process.env.URL; if (!url) throw ...; return createClient(url, key)`): the value is
 * the same on every run, although the construction cannot move to module scope as written.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isComposedOf } from '../../ast/is-composed-of';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { findVariable } from '../../ast/find-variable';
import { matchesExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { AZURE_CREDENTIALS } from '../libraries/azure-sdk';

type Scope = TSESLint.Scope.Scope;

/**
 * The module-scope variables `nodes` read when every node is request-independent, otherwise
 * undefined. `scope` is the scope the nodes appear in.
 */
export function requestIndependentBindings(
  nodes: readonly TSESTree.Node[],
  scope: Scope,
): Set<TSESLint.Scope.Variable> | undefined {
  const bindings = new Set<TSESLint.Scope.Variable>();
  return nodes.every((node) => isIndependent(node, scope, bindings)) ? bindings : undefined;
}

function isIndependent(node: TSESTree.Node, scope: Scope, bindings: Set<TSESLint.Scope.Variable>): boolean {
  return isComposedOf(
    node,
    (leaf) => leaf.type === AST_NODE_TYPES.Identifier && isModuleScopeBinding(leaf, scope, bindings),
    (construction) => isCredentialConstruction(construction, scope),
  );
}

/** `new DefaultAzureCredential()`: client configuration, the same whenever its arguments are. */
function isCredentialConstruction(construction: TSESTree.NewExpression, scope: Scope): boolean {
  const refs = resolveModuleRefs(construction.callee, scope);
  return refs !== undefined && refs.length > 0 && refs.every((ref) => matchesExportSpec(ref, AZURE_CREDENTIALS));
}

function isModuleScopeBinding(
  identifier: TSESTree.Identifier,
  scope: Scope,
  /** Collects the module-scope variables read, when given. */
  bindings?: Set<TSESLint.Scope.Variable>,
): boolean {
  if (identifier.name === 'undefined') return true;
  const variable = findVariable(scope, identifier);
  if (!variable || variable.defs.length === 0) return true; // a global: process, Buffer, URL
  const variableScope = variable.scope;
  const topLevel =
    variableScope.type === 'module' ||
    variableScope.type === 'global' ||
    // CommonJS files: the module wrapper function's scope
    (variableScope.type === 'function' && variableScope.block.type === AST_NODE_TYPES.Program);
  if (!topLevel) return false;
  if (!isNeverReassigned(variable)) return false;
  bindings?.add(variable);
  return true;
}

/** How many local `const`s deep `isSameOnEveryRun` follows (`const a = env.A; const b = `${a}/x``). */
const MAX_LOCAL_DEPTH = 3;

/**
 * True when `nodes` give the same value on every run of the function they are in: request-
 * independent, or reading that function's never-reassigned locals initialised with such values.
 */
export function isSameOnEveryRun(nodes: readonly TSESTree.Node[], scope: Scope): boolean {
  return nodes.every((node) => isSameValue(node, scope, MAX_LOCAL_DEPTH));
}

function isSameValue(node: TSESTree.Node, scope: Scope, depth: number): boolean {
  return isComposedOf(
    node,
    (leaf) =>
      leaf.type === AST_NODE_TYPES.Identifier &&
      (isModuleScopeBinding(leaf, scope) || (depth > 0 && isSameValueLocal(leaf, scope, depth - 1))),
    (construction) => isCredentialConstruction(construction, scope),
  );
}

/** A never-reassigned local `const x = <same on every run>` (not a parameter, not destructured). */
function isSameValueLocal(identifier: TSESTree.Identifier, scope: Scope, depth: number): boolean {
  const variable = findVariable(scope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return false;
  if (!isNeverReassigned(variable)) return false;
  return isSameValue(def.node.init, variable.scope, depth);
}
