import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { ParameterUses, type GivenValue, type ParameterUse } from '../../../src/analysis/body-paths/parameter-use';
import { runProbe } from '../../support/run-probe-rule';

/** What each function declaration of `code` does with a fetch Response passed as its first argument. */
function usesOf(code: string, index = 0, given: GivenValue = 'response'): Record<string, ParameterUse> {
  const results: Record<string, ParameterUse> = {};
  runProbe(code, (context) => {
    const uses = new ParameterUses({ sourceCode: context.sourceCode, consumingHelpers: [] });
    return {
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        if (node.id) results[node.id.name] = uses.ofFunction(node, index, 'fetch-response', given);
      },
    };
  });
  return results;
}

describe('ParameterUses', () => {
  it('tells helpers that read, keep, only inspect or give back a response apart', () => {
    assert.deepEqual(
      usesOf(`
        const kept: Response[] = [];
        async function drain(res: Response) { await res.body?.cancel(); }
        async function readJson(res: Response) { const text = await res.text(); if (!res.ok) throw new Error(text); return JSON.parse(text); }
        function keep(res: Response) { kept.push(res); }
        function pass(res: Response) { return res; }
        function ensureOk(res: Response) { if (!res.ok) throw new Error(String(res.status)); return res as Response; }
        async function ensureOkAsync(res: Response) { if (res.status >= 400) throw new Error('x'); return res; }
        function later(res: Response) { return () => res; }
        function assertOk(res: Response) { if (!res.ok) throw new Error(String(res.status)); }
        async function assertOkAsync(res: Response) { if (!res.ok) throw new Error(String(res.status)); }
        function log(res: Response) { console.log(res.status, res.headers.get('x-id')); }
        function statusOf({ status, ok }: Response) { return ok ? status : -1; }
        function bodyOf({ body }: Response) { return body; }
        function caught(res: Response) { try { if (!res.ok) throw new Error('x'); } catch { return false; } return true; }
        function ignores() { return 1; }
      `),
      {
        drain: { kind: 'consumes' },
        readJson: { kind: 'consumes' },
        keep: { kind: 'hands-off' },
        pass: { kind: 'returns', throws: false },
        ensureOk: { kind: 'returns', throws: 'sync' },
        ensureOkAsync: { kind: 'returns', throws: 'async' },
        later: { kind: 'hands-off' },
        assertOk: { kind: 'metadata', throws: 'sync' },
        assertOkAsync: { kind: 'metadata', throws: 'async' },
        log: { kind: 'metadata', throws: false },
        statusOf: { kind: 'metadata', throws: false },
        bodyOf: { kind: 'hands-off' },
        caught: { kind: 'metadata', throws: false },
        ignores: { kind: 'metadata', throws: false },
      },
    );
  });

  it('follows helpers of helpers and stays cautious on recursion, `arguments` and rest parameters', () => {
    assert.deepEqual(
      usesOf(`
        function check(res: Response) { assertOk(res); }
        function assertOk(res: Response) { if (!res.ok) throw new Error('x'); }
        function drainBoth(res: Response) { drain(res); }
        function drain(res: Response) { res.body?.cancel(); }
        function loop(res: Response): void { if (res.ok) loop(res); }
        function variadic() { return arguments.length; }
        function rest(...all: Response[]) { return all.length; }
        function reassigned(res: Response | null) { res = null; return res; }
      `),
      {
        check: { kind: 'metadata', throws: false },
        assertOk: { kind: 'metadata', throws: 'sync' },
        drainBoth: { kind: 'consumes' },
        drain: { kind: 'consumes' },
        loop: { kind: 'hands-off' },
        variadic: { kind: 'hands-off' },
        rest: { kind: 'hands-off' },
        reassigned: { kind: 'hands-off' },
      },
    );
  });

  it('records an early exit on the status or headers that leaves a read body unread, and only that', () => {
    assert.deepEqual(
      usesOf(`
        async function bounded(res: Response) {
          const length = res.headers.get('content-length');
          if (length && Number(length) > 1024) {
            return null;
          }
          return res.text();
        }
        async function readJson(res: Response) { if (!res.ok) throw new Error(String(res.status)); return res.json(); }
        async function cancels(res: Response) { if (!res.ok) { await res.body?.cancel(); return null; } return res.json(); }
        async function bodyless(res: Response) { if (res.status === 204) return null; return res.json(); }
        async function unrelated(res: Response, max = 1) { if (max < 0) return null; return res.json(); }
        async function readFirst(res: Response) { const text = await res.text(); if (!res.ok) return null; return text; }
        async function nested(res: Response) { for (;;) { if (!res.ok) return null; break; } return res.json(); }
        async function second(res: Response) {
          if (!res.ok) { await res.body?.cancel(); throw new Error('x'); }
          if (Number(res.headers.get('content-length')) > 1024) return null;
          return res.json();
        }
        async function elseRead(res: Response) { if (!res.ok) return null; else return res.json(); }
      `),
      {
        bounded: { kind: 'consumes', unreadExit: { kind: 'return', line: 5 } },
        readJson: { kind: 'consumes', unreadExit: { kind: 'throw', line: 9 } },
        cancels: { kind: 'consumes' },
        bodyless: { kind: 'consumes' },
        unrelated: { kind: 'consumes' },
        readFirst: { kind: 'consumes' },
        nested: { kind: 'consumes' },
        second: { kind: 'consumes', unreadExit: { kind: 'return', line: 17 } },
        elseRead: { kind: 'consumes' },
      },
    );
  });

  it('reads the parameter at the position asked, skipping TypeScript\'s `this` parameter', () => {
    assert.deepEqual(
      usesOf(
        `function second(this: unknown, label: string, res: Response) { if (!res.ok) throw new Error(label); }
         function first(res: Response, label: string) { return label + res.status; }`,
        1,
      ),
      { second: { kind: 'metadata', throws: 'sync' }, first: { kind: 'metadata', throws: false } },
    );
  });

  it('follows a local that takes the response over, and lets a promise type check pass', () => {
    assert.deepEqual(
      usesOf(`
        function isPromise(value: any) { return value instanceof Promise || typeof value?.then === 'function'; }
        async function either(input: any) {
          let response = input;
          if (isPromise(input)) response = await input;
          if (!response.ok) throw new Error(String(response.status));
          return response;
        }
        async function drainsAlias(input: any) { const response = input; if (!response.ok) { await response.text(); throw new Error('x'); } return response; }
        function reassignedAlias(input: any) { let response = input; response = null; return response; }
        function callsThen(input: any) { return input.then(() => input); }
      `),
      {
        isPromise: { kind: 'metadata', throws: false },
        either: { kind: 'returns', throws: 'async' },
        drainsAlias: { kind: 'consumes' },
        reassignedAlias: { kind: 'hands-off' },
        callsThen: { kind: 'hands-off' },
      },
    );
  });

  it('summarises a promise of the response through the local it is awaited into', () => {
    assert.deepEqual(
      usesOf(
        `
        async function handle(input: Promise<Response>) { const response = await input; if (!response.ok) throw new Error('x'); return response; }
        async function status(input: Promise<Response>) { const response = await input; return response.status; }
        async function drains(input: Promise<Response>) { const response = await input; await response.body?.cancel(); return response.status; }
        async function assigned(input: Promise<Response>) { let response; response = await input; return response; }
        function chained(input: Promise<Response>) { return input.then((response) => response); }
        async function returned(input: Promise<Response>) { return input; }
        async function neverAwaited(input: Promise<Response>) { console.log(input); }
        async function awaitedTwice(input: Promise<Response>) { const a = await input; const b = await input; return a.ok ? b : a; }
      `,
        0,
        'promise',
      ),
      {
        handle: { kind: 'returns', throws: 'async' },
        status: { kind: 'metadata', throws: false },
        drains: { kind: 'consumes' },
        assigned: { kind: 'returns', throws: false },
        chained: { kind: 'hands-off' },
        returned: { kind: 'hands-off' },
        neverAwaited: { kind: 'hands-off' },
        // Returned through a conditional: a hand-off (only `return response` itself gives it back).
        awaitedTwice: { kind: 'hands-off' },
      },
    );
  });
});
