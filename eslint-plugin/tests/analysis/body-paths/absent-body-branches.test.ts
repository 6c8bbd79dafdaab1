import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { AbsentBodyEdges, branchTestsOf, statusBindingNames } from '../../../src/analysis/body-paths/absent-body-branches';
import { CodePathRecorder, mergeListeners } from '../../../src/analysis/body-paths/code-paths';
import { runProbe } from '../../support/run-probe-rule';

/**
 * For a function with a `const res = ...` declaration: the source text of the branch tests its
 * reads take part in, and how many edges `AbsentBodyEdges` blocks for them.
 */
function analyse(code: string): { tests: string[]; blocked: number; aliases: string[] } {
  let result: { tests: string[]; blocked: number; aliases: string[] } | undefined;
  runProbe(code, (context) => {
    const recorder = new CodePathRecorder();
    return mergeListeners(recorder.listeners(), {
      'Program:exit'() {
        const declarator = context.sourceCode.ast.body
          .flatMap((statement) => (statement.type === 'FunctionDeclaration' ? statement.body.body : []))
          .find((statement): statement is TSESTree.VariableDeclaration => statement.type === 'VariableDeclaration')
          ?.declarations[0];
        assert.ok(declarator);
        const [variable] = context.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
        assert.ok(variable);
        const reads = variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
        const tests = new Set(reads.flatMap((read) => branchTestsOf(read)));
        const edges = new AbsentBodyEdges(recorder, context.sourceCode);
        const tracked = new Set<TSESTree.Node>(reads);
        const blocked = edges.blockedEdges(tests, { isTracked: (node) => tracked.has(node) });
        result = {
          tests: [...tests].map((test) => context.sourceCode.getText(test)),
          blocked: blocked.size,
          aliases: edges.statusAliasesOf(variable).map((alias) => alias.name),
        };
      },
    } as never);
  });
  assert.ok(result);
  return result;
}

describe('AbsentBodyEdges', () => {
  it('blocks the branch where the body is absent', () => {
    const { tests, blocked } = analyse(`function f() {
      const res = make();
      if (!res.body) return null;
      return res.text();
    }`);
    assert.deepEqual(tests, ['!res.body']);
    assert.ok(blocked > 0);
  });

  it('blocks the short-circuit of res && ... and bodyless switch cases', () => {
    assert.ok(analyse(`function f() { const res = make(); if (res && !res.bodyUsed) use(res); }`).blocked > 0);
    const viaSwitch = analyse(`function f() {
      const res = make();
      switch (res.status) { case 204: return null; default: return res.text(); }
    }`);
    assert.deepEqual(viaSwitch.tests, ['switch (res.status) { case 204: return null; default: return res.text(); }']);
    assert.ok(viaSwitch.blocked > 0);
  });

  it('blocks nothing for conditions that prove nothing about the body', () => {
    const { tests, blocked } = analyse(`function f() {
      const res = make();
      if (!res.ok) throw new Error('x');
      return res.text();
    }`);
    assert.deepEqual(tests, ['!res.ok']);
    assert.equal(blocked, 0);
  });

  it('finds never-reassigned status copies', () => {
    assert.deepEqual(
      analyse(`function f() { const res = make(); const status = res.status; const { statusCode: code, ok } = res; let late = res.status; late = 0; }`).aliases,
      ['status', 'code'],
    );
  });
});

describe('statusBindingNames', () => {
  it('names the locals bound to status and statusCode', () => {
    const names: string[][] = [];
    runProbe(`const { statusCode, body } = a; const { status: s = 0, headers } = b; const { [k]: x } = c;`, () => ({
      ObjectPattern(node: TSESTree.ObjectPattern) {
        names.push(statusBindingNames(node));
      },
    }));
    assert.deepEqual(names, [['statusCode'], ['s'], []]);
  });
});
