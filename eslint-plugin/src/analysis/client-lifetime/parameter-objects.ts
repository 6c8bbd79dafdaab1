/**
 * Objects a function gets from its caller through a parameter: when may a client put on one be
 * treated as part of this call?
 *
 *   options = Object.assign({}, options); options.agent = agent;   a fresh copy: this call's object
 *   options.agent = agent; return fetch(url, options);             the caller's options, sent once
 *   req.s3 = client;  res.locals.db = client;  ctx.state.api = ... a request-scoped slot (a handler's
 *                                                                  request object lives one request)
 *
 * Helpers of single-use.ts, which decides what each answer means for the traced value.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { stripWrappers } from '../../ast/strip-wrappers';
import { classifyValueUse } from '../../ast/classify-value-use';
import { enclosingFunction } from '../../ast/enclosing-function';
import { isFunctionNode } from '../../ast/function-node';
import { isObjectAssign } from '../../ast/is-object-assign';
import { staticPropertyName } from '../../ast/static-property-name';
import { findVariable } from '../../ast/find-variable';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Objects a per-request handler may hang request-scoped values on, one level below its parameter:
 * Express `res.locals.x`, Koa `ctx.state.x`, middy's `request.context.x`.
 */
const REQUEST_SCOPED_HOLDERS: ReadonlySet<string> = new Set(['locals', 'state', 'context']);

/** The variable of a plain parameter of `owner` (`options`, `options = {}`) that `identifier` names. */
export function ownParameter(
  identifier: TSESTree.Identifier,
  owner: TSESTree.Node,
  sourceCode: SourceCode,
): TSESLint.Scope.Variable | undefined {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Parameter' || def.node !== owner) return undefined;
  // A plain name, not a part of a destructured parameter.
  const param = def.name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? def.name.parent : def.name;
  return param.parent === owner ? variable : undefined;
}

/**
 * A parameter of `owner` reassigned to a fresh copy (`options = Object.assign({}, options)`,
 * `options = { ...options }`) by a statement of the owner's body at or before `at`, and only ever
 * reassigned so: from there on it holds an object of this call.
 */
export function freshCopyParameter(
  identifier: TSESTree.Identifier,
  at: TSESTree.Node,
  owner: TSESTree.Node,
  sourceCode: SourceCode,
): TSESLint.Scope.Variable | undefined {
  const variable = ownParameter(identifier, owner, sourceCode);
  if (!variable || !isFunctionNode(owner)) return undefined;
  const body = owner.body;
  if (body?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  let copiedBefore = false;
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const assignment = reference.identifier.parent;
    if (
      assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
      assignment.operator !== '=' ||
      !isFreshObject(assignment.right) ||
      assignment.parent.type !== AST_NODE_TYPES.ExpressionStatement ||
      assignment.parent.parent !== body
    ) {
      return undefined;
    }
    if (assignment.range[0] <= at.range[0]) copiedBefore = true;
  }
  return copiedBefore ? variable : undefined;
}

/**
 * The parameter's object goes to a request call of `owner` (`sendsRequest`) and nowhere else: it is
 * not returned, stored, reassigned, handed to other code or read in a closure (property reads and
 * writes are fine).
 */
export function isSentToRequestOnly(
  parameter: TSESLint.Scope.Variable,
  owner: TSESTree.Node,
  sendsRequest: (call: Call, index: number) => boolean,
): boolean {
  let sent = false;
  for (const reference of parameter.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return false;
    if (enclosingFunction(reference.identifier) !== owner) return false;
    const use = classifyValueUse(reference.identifier);
    if (use.kind === 'member' || use.kind === 'inspected') continue;
    if (use.kind !== 'argument' || !sendsRequest(use.call, use.index)) return false;
    sent = true;
  }
  return sent;
}

/**
 * `req.s3 = ...` on a parameter's object, or one level down on an object meant for request-scoped
 * values (`res.locals.db`, `ctx.state.api`) — not `req.app.locals.x`, which the whole application
 * shares.
 */
export function isRequestScopedSlot(target: TSESTree.MemberExpression, root: TSESTree.Identifier): boolean {
  // `(req as any).audit = …` is `req.audit = …`.
  const holder = stripWrappers(target.object);
  if (holder === root) return true;
  return (
    holder.type === AST_NODE_TYPES.MemberExpression &&
    stripWrappers(holder.object) === root &&
    REQUEST_SCOPED_HOLDERS.has(staticPropertyName(holder) ?? '')
  );
}

/** `{ ...options }`, `Object.assign({}, options)`: a new object built here. */
function isFreshObject(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ObjectExpression) return true;
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    isObjectAssign(node) &&
    node.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression
  );
}

/**
 * `c.set('pool', value)` on a parameter itself (Hono's per-request context variables): the label of
 * that request-scoped slot, or undefined. Only a value argument of a `set` call whose receiver is
 * the parameter `root`; whether the function is a request handler is the caller's question.
 */
export function requestScopedSetterSlot(call: Call, index: number, root: TSESTree.Identifier, sourceCode: SourceCode): string | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression || index !== 1 || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (stripWrappers(call.callee.object) !== root || staticPropertyName(call.callee) !== 'set') return undefined;
  const key = call.arguments[0];
  return key ? `${sourceCode.getText(call.callee)}(${sourceCode.getText(key)})` : undefined;
}
