import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { ResponseSourceResolver } from '../../../src/analysis/body-paths/response-sources';
import { isHeadMethod, methodCarriers } from '../../../src/analysis/body-paths/request-method';
import { RESPONSE_SOURCES } from '../../../src/analysis/libraries/response-sources';
import { runProbe, type RunProbeOptions } from '../../support/run-probe-rule';

/** `client/delivery/holder` (plus `+wrapper`) of the argument of every `probe(call)` in `code`, or '-'. */
function sourcesOf(code: string, options: RunProbeOptions = {}): string[] {
  const results: string[] = [];
  runProbe(
    code,
    (context) => ({
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        let argument: TSESTree.Node | undefined = node.arguments[0];
        if (argument?.type === 'AwaitExpression') argument = argument.argument;
        assert.equal(argument?.type, 'CallExpression', 'probe() takes a call');
        const resolver = new ResponseSourceResolver({ sourceCode: context.sourceCode, consumingHelpers: [] });
        const source = resolver.sourceOfCall(argument as TSESTree.CallExpression);
        results.push(
          source ? `${source.client}/${source.delivery}/${source.holder}${source.wrapper ? '+wrapper' : ''}` : '-',
        );
      },
    }),
    options,
  );
  return results;
}

describe('ResponseSourceResolver', () => {
  it('recognises the client functions of the table in every import form', () => {
    assert.deepEqual(
      sourcesOf(`
        import https from 'node:https';
        import * as http from 'http';
        import { get } from 'https';
        import { request, fetch as undiciFetch } from 'undici';
        import nodeFetch from 'node-fetch';
        import axios from 'axios';
        import got from 'got';
        probe(https.get('https://x'));
        probe(http.request({ host: 'x' }));
        probe(get('https://x'));
        probe(fetch('https://x'));
        probe(globalThis.fetch('https://x'));
        probe(undiciFetch('https://x'));
        probe(nodeFetch('https://x'));
        probe(request('https://x'));
        probe(axios.get('https://x', { responseType: 'stream' }));
        probe(axios({ url: 'https://x', responseType: 'stream' }));
        probe(got.stream('https://x'));
        probe(got.stream.post('https://x'));
      `),
      [
        'node-http/callback/stream',
        'node-http/callback/stream',
        'node-http/callback/stream',
        'fetch/promise/fetch-response',
        'fetch/promise/fetch-response',
        'fetch/promise/fetch-response',
        'node-fetch/promise/fetch-response',
        'undici/promise/undici-response',
        'axios-stream/promise/axios-response',
        'axios-stream/promise/axios-response',
        'got-stream/stream/stream',
        'got-stream/stream/stream',
      ],
    );
  });

  it('recognises require() in plain JavaScript (espree)', () => {
    assert.deepEqual(
      sourcesOf(
        `const fetch = require('node-fetch');
         const { request } = require('undici');
         const https = require('https');
         probe(fetch('https://x'));
         probe(request('https://x'));
         probe(https.get('https://x', () => {}));`,
        { parser: 'espree' },
      ),
      ['node-fetch/promise/fetch-response', 'undici/promise/undici-response', 'node-http/callback/stream'],
    );
  });

  it('rejects look-alikes, buffered modes and HEAD requests', () => {
    assert.deepEqual(
      sourcesOf(`
        import request from 'supertest';
        import axios from 'axios';
        import got from 'got';
        import { request as undiciRequest } from 'undici';
        declare const app: unknown;
        function local(fetch: (url: string) => Promise<unknown>) { probe(fetch('https://x')); }
        probe(request(app));
        probe(axios.get('https://x'));
        probe(axios.get('https://x', { responseType: 'json' }));
        probe(got('https://x'));
        probe(fetch('https://x', { method: 'HEAD' }));
        probe(undiciRequest('https://x', { method: 'head' }));
        probe(new Response('x').clone());
      `),
      ['-', '-', '-', '-', '-', '-', '-', '-'],
    );
  });

  it('follows undici dispatchers and axios instances built in the file', () => {
    assert.deepEqual(
      sourcesOf(`
        import { Pool, Agent, getGlobalDispatcher, Client } from 'undici';
        import axios from 'axios';
        const pool = new Pool('https://x');
        const agent = new Agent();
        const api = axios.create({ baseURL: 'https://x' });
        class Upstream {
          private readonly client = new Client('https://x');
          private readonly other: Client;
          constructor() { this.other = new Client('https://y'); }
          go() {
            probe(this.client.request({ path: '/', method: 'GET' }));
            probe(this.other.request({ path: '/', method: 'GET' }));
          }
        }
        probe(pool.request({ path: '/', method: 'GET' }));
        probe(agent.request({ origin: 'https://x', path: '/', method: 'GET' }));
        probe(getGlobalDispatcher().request({ origin: 'https://x', path: '/', method: 'GET' }));
        probe(api.get('/file', { responseType: 'stream' }));
        probe(api.get('/file'));
        probe(pool.close());
      `),
      [
        'undici/promise/undici-response',
        'undici/promise/undici-response',
        'undici/promise/undici-response',
        'undici/promise/undici-response',
        'undici/promise/undici-response',
        'axios-stream/promise/axios-response',
        '-',
        '-',
      ],
    );
  });

  it('accepts a callee that may be a source when no branch is known to be something else', () => {
    assert.deepEqual(
      sourcesOf(`
        import nodeFetch from 'node-fetch';
        import axios from 'axios';
        declare const options: { fetch?: typeof fetch };
        class Api { fetchImpl?: typeof fetch; go() { probe((this.fetchImpl ?? fetch)('https://x')); } }
        probe((options.fetch || fetch)('https://x'));
        probe((options.fetch ? options.fetch : fetch)('https://x'));
        probe((options.fetch ?? axios.get)('https://x'));
        probe((options.fetch ?? nodeFetch)('https://x'));
      `),
      [
        'fetch/promise/fetch-response',
        'fetch/promise/fetch-response',
        'fetch/promise/fetch-response',
        '-',
        'node-fetch/promise/fetch-response',
      ],
    );
  });

  it('follows functions of the file that return a response, also through a local', () => {
    assert.deepEqual(
      sourcesOf(`
        async function fetchWithRetry(url: string) {
          for (let i = 0; i < 3; i++) {
            const res = await fetch(url);
            if (res.ok) return res;
            await res.body?.cancel();
          }
          return null;
        }
        async function fetchNoCache(url: string) { return fetch(url, { cache: 'no-store' }); }
        const fetchCached = (url: string) => fetch(url);
        const outer = (url: string) => fetchWithRetry(url);
        async function readsFirst(url: string) { const res = await fetch(url); await res.text(); return res; }
        async function json(url: string) { const res = await fetch(url); return res.json(); }
        async function mixed(url: string) { if (url) return fetch(url); return { cached: true }; }
        declare const noCache: boolean;
        const get = noCache ? fetchNoCache : fetchCached;
        const either = noCache ? fetchNoCache : json;
        probe(fetchWithRetry('u'));
        probe(fetchNoCache('u'));
        probe(fetchCached('u'));
        probe(outer('u'));
        probe(get('u'));
        probe(readsFirst('u'));
        probe(json('u'));
        probe(mixed('u'));
        probe(either('u'));
      `),
      [
        'fetch/promise/fetch-response+wrapper',
        'fetch/promise/fetch-response+wrapper',
        'fetch/promise/fetch-response+wrapper',
        'fetch/promise/fetch-response+wrapper',
        'fetch/promise/fetch-response+wrapper',
        '-',
        '-',
        '-',
        '-',
      ],
    );
  });

  it('accepts extra sources given to the constructor', () => {
    const results: string[] = [];
    runProbe(
      `import { send } from '@acme/http'; probe(send('/x'));`,
      (context) => ({
        'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
          const resolver = new ResponseSourceResolver({ sourceCode: context.sourceCode, consumingHelpers: [] }, [
            ...RESPONSE_SOURCES,
            {
              function: { from: 'package', package: '@acme/http', name: 'send' },
              client: 'undici',
              delivery: 'promise',
              holder: 'undici-response',
            },
          ]);
          const source = resolver.sourceOfCall(node.arguments[0] as TSESTree.CallExpression);
          results.push(source?.holder ?? '-');
        },
      }),
    );
    assert.deepEqual(results, ['undici-response']);
  });
});

describe('isHeadMethod', () => {
  it('reads a literal method in any option object argument', () => {
    const results: boolean[] = [];
    runProbe(
      `probe(fetch(u, { method: 'HEAD' })); probe(fetch(u, { method: \`head\` })); probe(fetch(u, { method }));
       probe(fetch(u, { 'method': 'GET' })); probe(fetch(u));`,
      (context) => ({
        'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
          results.push(isHeadMethod(methodCarriers(node.arguments[0] as TSESTree.CallExpression), context.sourceCode));
        },
      }),
      { parser: 'espree' },
    );
    assert.deepEqual(results, [true, true, false, false, false]);
  });
});
