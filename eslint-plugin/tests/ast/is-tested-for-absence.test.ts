import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { isTestedForAbsence } from '../../src/ast/is-tested-for-absence';
import { findVariable } from '../../src/ast/find-variable';
import { probeAll } from '../support/probe-linter';

/** For each `const res = …` declarator in `code`: whether the code tests `res` for absence. */
function tested(code: string): boolean[] {
  return probeAll(
    code,
    (node, context) => {
      const id = (node as TSESTree.VariableDeclarator).id as TSESTree.Identifier;
      const variable = findVariable(context.sourceCode.getScope(node), id);
      return variable ? isTestedForAbsence(variable) : false;
    },
    { selector: 'VariableDeclarator[id.name="res"]' },
  );
}

describe('isTestedForAbsence', () => {
  it('sees tests for a value and optional reads', () => {
    assert.deepEqual(
      tested(
        [
          'function a() { const res = get(); if (!res) return; }',
          'function b() { const res = get(); if (res) use(res); }',
          'function c() { const res = get(); return res && res.ok; }',
          'function d() { const res = get(); if (res == null) return; }',
          'function e() { const res = get(); if (undefined !== res) use(res); }',
          'function f() { const res = get(); return res?.status; }',
          'function g() { const res = get(); return (res as Response | undefined) ?? fallback; }',
        ].join('\n'),
      ),
      [true, true, true, true, true, true, true],
    );
  });

  it('ignores plain reads and comparisons with values', () => {
    assert.deepEqual(
      tested(
        [
          'function a() { const res = get(); if (!res.ok) throw new Error(); }',
          'function b() { const res = get(); if (res.status === 404) return; use(res); }',
          'function c() { const res = get(); return other || res; }',
          'function d() { const res = get(); if (res === cached) return; }',
        ].join('\n'),
      ),
      [false, false, false, false],
    );
  });
});
