/**
 * Does the code treat a variable as possibly absent? True when some read tests it for a value
 * (`!res`, `if (res)`, `res && …`, `res ?? …`, `res == null`, `res === undefined`) or reads it
 * through optional chaining (`res?.status`): code written so expects `null`/`undefined` there, and
 * code added next to it should too.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNullish } from './is-nullish';

export function isTestedForAbsence(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => !reference.init && testsForAbsence(reference.identifier));
}

function testsForAbsence(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  // `(res as Response | undefined)`, `res!`: the same value.
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return parent.test === node;
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === node;
    case AST_NODE_TYPES.BinaryExpression: {
      if (!['==', '!=', '===', '!=='].includes(parent.operator)) return false;
      const other = parent.left === node ? parent.right : parent.left;
      return isNullish(other);
    }
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && parent.optional;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node && parent.optional;
    default:
      return false;
  }
}
