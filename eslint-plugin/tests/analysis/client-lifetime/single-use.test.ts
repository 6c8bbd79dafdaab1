import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { isSingleUse, traceLifetime, type Lifetime } from '../../../src/analysis/client-lifetime/single-use';
import { probeAll } from '../../support/probe-linter';

/** Lifetime of every `new Probe()`; `fetch`/`request` are request calls, `wrap()` holds its argument. */
function lifetimes(code: string): string[] {
  return probeAll(code, (node, context) =>
    describeLifetime(
      traceLifetime(node, {
        sourceCode: context.sourceCode,
        isRequestCall: (call) => calleeName(call) === 'fetch' || calleeName(call) === 'request',
        isHolderCall: (call) => calleeName(call) === 'wrap',
        isIdentityCall: (call) => calleeName(call) === 'capture',
        argumentFate: (call) => (calleeName(call) === 'imported' ? 'used' : undefined),
        processWideInstall: (call, index) =>
          calleeName(call) === 'setGlobalDispatcher' && index === 0 ? 'the global dispatcher' : undefined,
        processWideProperty: (target) =>
          target.object.type === 'Identifier' && target.object.name === 'http' ? '`http.globalAgent`' : undefined,
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
  if (lifetime.storedOnThis) return `stored (on this.${lifetime.storedOnThis})`;
  if (lifetime.storedProcessWide) return `stored (process-wide: ${lifetime.storedProcessWide.label})`;
  if (lifetime.storedOnParameters) return `stored (on ${lifetime.storedOnParameters.join(', ')})`;
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
        function j() { const { agent } = { agent: new Probe() }; fetch('x', { agent }); }
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
        'single-use',
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
        function g() { const agent = new Probe(); register(agent); }
        function h() { const agent = new Probe(); return (url) => fetch(url, { agent }); }
        function i(emitter) { const agent = new Probe(); emitter.on('tick', () => fetch('x', { agent })); }
        function k() { const agent = new Probe(); agent.connect(); }
        function l() { const agent = new Probe(); if (agent) agent.destroy(); }
      `),
      [
        'returned',
        'returned',
        'returned',
        'stored',
        'stored',
        // `set` on a parameter is a request-scoped slot if the function is a request handler (Hono's `c.set`).
        'stored (on cache.set(key))',
        'handedOff',
        'returned',
        'handedOff',
        'unused',
        'unused',
      ],
    );
  });

  it('follows a value handed to a method of an instance built in the same function', () => {
    assert.deepEqual(
      lifetimes(`
        function a(url) { const sdk = new Sdk(url); sdk.rpc.setNode({ url, agent: new Probe() }); return sdk; }
        function b(url) { const sdk = new Sdk(url); sdk.configure(new Probe()); exports.sdk = sdk; }
        function c(url) { const sdk = makeSdk(url); sdk.configure(new Probe()); return sdk; }
        function d(url, sdk) { sdk.configure(new Probe()); return sdk; }
        function e(url) { let sdk = new Sdk(url); sdk = other; sdk.configure(new Probe()); return sdk; }
      `),
      ['returned', 'stored (process-wide: `exports.sdk`)', 'handedOff', 'handedOff', 'handedOff'],
    );
  });

  it('looks through helpers, wrappers and copies that do not keep the value', () => {
    assert.deepEqual(
      lifetimes(`
        async function upload(client, key) { await client.send({ key }); }
        function traced(client) { return client; }
        function remember(client) { registry.push(client); }
        function pass(client) { register(client); }
        async function a(key) { const s3 = new Probe(); await upload(s3, key); }
        async function b(key) { const s3 = traced(new Probe()); await s3.send({ key }); }
        function c() { const s3 = new Probe(); remember(s3); }
        function d() { const s3 = new Probe(); pass(s3); }
        function e(url) { const agent = new Probe(); fetch(url, Object.assign({}, defaults, { agent })); }
        function f(url) { const options = { method: 'GET' }; Object.assign(options, { agent: new Probe() }); fetch(url, options); }
        function g(url) { Object.assign(defaults, { agent: new Probe() }); }
        async function h(key) { const s3 = capture(new Probe()); await s3.send({ key }); }
        async function i(key) { const s3 = new Probe(); await imported(s3, key); }
        async function j(...args) { const s3 = new Probe(); await upload(...args, s3); }
        class Api {
          send(body) { this.agent = new Probe(); return fetch('x', { agent: this.agent, body }); }
          reset() { this.agent = new Probe(); other.agent = this.agent; }
          async post(body) { const agent = new Probe(); return this.write(agent, body); }
          write(agent, body) { return fetch('x', { agent, body }); }
        }
      `),
      [
        'single-use',
        'single-use',
        'stored',
        'handedOff',
        'single-use',
        'single-use',
        'stored',
        'single-use',
        'single-use',
        'handedOff',
        'stored (on this.agent)',
        'stored (on this.agent)',
        'single-use',
      ],
    );
  });

  it('follows the caller’s options, fresh copies of them and closures that carry the value', () => {
    assert.deepEqual(
      lifetimes(`
        function a(url, options = {}) { options.agent = new Probe(); return fetch(url, options); }
        function b(options, cb) { const agent = new Probe(); options = Object.assign({}, options); options.agent = agent; return request(options, cb); }
        function c(options) { options.agent = new Probe(); return options; }
        function d(options) { options.agent = new Probe(); registry.add(options); return fetch('x', options); }
        function e(options) { options.agent = new Probe(); }
        function f(req, res, next) { req.s3 = new Probe(); res.locals.db = new Probe(); req.app.locals.s3 = new Probe(); next(); }
        function g(conf) { const client = new Probe(conf); return { list: (k) => client.send(k) }; }
        function h() { const client = new Probe(); function list() { return client.send(); } return { list }; }
        function i() { const client = new Probe(); const go = () => client.send(); go(); }
        function j() { return { ...{ client: new Probe() } }; }
        function k(options) { options = { ...options }; options.agent = new Probe(); log(options); }
      `),
      [
        'single-use',
        'single-use',
        'stored (on options.agent)',
        'stored (on options.agent)',
        'stored (on options.agent)',
        'stored (on req.s3)',
        'stored (on res.locals.db)',
        'stored',
        'returned',
        'returned',
        'single-use',
        'returned',
        'handedOff',
      ],
    );
  });

  it('names the process-wide place a value is installed in', () => {
    assert.deepEqual(
      lifetimes(`
        let agent;
        const fixed = 1;
        function a() { setGlobalDispatcher(new Probe()); }
        function b() { const p = new Probe(); setGlobalDispatcher(p); return fetch('x'); }
        function c() { http.globalAgent = new Probe(); }
        function d() { agent = new Probe(); }
        function e() { agent = new Probe(); other.agent = agent; }
        function f() { let local; local = new Probe(); fetch('x', { agent: local }); }
      `),
      [
        'stored (process-wide: the global dispatcher)',
        'stored (process-wide: the global dispatcher)',
        'stored (process-wide: `http.globalAgent`)',
        'stored (process-wide: `agent`)',
        'stored (process-wide: `agent`)',
        'single-use',
      ],
    );
  });
});
