import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLazyInitialization } from '../../../src/analysis/client-lifetime/lazy-init';
import { probeAll } from '../../support/probe-linter';

function lazy(code: string): boolean[] {
  return probeAll(code, (node, context) => isLazyInitialization(node, context.sourceCode));
}

describe('isLazyInitialization', () => {
  it('recognises memoisation on variables and on this', () => {
    assert.deepEqual(
      lazy(`
        client ??= new Probe();
        client ||= new Probe();
        client = client ?? new Probe();
        client = client || new Probe();
        if (!client) client = new Probe();
        if (client === undefined) { client = new Probe(); }
        class A { get c() { if (!this.c) { this.c = new Probe(); } return this.c; } }
        class B { get c() { return (this._c ??= new Probe()); } }
      `),
      [true, true, true, true, true, true, true, true],
    );
  });

  it('recognises keyed caches', () => {
    assert.deepEqual(
      lazy(`
        const a = cache.get(key) ?? cache.set(key, new Probe()).get(key);
        if (!cache.has(key)) cache.set(key, new Probe());
        let pool = pools.get(origin);
        if (!pool) { pool = new Probe(); pools.set(origin, pool); }
        const b = byHost[host] ? byHost[host] : (byHost[host] = new Probe());
        if (!(host in byHost)) byHost[host] = new Probe();
      `),
      [true, true, true, true, true],
    );
  });

  it('does not mistake other conditions for a cache', () => {
    assert.deepEqual(
      lazy(`
        const agent = options.agent || new Probe();
        const proxyAgent = proxy ? new Probe(proxy) : undefined;
        if (useTls) { agent = new Probe(); }
        if (options.agent) {} else { const agent = new Probe(); }
        clients.set(key, new Probe());
        const plain = new Probe();
      `),
      [false, false, false, false, false, false],
    );
  });
});
