import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { isNullish } from '../../src/ast/is-nullish';
import { probeAll } from '../support/probe-linter';

function nullish(code: string): boolean[] {
  return probeAll(code, (node) => isNullish((node as TSESTree.CallExpression).arguments[0]!), {
    selector: 'CallExpression[callee.name="probe"]',
  });
}

describe('isNullish', () => {
  it('recognises null, undefined and void expressions', () => {
    assert.deepEqual(nullish('probe(null); probe(undefined); probe(void 0); probe(void f());'), [true, true, true, true]);
  });

  it('rejects other falsy values and look-alikes', () => {
    assert.deepEqual(nullish("probe(0); probe(''); probe(false); probe(/x/); probe(nul); probe('null'); probe(NaN);"), [
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
