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

  it('recognises an early return of the stored value', () => {
    assert.deepEqual(
      lazy(`
        function a() { if (c1) return c1; c1 = new Probe(); return c1; }
        function b() { if (c2) { return c2; } const x = new Probe(); c2 = x; return c2; }
        function c() { if (c3 !== null) return c3; c3 = new Probe(); return c3; }
        function d(key) { if (cache.has(key)) return cache.get(key); const pool = new Probe(); cache.set(key, pool); return pool; }
        function e(id) { const existing = agents.get(id); if (existing) return existing; const agent = new Probe(); agents.set(id, agent); return agent; }
      `),
      [true, true, true, true, true],
    );
  });

  it('does not take every early return for a cache', () => {
    assert.deepEqual(
      lazy(`
        function a(url) { if (!url) return undefined; c1 = new Probe(url); return c1; }
        function b() { if (c2) { log(c2); } c2 = new Probe(); return c2; }
        function c() { if (c3) return c3; else log(); c3 = new Probe(); return c3; }
        function d() { if (ready) return other; const agent = new Probe(); return agent; }
        function e(id) { const existing = load(id); if (existing) return existing; const agent = new Probe(); return agent; }
      `),
      [false, false, false, false, false],
    );
  });

  it('does not take input validation on a lookup for a cache: a cache hit returns what it found', () => {
    assert.deepEqual(
      lazy(`
        async function a(req) { const file = (await req.formData()).get('file'); if (!file) return Response.json({ error: 'file is required' }, { status: 400 }); const s3 = new Probe(); return s3.send(file); }
        function b(url) { const token = url.searchParams.get('token'); if (!token) return null; const agent = new Probe(token); return agent; }
        function c(id) { const hit = agents.get(id); if (hit) return hit.agent; const agent = new Probe(); agents.set(id, { agent }); return agent; }
      `),
      [false, false, true],
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
