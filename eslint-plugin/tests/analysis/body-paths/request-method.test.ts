import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { isHeadMethod, methodCarriers, methodParametersOf } from '../../../src/analysis/body-paths/request-method';
import type { FunctionNode } from '../../../src/ast/function-node';
import { runProbe } from '../../support/run-probe-rule';

describe('isHeadMethod', () => {
  it('reads literal, constant and constant-object methods', () => {
    const results: boolean[] = [];
    runProbe(
      `const METHOD = 'HEAD'; const ALIAS = METHOD; const init = { method: 'head' }; const get = { method: 'GET' };
       fetch(u, { method: METHOD }); fetch(u, { method: ALIAS }); fetch(u, init); fetch(u, { ...init, headers: {} });
       fetch(u, { method: \`HEAD\` });
       fetch(u, get); fetch(u, { ...init, method: 'GET' }); fetch(u, { method: 'HEAD', ...get }); fetch(u, { method: m });`,
      (context) => ({
        'CallExpression[callee.name="fetch"]'(node: TSESTree.CallExpression) {
          results.push(isHeadMethod(methodCarriers(node), context.sourceCode));
        },
      }),
      { parser: 'espree' },
    );
    assert.deepEqual(results, [true, true, true, true, true, false, false, false, false]);
  });
});

describe('methodParametersOf', () => {
  it('finds the wrapper parameters a request takes its method from', () => {
    const results: unknown[] = [];
    runProbe(
      `function a(url, method) { return fetch(url, { method }); }
       function b(url, init) { return fetch(url, init); }
       function c(url, options) { return fetch(url, { ...options, headers: {} }); }
       function d(url, { method, body } = {}) { return fetch(url, { method, body }); }
       function e(url, opts) { return fetch(url, { method: opts.method }); }
       function f(url) { const method = 'POST'; return fetch(url, { method }); }
       function g(url, init) { return fetch(url, { ...init, method: 'POST' }); }`,
      (context) => ({
        'CallExpression[callee.name="fetch"]'(node: TSESTree.CallExpression) {
          let fn: TSESTree.Node | undefined = node.parent;
          while (fn && fn.type !== 'FunctionDeclaration') fn = fn.parent;
          results.push(methodParametersOf(methodCarriers(node), fn as FunctionNode, context.sourceCode));
        },
      }),
      { parser: 'espree' },
    );
    assert.deepEqual(results, [
      [{ index: 1, property: false }],
      [{ index: 1, property: true }],
      [{ index: 1, property: true }],
      [{ index: 1, property: true }],
      [{ index: 1, property: true }],
      [],
      [],
    ]);
  });
});
