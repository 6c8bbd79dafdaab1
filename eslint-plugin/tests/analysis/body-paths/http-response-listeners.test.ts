import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { requestAborts, responseListeners } from '../../../src/analysis/body-paths/http-response-listeners';
import { hasAwaitBetween } from '../../../src/ast/has-await-between';
import { classifyValueUse } from '../../../src/ast/classify-value-use';
import { runProbe } from '../../support/run-probe-rule';

interface Found {
  listeners: string[];
  request: string | undefined;
  aborts: number[];
}

/** For every `https.request(...)` / `https.get(...)` call: its listeners (by line) and aborts (by line). */
function listenersOf(code: string): Found[] {
  const found: Found[] = [];
  runProbe(
    code,
    (context) => ({
      'CallExpression[callee.object.name="https"]'(node: TSESTree.CallExpression) {
        const { listeners, request } = responseListeners(node, context.sourceCode);
        found.push({
          listeners: listeners.map((listener) =>
            listener.type === 'function' ? `fn@${listener.fn.loc.start.line}` : `once@${listener.declarator.loc.start.line}`,
          ),
          request: request?.name,
          aborts: request ? requestAborts(request, context.sourceCode.scopeManager).map((call) => call.loc.start.line) : [],
        });
      },
    }),
    { parser: 'espree' },
  );
  return found;
}

describe('responseListeners', () => {
  it('finds chained listeners, listeners on the request variable and once(req, "response")', () => {
    assert.deepEqual(
      listenersOf(`import https from 'node:https';
import { once } from 'node:events';
https.get('u').on('error', () => {}).on('response', (res) => res.resume());
const req = https.request('u');
req.once('response', function (res) { res.resume(); });
req.on('error', () => {});
async function f() {
  const [res] = await once(req, 'response');
  res.resume();
}`),
      [
        { listeners: ['fn@3'], request: undefined, aborts: [] },
        { listeners: ['fn@5', 'once@8'], request: 'req', aborts: [] },
      ],
    );
  });

  it('ignores other events, reassigned requests and once() from elsewhere', () => {
    assert.deepEqual(
      listenersOf(`import https from 'node:https';
import { once } from './my-events';
let req = https.request('u');
req.on('response', (res) => res.resume());
req = null;
const other = https.request('u');
other.on('socket', (socket) => socket.setNoDelay());
async function f() { const [res] = await once(other, 'response'); return res; }`),
      [
        { listeners: [], request: undefined, aborts: [] },
        { listeners: [], request: 'other', aborts: [] },
      ],
    );
  });
});

describe('requestAborts', () => {
  it('finds abort()/destroy() on the request and calls of a local function that makes one', () => {
    assert.deepEqual(
      listenersOf(`import https from 'node:https';
const req = https.request('u');
const finalize = () => { req.abort(); };
function stop() { req.destroy(); }
req.on('response', (res) => {
  if (res.statusCode === 302) return finalize();
  if (res.statusCode >= 500) return stop();
  res.resume();
});
req.setTimeout(1000);`),
      [{ listeners: ['fn@5'], request: 'req', aborts: [3, 6, 4, 7] }],
    );
  });
});

describe('hasAwaitBetween', () => {
  it('is true only when an await wraps the call on the way to the carrier', () => {
    const results: boolean[] = [];
    runProbe(
      `async function f() { const a = await fetch('u'); const b = fetch('u'); const c = (await fetch('u')).ok; }`,
      () => ({
        'CallExpression[callee.name="fetch"]'(node: TSESTree.CallExpression) {
          results.push(hasAwaitBetween(node, classifyValueUse(node).node));
        },
      }),
    );
    assert.deepEqual(results, [true, false, true]);
  });
});
