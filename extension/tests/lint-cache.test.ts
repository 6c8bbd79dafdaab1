import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LintCache } from '../src/lint-cache';

describe('LintCache', () => {
  it('keys on file name, options and text', () => {
    const base = LintCache.key('a.ts', 'opts', 'text');
    assert.equal(LintCache.key('a.ts', 'opts', 'text'), base);
    assert.notEqual(LintCache.key('b.ts', 'opts', 'text'), base);
    assert.notEqual(LintCache.key('a.ts', 'other', 'text'), base);
    assert.notEqual(LintCache.key('a.ts', 'opts', 'text '), base);
    // The separator keeps field boundaries: ("a", "bc") and ("ab", "c") differ.
    assert.notEqual(LintCache.key('a', 'bc', ''), LintCache.key('ab', 'c', ''));
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new LintCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  it('rejects a capacity that is not a positive integer', () => {
    assert.throws(() => new LintCache(0), /positive integer/);
  });
});
