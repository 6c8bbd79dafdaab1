/**
 * `expect(res.status).toBe(204)`, `assert.equal(res.status, 204)`: a test that only goes on when the
 * response's status is one without a body (libraries/status-assertions.ts). Such a status read
 * settles the body: a response that passes the assertion has none, and one that fails it ends the
 * test.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calledName } from '../../ast/called-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { EQUALITY_ASSERTIONS, EXPECT_EQUALITY_MATCHERS } from '../libraries/status-assertions';
import { BODYLESS_STATUSES } from './body-absence';

/** True when `status` (a `res.status` read) is asserted to equal a bodyless status. */
export function isAssertedBodylessStatus(status: TSESTree.MemberExpression): boolean {
  const call = status.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(status)) return false;
  // assert.equal(res.status, 204), t.equal(204, res.statusCode)
  if (call.arguments.length >= 2 && EQUALITY_ASSERTIONS.has(calledName(call.callee) ?? '')) {
    const [actual, expected] = call.arguments;
    return isBodylessLiteral(actual === status ? expected : actual);
  }
  // expect(res.status).toBe(204), expect(res.status).to.equal(204)
  if (call.arguments.length !== 1 || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'expect') return false;
  let chain: TSESTree.Node = call;
  for (let step = 0; step < 3; step++) {
    const member: TSESTree.Node | undefined = chain.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== chain) return false;
    const name = staticPropertyName(member);
    const matcher: TSESTree.Node | undefined = member.parent;
    if (name !== undefined && EXPECT_EQUALITY_MATCHERS.has(name) && matcher?.type === AST_NODE_TYPES.CallExpression && matcher.callee === member) {
      return matcher.arguments.length === 1 && isBodylessLiteral(matcher.arguments[0]);
    }
    // chai's language chains: `.to`, `.to.be`, `.to.deep`
    if (name !== 'to' && name !== 'be' && name !== 'deep') return false;
    chain = member;
  }
  return false;
}

function isBodylessLiteral(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' && BODYLESS_STATUSES.has(node.value);
}
