/**
 * Requests a test expects to fail: the request is made in the `try` block of a `try … catch`, and a
 * later statement of that same block fails the test unconditionally — `throw`, `assert.fail()`,
 * `t.fail()`, `expect.fail()`, `fail()`, `process.exit()`:
 *
 *   try {
 *     await request({ agent });        // expected to reject: the proxy refuses the tunnel
 *     console.error(new Error('Should throw'));
 *     process.exit(1);
 *   } catch (err) { ... }
 *
 * The path on which a response arrives is a failed test; the path the test is about has none. The
 * same holds for a response callback that fails the test: `.then(() => t.fail('should not
 * succeed'))`, `http.request(options, () => reject(new Error('should have failed')))`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { calledName } from '../../ast/called-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { returnedExpressions } from '../../ast/returned-expressions';

export function expectsFailure(call: TSESTree.Node): boolean {
  let child: TSESTree.Node = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    if (isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.BlockStatement) continue;
    const tryStatement = node.parent;
    if (tryStatement?.type !== AST_NODE_TYPES.TryStatement || tryStatement.block !== node || !tryStatement.handler) return false;
    const index = node.body.indexOf(child as TSESTree.Statement);
    return index >= 0 && node.body.slice(index + 1).some(failsTheTest);
  }
  return false;
}

/**
 * A response callback whose own body fails the test on every run (see above): a top-level failing
 * statement and no `return` that could leave before it — `.then((res) => { if (res.ok) return
 * res.json(); throw new Error(...) })` is a fetch wrapper's error path, not a test.
 */
export function callbackFailsTheTest(fn: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return failingCall(fn.body);
  return fn.body.body.some(failsTheTest) && returnedExpressions(fn, visitorKeys).length === 0;
}

function failsTheTest(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.ExpressionStatement && failingCall(statement.expression);
}

/** `fail()`, `assert.fail()`, `t.assert.fail()`, `process.exit()`, `reject(new Error(...))`. */
function failingCall(expression: TSESTree.Node): boolean {
  const call = stripWrappers(expression, { await: true });
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = stripWrappers(call.callee);
  const name = calledName(callee);
  if (name === 'fail') return true;
  if (name === 'exit') {
    return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'process';
  }
  const [argument] = call.arguments;
  return /reject/i.test(name ?? '') && argument?.type === AST_NODE_TYPES.NewExpression && /Error$/.test(calleeName(argument.callee));
}

function calleeName(node: TSESTree.Node): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : '';
}
