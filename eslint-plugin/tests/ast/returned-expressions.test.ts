import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { returnedExpressions } from '../../src/ast/returned-expressions';
import { isFunctionNode } from '../../src/ast/function-node';
import { probeAll } from '../support/probe-linter';

describe('returnedExpressions', () => {
  it("lists the function's own returns, not those of nested functions or classes", () => {
    const [texts] = probeAll(
      `function outer(x) {
        if (x) return a;
        const inner = () => b;
        function nested() { return c; }
        class K { m() { return d; } }
        for (;;) { if (x) return; }
        return e;
      }`,
      (node, context) =>
        isFunctionNode(node)
          ? returnedExpressions(node, context.sourceCode.visitorKeys).map((r) => (r ? context.sourceCode.getText(r) : null))
          : [],
      { selector: 'FunctionDeclaration[id.name="outer"]' },
    );
    assert.deepEqual(texts, ['a', null, 'e']);
  });

  it('gives the body of an expression-bodied arrow', () => {
    const [texts] = probeAll(
      'const f = (x) => x.y;',
      (node, context) =>
        isFunctionNode(node) ? returnedExpressions(node, context.sourceCode.visitorKeys).map((r) => r && context.sourceCode.getText(r)) : [],
      { selector: 'ArrowFunctionExpression' },
    );
    assert.deepEqual(texts, ['x.y']);
  });
});
