/**
 * Reading option objects written as literals: `new Agent({ keepAlive: false })`,
 * `http.request({ agent: false })`, `const options = { headers }; fetch(url, options)`.
 *
 * A rule may only conclude "this key is absent" or "this key is X" when the literal is all there is:
 * a spread (`{ ...defaults }`), a computed key (`{ [name]: v }`) or a later mutation of the object
 * (`options.agent = agent`, or `configure(options)` where `configure` is a function of this file
 * that writes to its parameter or hands it on) could add or replace the key, and then the answer is
 * "unknown". Other functions given the object are taken to read it (`https.request(options)`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNeverReassigned } from './is-never-reassigned';
import { stripWrappers } from './strip-wrappers';
import { findVariable, innermostScope } from './find-variable';
import type { FunctionNode } from './function-node';
import { localFunction } from './local-function';

type Scope = TSESLint.Scope.Scope;

/**
 * The object literal `node` stands for: the literal itself, or a `const`/never-reassigned variable
 * initialised with one and never mutated through its name. Undefined for anything else.
 */
export function staticObjectLiteral(
  node: TSESTree.Node,
  scope: Scope,
): TSESTree.ObjectExpression | undefined {
  const expression = stripWrappers(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;

  const variable = findVariable(scope, expression);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const init = stripWrappers(declarator.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const onlyRead =
    isNeverReassigned(variable) &&
    variable.references.every((reference) => reference.init === true || !isMutatingRead(reference.identifier, reference.from));
  return onlyRead ? init : undefined;
}

/** How many functions of the file to follow an object through (`a(o)` calls `b(o)` ...). */
const MAX_FUNCTION_HOPS = 3;

/**
 * True when a read of an object variable may change the object: `o.k = v`, `o.a.b = v`, `o.k++`,
 * `delete o.k`, `Object.assign(o, ...)`, `Object.defineProperty(o, ...)`.
 */
function isMutatingRead(identifier: TSESTree.Node, scope: Scope, hops = MAX_FUNCTION_HOPS): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.arguments.includes(identifier as TSESTree.CallExpressionArgument)
  ) {
    const fn = localFunction(parent.callee, scope);
    if (fn) return changesParameter(fn, parent.arguments.indexOf(identifier as TSESTree.CallExpressionArgument), scope, hops - 1);
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier) {
    const callee = parent.callee;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Object' &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      ['assign', 'defineProperty', 'defineProperties'].includes(callee.property.name)
    );
  }
  let member: TSESTree.Node = identifier;
  while (member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) {
    member = member.parent;
  }
  if (member === identifier) return false;
  const holder = member.parent;
  if (!holder) return false;
  return (
    (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.left === member) ||
    holder.type === AST_NODE_TYPES.UpdateExpression ||
    (holder.type === AST_NODE_TYPES.UnaryExpression && holder.operator === 'delete')
  );
}

/**
 * Does `fn` write to the object it receives at parameter `index`, or keep it (aliased, returned,
 * stored)? Given to a function of this file, that function is asked in turn; given to any other
 * function, it is taken to be read, as above. A parameter that is not a plain name, or a function
 * followed too far, counts as changing it.
 */
function changesParameter(fn: FunctionNode, index: number, scope: Scope, hops: number): boolean {
  const parameter = fn.params[index];
  if (!parameter) return fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement);
  if (parameter.type !== AST_NODE_TYPES.Identifier || hops <= 0) return true;
  let root = scope;
  while (root.upper) root = root.upper;
  const variable = innermostScope(root, parameter).set.get(parameter.name);
  if (!variable) return true;
  return variable.references.some((reference) => {
    const use = reference.identifier;
    const holder = use.parent;
    return (
      isMutatingRead(use, reference.from, hops) ||
      (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === use) ||
      (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === use) ||
      (holder?.type === AST_NODE_TYPES.Property && holder.value === use) ||
      holder?.type === AST_NODE_TYPES.ReturnStatement ||
      holder?.type === AST_NODE_TYPES.ArrayExpression ||
      (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === use)
    );
  });
}
