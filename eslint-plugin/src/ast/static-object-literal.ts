/**
 * Reading option objects written as literals: `new Agent({ keepAlive: false })`,
 * `http.request({ agent: false })`, `const options = { headers }; fetch(url, options)`.
 *
 * A rule may only conclude "this key is absent" or "this key is X" when the literal is all there is:
 * a spread (`{ ...defaults }`), a computed key (`{ [name]: v }`) or a later mutation of the object
 * (`options.agent = agent`) could add or replace the key, and then the answer is "unknown".
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNeverReassigned } from './is-never-reassigned';
import { stripWrappers } from './strip-wrappers';
import { findVariable } from './find-variable';

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
    variable.references.every((reference) => reference.init === true || !isMutatingRead(reference.identifier));
  return onlyRead ? init : undefined;
}

/**
 * True when a read of an object variable may change the object: `o.k = v`, `o.a.b = v`, `o.k++`,
 * `delete o.k`, `Object.assign(o, ...)`, `Object.defineProperty(o, ...)`.
 */
function isMutatingRead(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
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
