import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { lookupProperty } from '../../src/ast/lookup-property';
import { probeAll } from '../support/probe-linter';

/** For each `new Probe({...})`: [found key's value text or null, certain]. */
function lookups(code: string, name: string, caseInsensitive = false): [string | null, boolean][] {
  return probeAll(code, (node) => {
    const [object] = (node as TSESTree.NewExpression).arguments;
    const { property, certain } = lookupProperty(object as TSESTree.ObjectExpression, name, { caseInsensitive });
    const value = property?.value;
    return [value?.type === 'Literal' ? String(value.value) : value ? value.type : null, certain];
  });
}

describe('lookupProperty', () => {
  it('finds the last property with the key, certain when nothing after it can replace it', () => {
    assert.deepEqual(
      lookups('new Probe({ keepAlive: false, a: 1 }); new Probe({ keepAlive: false, ...x }); new Probe({ ...x, keepAlive: true }); new Probe({ [k]: 1 });', 'keepAlive'),
      [['false', true], ['false', false], ['true', true], [null, false]],
    );
  });

  it('sees through spreads of values written out without the key', () => {
    assert.deepEqual(
      lookups(
        [
          'new Probe({ ...(cert && { cert, key }), maxSockets: 5 });',
          'new Probe({ ...(ca ? { ca } : {}), ...null, ...undefined });',
          'new Probe({ ...{ timeout: 5 } });',
          'new Probe({ keepAlive: false, ...(tls && { ca }) });',
        ].join('\n'),
        'keepAlive',
      ),
      [[null, true], [null, true], [null, true], ['false', true]],
    );
  });

  it('stays uncertain when a spread value may carry the key or is unknown', () => {
    assert.deepEqual(
      lookups(
        [
          'new Probe({ ...(reuse ? { keepAlive: true } : {}) });',
          'new Probe({ ...(custom || { ca }) });',
          'new Probe({ ...(defaults ?? {}) });',
          'new Probe({ ...(cert && options) });',
          "new Probe({ ...(cond && { 'CONNECTION': 'close' }) });",
        ].join('\n'),
        'keepAlive',
      ).slice(0, 4),
      [[null, false], [null, false], [null, false], [null, false]],
    );
    assert.deepEqual(lookups("new Probe({ ...(cond && { 'CONNECTION': 'close' }) });", 'connection', true), [[null, false]]);
  });
});
