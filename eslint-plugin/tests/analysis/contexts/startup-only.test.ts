import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionName } from '../../../src/ast/function-name';
import { isFunctionNode } from '../../../src/ast/function-node';
import { invocationUnit, isInsideTestCallback, isStartupName, isStartupOnly } from '../../../src/analysis/contexts/startup-only';
import { enclosingFunction } from '../../../src/ast/enclosing-function';
import { probeAll } from '../../support/probe-linter';

/** For every `new Probe()`: does its function run only once at startup? */
function startupOnly(code: string): boolean[] {
  return probeAll(code, (node, context) => isStartupOnly(enclosingFunction(node), context.sourceCode));
}

describe('isStartupOnly', () => {
  it('accepts module scope, conventional names and functions only called from startup code', () => {
    assert.deepEqual(
      startupOnly(`
        new Probe();
        async function main() { new Probe(); }
        export function createApp() { new Probe(); }
        function connect() { new Probe(); }
        async function boot() { connect(); }
        function probeSupport() { new Probe(); }
        export function createTransport() { probeSupport(); }
        boot().catch(console.error);
        (async () => { new Probe(); })();
        server.listen(3000, () => { new Probe(); });
        setTimeout(() => { new Probe(); }, 10);
        main().then(() => { new Probe(); });
      `),
      [true, true, true, true, true, true, true, true, true],
    );
  });

  it('rejects functions that run repeatedly or whose callers are unknown', () => {
    assert.deepEqual(
      startupOnly(`
        export function send() { new Probe(); }
        function perItem() { new Probe(); }
        for (const x of xs) perItem();
        function handler() { new Probe(); }
        app.get('/', handler);
        function twice() { new Probe(); }
        twice();
        emitter.on('data', () => twice());
        stream.on('data', () => { new Probe(); });
      `),
      [false, false, false, false, false],
    );
  });
});

describe('isStartupName', () => {
  it('accepts conventional and setup-style names, not request-handling ones', () => {
    const names = ['main', 'createApp', 'createX509Transport', 'Client.initialize', 'setupRoutes', 'init', 'create', 'buildS3Client', 'createTables', 'bootstrapServer'];
    // `create`/`build` + what is created for the caller: a per-request operation (CRUD), not setup.
    const others = ['createRequest', 'buildFetchOptions', 'makeClient', 'send', 'creator', 'initiateUpload', 'Api.post', 'createOrder', 'createLabel', 'buildReport', 'createClientForTenant'];
    assert.deepEqual(names.map(isStartupName), names.map(() => true));
    assert.deepEqual(others.map(isStartupName), others.map(() => false));
  });
});

describe('isInsideTestCallback', () => {
  it('recognises tests and hooks of node:test, mocha, jest, vitest and tap', () => {
    const results = probeAll(
      `
        describe('suite', () => { new Probe(); });
        it('works', async () => { server.on('request', () => { new Probe(); }); });
        test.only('x', () => { new Probe(); });
        beforeEach(() => { new Probe(); });
        describe.each([1, 2])('table %s', (n) => { new Probe(); });
        tap.test('t', async (t) => { t.before(() => { new Probe(); }); });
        app.get('/', () => { new Probe(); });
        testConnection(() => { new Probe(); });
      `,
      (node) => isInsideTestCallback(node),
    );
    assert.deepEqual(results, [true, true, true, true, true, true, false, false]);
  });
});

describe('invocationUnit', () => {
  it('walks out of callbacks that run inside their caller’s call', () => {
    const units = probeAll(
      `
        async function fetchAll(urls) { return Promise.all(urls.map((u) => new Probe(u))); }
        function wait() { return new Promise((resolve) => { new Probe(); resolve(); }); }
        function chained() { return start().then(() => new Probe()); }
        function listener(emitter) { emitter.on('tick', () => new Probe()); }
      `,
      (node) => {
        const unit = invocationUnit(enclosingFunction(node));
        return isFunctionNode(unit) ? (functionName(unit) ?? '<anonymous>') : unit.type;
      },
    );
    assert.deepEqual(units, ['fetchAll', 'wait', 'chained', '<anonymous>']);
  });
});
