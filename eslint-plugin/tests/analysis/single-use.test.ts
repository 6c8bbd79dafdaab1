import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { isSingleUse, traceLifetime, type Lifetime } from '../../src/analysis/single-use';
import { probeAll } from './probe-linter';

/** Lifetime of every `new Probe()`; `fetch`/`request` are request calls, `wrap()` holds its argument. */
function lifetimes(code: string): string[] {
  return probeAll(code, (node, context) =>
    describeLifetime(
      traceLifetime(node, {
        sourceCode: context.sourceCode,
        isRequestCall: (call) => calleeName(call) === 'fetch' || calleeName(call) === 'request',
        isHolderCall: (call) => calleeName(call) === 'wrap',
      }),
    ),
  );
}

function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  return call.callee.type === 'Identifier' ? call.callee.name : undefined;
}

function describeLifetime(lifetime: Lifetime): string {
  if (isSingleUse(lifetime)) return lifetime.closed ? 'single-use, closed' : 'single-use';
  if (lifetime.usedRepeatedly && !lifetime.returned && !lifetime.stored && !lifetime.handedOff) return 'shared by the call';
  const kinds = (['returned', 'stored', 'handedOff'] as const).filter((kind) => lifetime[kind]);
  return kinds.length > 0 ? kinds.join('+') : 'unused';
}

describe('traceLifetime', () => {
  it('finds values used for this call only (or kept, or shared by the call)', () => {
    assert.deepEqual(
      lifetimes(`
        function a(url) { const agent = new Probe(); return fetch(url, { agent }); }
        function b(url) { return fetch(url, { dispatcher: new Probe() }); }
        function c(url) { const options = { method: 'GET' }; options.agent = new Probe(); return request(url, options); }
        async function d(path) { const pool = new Probe(); try { return await pool.request({ path }); } finally { await pool.close(); } }
        function e(urls) { const agent = new Probe(); return Promise.all(urls.map((u) => fetch(u, { agent }))); }
        function f(url) { const api = wrap({ agent: new Probe() }); return api.get(url); }
        function g(url) { const agent = new Probe(); return new Promise((resolve) => request(url, { agent }, resolve)); }
        function h(url) { const agents = []; agents.push(new Probe()); for (const x of agents) fetch(url, { agent: x }); }
        async function i(paths) { const pool = new Probe(); for (const path of paths) await pool.request({ path }); }
        rows.map(async (row) => { const client = new Probe(row.origin); try { await client.request({}); } finally { await client.close(); } });
      `),
      [
        'single-use',
        'single-use',
        'single-use',
        'single-use, closed',
        'shared by the call',
        'single-use',
        'single-use',
        'stored',
        'shared by the call',
        'single-use, closed',
      ],
    );
  });

  it('finds values that outlive the call', () => {
    assert.deepEqual(
      lifetimes(`
        function a() { return new Probe(); }
        function b() { const agent = new Probe(); return { agent }; }
        function c() { return wrap({ agent: new Probe() }); }
        function d() { shared = new Probe(); }
        function e() { this.agent = new Probe(); }
        function f(cache, key) { cache.set(key, new Probe()); }
        function g() { const agent = new Probe(); setGlobalDispatcher(agent); }
        function h() { const agent = new Probe(); return (url) => fetch(url, { agent }); }
        function i(emitter) { const agent = new Probe(); emitter.on('tick', () => fetch('x', { agent })); }
        function j() { const { agent } = new Probe(); fetch('x', { agent }); }
        function k() { const agent = new Probe(); agent.connect(); }
        function l() { const agent = new Probe(); if (agent) agent.destroy(); }
      `),
      [
        'returned',
        'returned',
        'returned',
        'stored',
        'stored',
        'stored',
        'handedOff',
        'handedOff',
        'handedOff',
        'handedOff',
        'unused',
        'unused',
      ],
    );
  });
});
