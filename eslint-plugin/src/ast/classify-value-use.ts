/**
 * Escape analysis building block: what the code does with a value at one place it is read.
 *
 * Both main rules ask the same question of a variable holding a client or a response: does the value
 * leave the function (returned, stored, passed on, captured by a closure) or is it used here and
 * dropped? `classifyValueUse` answers it for one read, looking through wrappers that do not change
 * the value (`await x`, `(x)`, `x!`, `x as T`, `cond ? x : y`, `a ?? x`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { outermostCarrier } from './outermost-carrier';
import { staticPropertyName } from './static-property-name';

export type ValueUse =
  /** `return x`, `() => x`. */
  | { kind: 'returned'; node: TSESTree.Node }
  /** `yield x`. */
  | { kind: 'yielded'; node: TSESTree.Node }
  /** `throw x`. */
  | { kind: 'thrown'; node: TSESTree.Node }
  /** `f(x)`, `new C(x)`, `f(...x)`: handed to other code. */
  | {
      kind: 'argument';
      node: TSESTree.Node;
      call: TSESTree.CallExpression | TSESTree.NewExpression;
      index: number;
    }
  /** `obj.p = x`, `outer = x`, `{ p: x }`, `[x]`, `this.p = x`: kept somewhere else. */
  | { kind: 'stored'; node: TSESTree.Node; target: TSESTree.Node }
  /** `x.p`, `x.m()`, `x['p']`: `property` is undefined when computed. */
  | { kind: 'member'; node: TSESTree.Node; member: TSESTree.MemberExpression; property: string | undefined }
  /** `const { a, b } = x` / `const y = x`: the value continues under another binding. */
  | { kind: 'bound'; node: TSESTree.Node; declarator: TSESTree.VariableDeclarator }
  /** `for (const chunk of x)` / `for await (... of x)`. */
  | { kind: 'iterated'; node: TSESTree.Node; loop: TSESTree.ForOfStatement }
  /** `x;`, `void x`, `if (x)`, `!x`, comparisons, template literals: read, not passed on. */
  | { kind: 'inspected'; node: TSESTree.Node };

/**
 * Classifies the read `reference` (an identifier or any expression whose value is the tracked one).
 * `node` in the result is the outermost expression that still carries the value.
 */
export function classifyValueUse(reference: TSESTree.Node): ValueUse {
  const node = outermostCarrier(reference);
  const parent = node.parent;
  if (!parent) return { kind: 'inspected', node };

  switch (parent.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return { kind: 'returned', node };
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node ? { kind: 'returned', node } : { kind: 'inspected', node };
    case AST_NODE_TYPES.YieldExpression:
      return { kind: 'yielded', node };
    case AST_NODE_TYPES.ThrowStatement:
      return { kind: 'thrown', node };
    case AST_NODE_TYPES.SpreadElement: {
      const container = parent.parent;
      if (
        container &&
        (container.type === AST_NODE_TYPES.CallExpression ||
          container.type === AST_NODE_TYPES.NewExpression)
      ) {
        return { kind: 'argument', node, call: container, index: container.arguments.indexOf(parent) };
      }
      return { kind: 'stored', node, target: parent };
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
      if (index >= 0) return { kind: 'argument', node, call: parent, index };
      return { kind: 'inspected', node }; // the value is the callee: `x()`
    }
    case AST_NODE_TYPES.MemberExpression:
      if (parent.object === node) {
        return { kind: 'member', node, member: parent, property: staticPropertyName(parent) };
      }
      return { kind: 'inspected', node }; // used as a computed key
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right === node) return { kind: 'stored', node, target: parent.left };
      return { kind: 'inspected', node };
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init === node) return { kind: 'bound', node, declarator: parent };
      return { kind: 'inspected', node };
    case AST_NODE_TYPES.Property:
      if (parent.value === node && parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
        return { kind: 'stored', node, target: parent.parent };
      }
      return { kind: 'inspected', node };
    case AST_NODE_TYPES.ArrayExpression:
      return { kind: 'stored', node, target: parent };
    case AST_NODE_TYPES.ForOfStatement:
      if (parent.right === node) return { kind: 'iterated', node, loop: parent };
      return { kind: 'inspected', node };
    case AST_NODE_TYPES.PropertyDefinition:
      if (parent.value === node) return { kind: 'stored', node, target: parent };
      return { kind: 'inspected', node };
    case AST_NODE_TYPES.AssignmentPattern:
      if (parent.right === node) return { kind: 'stored', node, target: parent };
      return { kind: 'inspected', node };
    default:
      return { kind: 'inspected', node };
  }
}
