import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EndpointPool } from '../src/endpoint-pool.js';

const HOSTS = ['a', 'b', 'c'];

function take<T>(pool: EndpointPool<T>, count: number): T[] {
  return Array.from({ length: count }, () => pool.choose());
}

describe('EndpointPool', () => {
  it('round-robin: each in turn, failures ignored', () => {
    const pool = new EndpointPool(HOSTS, 'round-robin');
    pool.markFailed('b');
    assert.deepEqual(take(pool, 6), ['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('hostpool: in turn, skipping a failed host until its retry time, which doubles', () => {
    let now = 0;
    const pool = new EndpointPool(HOSTS, 'hostpool', { now: () => now });
    assert.deepEqual(take(pool, 3), ['a', 'b', 'c']);
    pool.markFailed('b');
    assert.deepEqual(take(pool, 4), ['a', 'c', 'a', 'c']);
    now = 30_001;
    assert.ok(take(pool, 3).includes('b'), 'b is retried after 30 s');
    pool.markFailed('b'); // failed again: 60 s now
    now += 59_000;
    assert.ok(!take(pool, 6).includes('b'));
    now += 2_000;
    assert.ok(take(pool, 3).includes('b'));
    pool.markSuccess('b', 5);
    assert.deepEqual(new Set(take(pool, 3)), new Set(HOSTS));
  });

  it('hostpool: when every host is marked failed, all are tried again', () => {
    const pool = new EndpointPool(HOSTS, 'hostpool', { now: () => 0 });
    for (const host of HOSTS) pool.markFailed(host);
    assert.equal(pool.allFailed, true);
    assert.deepEqual(new Set(take(pool, 3)), new Set(HOSTS));
    assert.equal(pool.allFailed, false);
  });

  it('epsilon-greedy: mostly the fastest host, a random one when exploring', () => {
    let roll = 0.9; // ≥ 0.3: exploit
    const pool = new EndpointPool(HOSTS, 'epsilon-greedy', { random: () => roll, now: () => 0 });
    // Untried hosts are tried first.
    for (const [host, latency] of [['a', 50], ['b', 5], ['c', 20]] as const) {
      assert.equal(pool.choose(), host);
      pool.markSuccess(host, latency);
    }
    assert.deepEqual(take(pool, 3), ['b', 'b', 'b']);
    pool.markFailed('b');
    assert.equal(pool.choose(), 'c', 'a failed host is skipped');
    roll = 0.1; // < 0.3: explore; the second roll picks among usable hosts a and c
    assert.equal(pool.choose(), 'a');
  });

  it('a single destination is always chosen and never marked failed', () => {
    const pool = new EndpointPool(['only'], 'hostpool');
    pool.markFailed('only');
    assert.equal(pool.allFailed, false);
    assert.equal(pool.choose(), 'only');
  });
});
