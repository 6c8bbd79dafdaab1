import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { stripWrappers, type StripOptions } from '../../src/ast/strip-wrappers';
import { probeAll } from '../support/probe-linter';

/** The type of what `stripWrappers` leaves of each argument of `probe(...)`. */
function stripped(code: string, options?: StripOptions): string[] {
  return probeAll(code, (node) => stripWrappers((node as TSESTree.CallExpression).arguments[0]!, options).type, {
    selector: 'CallExpression[callee.name="probe"]',
  });
}

describe('stripWrappers', () => {
  const code = `async function f(a: any) {
    probe(a?.b); probe(a!); probe(a as string); probe(a satisfies unknown); probe(<string>a);
    probe((a as any)!.b); probe(await a); probe(await (a as Promise<unknown>)); probe(a.b);
  }`;

  it('looks through optional chains and type-only wrappers, not through await, by default', () => {
    assert.deepEqual(stripped(code), [
      'MemberExpression',
      'Identifier',
      'Identifier',
      'Identifier',
      'Identifier',
      'MemberExpression',
      'AwaitExpression',
      'AwaitExpression',
      'MemberExpression',
    ]);
  });

  it('looks through await when asked', () => {
    assert.deepEqual(stripped(code, { await: true }).slice(6, 8), ['Identifier', 'Identifier']);
  });

  it('strips optional chains only when type assertions are kept', () => {
    assert.deepEqual(stripped(code, { typeAssertions: false }).slice(0, 5), [
      'MemberExpression',
      'TSNonNullExpression',
      'TSAsExpression',
      'TSSatisfiesExpression',
      'TSTypeAssertion',
    ]);
  });
});
