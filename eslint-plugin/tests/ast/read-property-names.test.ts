import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { readPropertyNames } from '../../src/ast/read-property-names';
import { runProbe } from '../support/run-probe-rule';

function namesOf(code: string): string[] {
  let names: string[] = [];
  runProbe(code, (context) => ({
    Program(node: TSESTree.Program) {
      names = [...readPropertyNames(node, context.sourceCode.visitorKeys)].sort();
    },
  }));
  return names;
}

describe('readPropertyNames', () => {
  it('collects member accesses and destructuring keys', () => {
    assert.deepEqual(namesOf("a.b; a?.c; a['d']; const { e, f: g } = a; (({ h }) => h)(a); a[key];"), ['b', 'c', 'd', 'e', 'f', 'h']);
  });

  it('ignores object literal keys and type members', () => {
    assert.deepEqual(namesOf('interface S { res: unknown } const s: S = { res: 1, other: 2 };'), []);
  });
});
