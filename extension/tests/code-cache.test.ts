import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CodeCacheLoader } from '../src/code-cache';

describe('CodeCacheLoader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-code-cache-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const bundles = join(dir, 'bundles');
  const caches = join(dir, 'caches');

  it('runs a bundle and the bundles it requires relatively, once each, then writes and uses their caches', () => {
    mkdirSync(bundles);
    writeFileSync(join(bundles, 'helper.js'), 'globalThis.helperRuns = (globalThis.helperRuns ?? 0) + 1; exports.twice = (x) => 2 * x;\n');
    writeFileSync(
      join(bundles, 'main.js'),
      "const { twice } = require('./helper.js'); const { join } = require('node:path'); module.exports = { answer: twice(21), joined: join('a', 'b'), file: __filename };\n",
    );
    const first = new CodeCacheLoader(caches);
    assert.deepEqual(first.require(join(bundles, 'main.js')), { answer: 42, joined: join('a', 'b'), file: join(bundles, 'main.js') });
    first.require(join(bundles, 'helper.js'));
    assert.equal((globalThis as { helperRuns?: number }).helperRuns, 1);
    assert.equal(first.saveCaches().length, 2);
    assert.deepEqual(first.saveCaches(), [], 'written once');
    assert.deepEqual(readdirSync(caches).sort().map((name) => name.split('-')[0]), ['helper.js', 'main.js']);

    const second = new CodeCacheLoader(caches);
    assert.equal((second.require(join(bundles, 'main.js')) as { answer: number }).answer, 42);
    assert.deepEqual(second.saveCaches(), [], 'the caches were accepted: nothing to write');
  });

  it('replaces the cache of an earlier build of a bundle', () => {
    writeFileSync(join(bundles, 'helper.js'), 'exports.twice = (x) => x + x; // rebuilt\n');
    const loader = new CodeCacheLoader(caches);
    assert.equal((loader.require(join(bundles, 'main.js')) as { answer: number }).answer, 42);
    assert.equal(loader.saveCaches().length, 1, 'only the rebuilt bundle');
    assert.equal(readdirSync(caches).filter((name) => name.startsWith('helper.js-')).length, 1);
  });

  it('works without a cache folder', () => {
    const loader = new CodeCacheLoader(undefined);
    assert.equal((loader.require(join(bundles, 'main.js')) as { answer: number }).answer, 42);
    assert.deepEqual(loader.saveCaches(), []);
  });
});
