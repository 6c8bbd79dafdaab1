/**
 * no-unconsumed-body across modules of the project: responses returned by an imported wrapper
 * (functions, class methods, promisified `http.get`, re-exports, tsconfig `paths`, two hops),
 * imported helpers that read the body (quiet) or only look at the status (reported), and the
 * single-file behaviour when a module cannot be resolved. Each case is a real project on disk,
 * linted with the real ESLint `Linter`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { dependenciesOf } from '../../src/module-graph';
import rule from '../../src/rules/no-unconsumed-body';
import { removeProject, writeFiles, writeProject, type ProjectFiles } from '../support/temp-project';

// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

const roots: string[] = [];
after(() => roots.forEach(removeProject));

function project(files: ProjectFiles): string {
  const root = writeProject(files);
  roots.push(root);
  return root;
}

/** `line:column messageId` of every finding in `file` (relative to `root`), and the messages. */
function lint(root: string, file: string, parser: 'typescript' | 'espree' = 'typescript'): { found: string[]; messages: string[] } {
  const absolute = path.join(root, file);
  const results = new Linter({ configType: 'flat', cwd: root }).verify(
    fs.readFileSync(absolute, 'utf8'),
    [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: { parser: (parser === 'espree' ? espree : tsParser) as never, ecmaVersion: 2024, sourceType: 'module' },
        plugins: { keepalive: { rules: { 'no-unconsumed-body': rule as never } } },
        rules: { 'keepalive/no-unconsumed-body': 'error' },
      },
    ],
    absolute,
  );
  return {
    found: results.map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`),
    messages: results.map((message) => message.message),
  };
}

const POST_JSON = `export async function postJson(url: string, body: unknown) {
  return fetch(url, { method: 'POST', body: JSON.stringify(body) });
}
`;

const HANDLER = `import { postJson } from './lib/http';
export async function handle(u: string, b: unknown) {
  const res = await postJson(u, b);
  if (!res.ok) throw new Error(String(res.status));
  return res.status;
}
`;

describe('no-unconsumed-body across modules', () => {
  it('follows a response returned by an imported wrapper and names the wrapper', () => {
    const root = project({ 'lib/http.ts': POST_JSON, 'handler.ts': HANDLER });
    const { found, messages } = lint(root, 'handler.ts');
    assert.deepEqual(found, ['3:9 neverConsumed']);
    assert.match(messages[0] ?? '', /fetch response returned by `postJson\(\)` \(lib\/http\.ts:1\) is never read/);
  });

  it('stays quiet once the wrapper reads the body before returning the response (re-linted after the edit)', () => {
    const root = project({ 'lib/http.ts': POST_JSON, 'handler.ts': HANDLER });
    assert.deepEqual(lint(root, 'handler.ts').found, ['3:9 neverConsumed']);
    writeFiles(root, {
      'lib/http.ts': `export async function postJson(url: string, body: unknown) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res;
}
`,
    });
    assert.deepEqual(lint(root, 'handler.ts').found, []);
  });

  it('records a module whose text was only looked at, so finishing it mid-edit is a change', () => {
    // Half-typed: the wrapper's text names no client yet, so it is not parsed at all.
    const root = project({
      'lib/http.ts': 'export async function postJson(url: string, body: unknown) {\n  c\n}\n',
      'handler.ts': HANDLER,
    });
    assert.deepEqual(lint(root, 'handler.ts').found, []);
    assert.deepEqual(dependenciesOf(path.join(root, 'handler.ts')), [path.join(root, 'lib/http.ts')]);
    writeFiles(root, { 'lib/http.ts': POST_JSON });
    assert.deepEqual(lint(root, 'handler.ts').found, ['3:9 neverConsumed']);
  });

  it('reports a discarded response and an early exit through imported wrappers, quiet when read', () => {
    const root = project({
      'src/lib/http.ts': `export async function getJson(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
export async function fetchJson(url: string) {
  const res = await getJson(url);
  const text = await res.text();
  if (!res.ok) throw new Error(text);
  return JSON.parse(text);
}
`,
      'src/routes.ts': `import { fetchJson, getJson } from './lib/http';
export async function profile(id: string) {
  const upstream = await getJson('/users/' + id);
  if (!upstream.ok) return null;
  return upstream.json();
}
export async function touch(id: string) {
  await getJson('/touch/' + id);
}
export async function data(id: string) {
  return fetchJson('/users/' + id);
}
export async function safe(id: string) {
  const res = await getJson('/users/' + id);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}
`,
    });
    assert.deepEqual(lint(root, 'src/routes.ts').found, ['3:9 unconsumedOnPath', '8:9 discarded']);
  });

  it('treats imported helpers by what they do with the response', () => {
    const root = project({
      'lib/responses.ts': `export function assertOk(res: Response, what: string): void {
  if (!res.ok) throw new Error(what + ': HTTP ' + res.status);
}
export async function drain(res: Response): Promise<void> {
  if (res.bodyUsed) return;
  try { await res.arrayBuffer(); } catch { /* gone */ }
}
export async function readJson(res: Response) {
  const text = await res.text();
  if (!res.ok) throw new Error(text);
  return JSON.parse(text);
}
`,
      'client.ts': `import { assertOk, drain, readJson } from './lib/responses';
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  assertOk(res, 'charge');
  return res.status;
}
export async function invoice(url: string) {
  const res = await fetch(url);
  assertOk(res, 'invoice');
  return res.json();
}
export async function ping(url: string) {
  const res = await fetch(url);
  await drain(res);
  return res.ok;
}
export async function balance(url: string) {
  const res = await fetch(url);
  return readJson(res);
}
`,
    });
    const { found, messages } = lint(root, 'client.ts');
    assert.deepEqual(found, ['3:9 neverConsumed', '8:9 helperThrows']);
    assert.match(messages[1] ?? '', /when `assertOk\(\)` throws at line 9/);
  });

  it('keeps HEAD requests through an imported wrapper quiet, and follows other methods', () => {
    const root = project({
      'lib/request.ts': `export function request(url: string, method: string) {
  return fetch(url, { method });
}
export function head(url: string) {
  return fetch(url, { method: 'HEAD' });
}
`,
      'check.ts': `import { head, request } from './lib/request';
export async function exists(url: string) {
  const res = await request(url, 'HEAD');
  return res.ok;
}
export async function existsToo(url: string) {
  const res = await head(url);
  return res.ok;
}
export async function remove(url: string) {
  const res = await request(url, 'DELETE');
  return res.ok;
}
`,
    });
    assert.deepEqual(lint(root, 'check.ts').found, ['11:9 neverConsumed']);
  });

  it('follows methods of an imported class instance', () => {
    const root = project({
      'src/forwarder.ts': `export class Forwarder {
  constructor(private readonly target: string) {}
  async post(body: string): Promise<Response> {
    return fetch(this.target, { method: 'POST', body });
  }
  async postAndRead(body: string): Promise<number> {
    const res = await fetch(this.target, { method: 'POST', body });
    await res.arrayBuffer();
    return res.status;
  }
}
`,
      'src/main.ts': `import { Forwarder } from './forwarder';
const forwarder = new Forwarder('https://sink.example.com');
export async function onMessage(body: string) {
  const res = await forwarder.post(body);
  if (res.status >= 500) return false;
  return true;
}
export async function onOther(body: string) {
  const status = await forwarder.postAndRead(body);
  return status < 500;
}
`,
    });
    const { found, messages } = lint(root, 'src/main.ts');
    assert.deepEqual(found, ['4:9 neverConsumed']);
    assert.match(messages[0] ?? '', /returned by `forwarder\.post\(\)` \(src\/forwarder\.ts:3\)/);
  });

  it('follows methods a class inherits from a base class of another module', () => {
    const root = project({
      'src/upstreams/base-api-client.ts': `import fetch, { type RequestInit, type Response } from 'node-fetch';
export abstract class BaseApiClient {
  constructor(protected readonly baseUrl: string) {}
  protected request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(this.baseUrl + path, { ...init, headers: { 'content-type': 'application/json' } });
  }
  protected async getJson<T>(path: string): Promise<T> {
    const res = await this.request(path);
    if (!res.ok) throw new Error(await res.text());
    return (await res.json()) as T;
  }
}
`,
      'src/upstreams/pager.ts': `import { BaseApiClient } from './base-api-client';
export class PagerClient extends BaseApiClient {
  constructor() {
    super('https://events.example.com');
  }
  async trigger(summary: string): Promise<void> {
    await this.request('/v2/enqueue', { method: 'POST', body: JSON.stringify({ summary }) });
  }
  async label(issue: number): Promise<string[]> {
    const res = await this.request('/issues/' + issue + '/labels', { method: 'POST' });
    if (res.status !== 200) throw new Error('could not label #' + issue);
    return (await res.json()) as string[];
  }
  incidents(): Promise<string[]> {
    return this.getJson<string[]>('/incidents');
  }
}
`,
    });
    const { found, messages } = lint(root, 'src/upstreams/pager.ts');
    assert.deepEqual(found, ['7:11 discarded', '10:11 unconsumedOnPath']);
    assert.match(messages[0] ?? '', /returned by `this\.request\(\)` \(src\/upstreams\/base-api-client\.ts:4\)/);
  });

  it('follows a promisified http.get and an undici request wrapper in JavaScript', () => {
    const root = project({
      'lib/get.js': `import http from 'node:http';
import https from 'node:https';
export function get(url, options = {}) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    client.get(url, options, resolve).on('error', reject);
  });
}
`,
      'lib/webhook.js': `import { request } from 'undici';
export async function sendWebhook(url, event) {
  return request(url, { method: 'POST', body: JSON.stringify(event) });
}
`,
      'check.js': `import { get } from './lib/get.js';
import { sendWebhook } from './lib/webhook.js';
export async function isReachable(url) {
  const res = await get(url, { timeout: 5000 });
  return res.statusCode < 400;
}
export async function deliver(url, event) {
  const { statusCode } = await sendWebhook(url, event);
  return statusCode < 300;
}
export async function read(url) {
  const res = await get(url);
  res.resume();
  return res.statusCode;
}
`,
    });
    assert.deepEqual(lint(root, 'check.js', 'espree').found, ['4:9 neverConsumed', '8:9 discarded']);
  });

  it('follows re-exports, tsconfig paths and wrappers of imported wrappers', () => {
    const root = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['src/*'] } } }),
      'src/lib/http.ts': `export function getJson(url: string) {
  return fetch(url, { headers: { accept: 'application/json' } });
}
`,
      'src/lib/upstream.ts': `import { getJson } from './http';
export async function fetchUpstream(path: string) {
  return getJson('https://upstream.internal' + path);
}
`,
      'src/lib/index.ts': `export * from './upstream';
`,
      'src/app.ts': `import { fetchUpstream } from '~/lib';
export async function status() {
  const upstream = await fetchUpstream('/status');
  return upstream.ok ? 'up' : 'down';
}
`,
    });
    const { found, messages } = lint(root, 'src/app.ts');
    assert.deepEqual(found, ['3:9 neverConsumed']);
    assert.match(messages[0] ?? '', /returned by `fetchUpstream\(\)` \(src\/lib\/upstream\.ts:2\)/);
  });

  it('follows methods of exported instances, also when their class lives in another module', () => {
    const root = project({
      'src/services/client.ts': `export class ApiClient {
  constructor(private readonly base: string, private readonly token: string) {}
  get(path: string) {
    return fetch(this.base + path, { headers: { authorization: this.token } });
  }
  async getJson(path: string) {
    const res = await fetch(this.base + path);
    return res.json();
  }
}
`,
      'src/services/api.ts': `import { ApiClient } from './client';
export const api = new ApiClient(process.env.API_URL ?? '', process.env.API_TOKEN ?? '');
`,
      'src/services/search.ts': `import { Pool } from 'undici';
class SearchClient {
  private readonly pool = new Pool('http://search.internal:9200');
  query(index: string, body: unknown) {
    return this.pool.request({ path: '/' + index + '/_search', method: 'POST', body: JSON.stringify(body) });
  }
}
export const search = new SearchClient();
`,
      'src/routes/users.ts': `import { api } from '../services/api';
import { search } from '../services/search';
export async function user(id: string) {
  const res = await api.get('/users/' + id);
  if (!res.ok) return null;
  return res.json();
}
export async function userName(id: string) {
  const user = await api.getJson('/users/' + id);
  return user.name;
}
export async function find(q: string) {
  const { statusCode, body } = await search.query('users', { q });
  if (statusCode !== 200) throw new Error('search failed: ' + statusCode);
  return body.json();
}
export async function findSafely(q: string) {
  const { statusCode, body } = await search.query('users', { q });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error('search failed: ' + statusCode);
  }
  return body.json();
}
`,
    });
    const { found, messages } = lint(root, 'src/routes/users.ts');
    assert.deepEqual(found, ['4:9 unconsumedOnPath', '13:9 unconsumedOnPath']);
    assert.match(messages[0] ?? '', /fetch response returned by `api\.get\(\)` \(src\/services\/client\.ts:3\)/);
    assert.match(messages[1] ?? '', /undici request\(\) response returned by `search\.query\(\)` \(src\/services\/search\.ts:4\)/);
  });

  it('follows static methods of an exported class', () => {
    const root = project({
      'lib/http.js': `export default class Http {
  static post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
  static async getJson(url) {
    const res = await fetch(url);
    return res.json();
  }
}
`,
      'routes/notify.js': `import Http from '../lib/http.js';
export async function notify(req, res) {
  await Http.post('https://hooks.example.com/notify', req.body);
  res.sendStatus(204);
}
export async function notifyAndRead(req, res) {
  const upstream = await Http.post('https://hooks.example.com/notify', req.body);
  res.status(upstream.status).send(await upstream.text());
}
export async function profile(req, res) {
  res.json(await Http.getJson('https://users.example.com/' + req.params.id));
}
`,
    });
    const { found, messages } = lint(root, 'routes/notify.js', 'espree');
    assert.deepEqual(found, ['3:9 discarded']);
    assert.match(messages[0] ?? '', /returned by `Http\.post\(\)` \(lib\/http\.js:2\)/);
  });

  it('follows an imported helper that returns the response after a status check', () => {
    const root = project({
      'lib/ensure.ts': `export function ensureOk(res: Response): Response {
  if (!res.ok) throw new Error('HTTP ' + res.status);
  return res;
}
export async function ensureOkReleasing(res: Response): Promise<Response> {
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error('HTTP ' + res.status);
  }
  return res;
}
`,
      'client.ts': `import { ensureOk, ensureOkReleasing } from './lib/ensure';
export async function a(url: string) {
  const res = await fetch(url);
  ensureOk(res);
  return res.json();
}
export async function b(url: string) {
  const res = await fetch(url);
  const ok = await ensureOkReleasing(res);
  return ok.json();
}
`,
    });
    assert.deepEqual(lint(root, 'client.ts').found, ['3:9 helperThrows']);
  });

  it('follows an imported wrapper whose fetch default sits in its options, unless the caller passes its own', () => {
    const root = project({
      'lib/timeout.ts': `export async function fetchWithTimeout(url: string, { fetchImpl = fetch, ms = 4000 }: { fetchImpl?: typeof fetch; ms?: number } = {}) {
  return await fetchImpl(url, { signal: AbortSignal.timeout(ms) });
}
`,
      'check.ts': `import { fetchWithTimeout } from './lib/timeout';
export async function isUp(url: string) {
  const res = await fetchWithTimeout(url, { ms: 500 });
  return res.ok;
}
export async function isUpWith(url: string, fetchImpl: (url: string) => Promise<{ ok: boolean }>) {
  const res = await fetchWithTimeout(url, { fetchImpl: fetchImpl as never });
  return res.ok;
}
`,
    });
    assert.deepEqual(lint(root, 'check.ts').found, ['3:9 neverConsumed']);
  });

  it('follows the response into the callback given to an imported node:http callback wrapper', () => {
    const root = project({
      'lib/http.js': `const https = require('https');
const agent = new https.Agent({ keepAlive: true });
const headers = { 'user-agent': 'keepalive' };
exports.get = function get(url, onResponse) {
  return https.get(url, { agent, headers }, onResponse);
};
exports.getStatus = function getStatus(url, done) {
  return https.get(url, { agent }, (res) => {
    res.resume();
    done(res.statusCode);
  });
};
`,
      'download.js': `const fs = require('fs');
const { get, getStatus } = require('./lib/http');
function download(url, file, done) {
  const out = fs.createWriteStream(file);
  get(url, (res) => {
    if (res.statusCode !== 200) return done(new Error('HTTP ' + res.statusCode));
    res.pipe(out);
    out.on('finish', () => done(null));
  }).on('error', done);
}
function downloadSafely(url, file, done) {
  get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return done(new Error('HTTP ' + res.statusCode));
    }
    res.pipe(fs.createWriteStream(file));
  });
}
function check(url, done) {
  getStatus(url, (status) => done(status === 200));
}
module.exports = { download, downloadSafely, check };
`,
    });
    const { found, messages } = lint(root, 'download.js', 'espree');
    assert.deepEqual(found, ['5:13 unconsumedOnPath']);
    assert.match(messages[0] ?? '', /node:http response passed on by `get\(\)` \(lib\/http\.js:4\) is not read or released on the path that leaves at line 6/);
  });

  it('follows a response an imported wrapper hands to its caller\'s error-first callback (`cb(null, res)`)', () => {
    const root = project({
      'lib/metrics.js': `const https = require('https');
exports.submitData = function submitData(data, cb) {
  const req = https.request(process.env.METRICS_URL, { method: 'POST' }, (res) => cb(null, res));
  req.on('error', cb);
  req.end(JSON.stringify(data));
};
exports.submitStatus = function submitStatus(data, cb) {
  const req = https.request(process.env.METRICS_URL, { method: 'POST' }, (res) => {
    res.resume();
    cb(null, res.statusCode);
  });
  req.on('error', cb);
  req.end(JSON.stringify(data));
};
`,
      'report.js': `const { submitData, submitStatus } = require('./lib/metrics');
function report(data) {
  submitData(data, (err, res) => {
    if (err) return console.error(err);
    if (res.statusCode !== 200) console.warn('metrics rejected', res.statusCode);
  });
}
function reportDrained(data) {
  submitData(data, (err, res) => {
    if (err) return console.error(err);
    res.resume();
  });
}
function reportStatus(data) {
  submitStatus(data, (err, status) => console.log(err, status));
}
module.exports = { report, reportDrained, reportStatus };
`,
    });
    const { found, messages } = lint(root, 'report.js', 'espree');
    assert.deepEqual(found, ['3:26 neverConsumed']);
    assert.match(messages[0] ?? '', /node:http response passed on by `submitData\(\)` \(lib\/metrics\.js:2\) is never read/);
  });

  it('follows a response an imported wrapper returns in a field of an object, and names the field', () => {
    const root = project({
      'lib/guarded-fetch.ts': `export async function guardedFetch(params: { url: string; timeoutMs?: number }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), params.timeoutMs ?? 10_000);
  const response = await fetch(params.url, { signal: controller.signal });
  return { response, release: async () => clearTimeout(timer) };
}
`,
      'probe.ts': `import { guardedFetch } from './lib/guarded-fetch';
export async function probe(baseUrl: string) {
  const { response, release } = await guardedFetch({ url: \`\${baseUrl}/info\` });
  try {
    if (!response.ok) return { reachable: false, status: response.status };
    return { reachable: true, info: await response.json() };
  } finally {
    await release();
  }
}
export async function probeCancelling(baseUrl: string) {
  const { response, release } = await guardedFetch({ url: \`\${baseUrl}/info\` });
  try {
    if (!response.ok) return { reachable: false, status: response.status };
    return { reachable: true, info: await response.json() };
  } finally {
    if (!response.bodyUsed) void response.body?.cancel();
    await release();
  }
}
`,
    });
    const { found, messages } = lint(root, 'probe.ts');
    assert.deepEqual(found, ['3:9 unconsumedOnPath']);
    assert.match(messages[0] ?? '', /fetch response returned as `response` by `guardedFetch\(\)` \(lib\/guarded-fetch\.ts:1\) is not read/);
  });

  it('follows request methods of an axios instance or undici pool another module exports', () => {
    const root = project({
      'lib/upstreams.ts': `import axios from 'axios';
import { Pool } from 'undici';
export const inventoryApi = axios.create({ baseURL: process.env.INVENTORY_URL });
export const tiles = new Pool(process.env.TILES_ORIGIN!);
export const settings = { baseURL: process.env.INVENTORY_URL };
`,
      'app.ts': `import { inventoryApi, tiles, settings } from './lib/upstreams';
export async function exportCsv(send: (data: unknown) => void) {
  const upstream = await inventoryApi.get('/stock/export', { responseType: 'stream' });
  if (upstream.headers['content-type'] !== 'text/csv') return 415;
  send(upstream.data);
  return 200;
}
export async function tile(path: string) {
  const { statusCode, body } = await tiles.request({ path, method: 'GET' });
  if (statusCode !== 200) return undefined;
  return body.arrayBuffer();
}
export async function quiet(path: string) {
  const json = await inventoryApi.get(path);
  const streamed = await inventoryApi.get(path, { responseType: 'stream' });
  streamed.data.resume();
  const { body } = await tiles.request({ path, method: 'GET' });
  await body.dump();
  return [json.status, settings.baseURL];
}
`,
    });
    const { found, messages } = lint(root, 'app.ts');
    assert.deepEqual(found, ['3:9 unconsumedOnPath', '9:9 unconsumedOnPath']);
    assert.match(messages[0] ?? '', /axios \(responseType 'stream'\) response is not read or released on the path that leaves at line 4/);
  });

  it('follows an imported wrapper that calls request() on the pool its caller passes, and only then', () => {
    const root = project({
      'lib/tiles.js': `import { Pool } from 'undici';
export const tiles = new Pool(process.env.TILES_ORIGIN);
export function fetchTile(pool, path) {
  return pool.request({ path, method: 'GET', headers: { accept: 'image/png' } });
}
`,
      'routes.js': `import { tiles, fetchTile } from './lib/tiles.js';
export async function tile(path, reply) {
  const { statusCode, body } = await fetchTile(tiles, path);
  if (statusCode !== 200) return reply.code(404).send();
  return reply.send(body);
}
export async function drained(path, reply) {
  const { statusCode, body } = await fetchTile(tiles, path);
  if (statusCode !== 200) {
    await body.dump();
    return reply.code(404).send();
  }
  return reply.send(body);
}
export async function notAPool(client, path) {
  const { statusCode } = await fetchTile(client, path);
  return statusCode;
}
export async function aStub(path) {
  const { statusCode } = await fetchTile({ request: async () => ({ statusCode: 200, body: null }) }, path);
  return statusCode;
}
`,
    });
    for (const parser of ['typescript', 'espree'] as const) {
      const { found, messages } = lint(root, 'routes.js', parser);
      assert.deepEqual(found, ['3:9 unconsumedOnPath'], parser);
      assert.match(messages[0] ?? '', /undici request\(\) response returned by `fetchTile\(\)` \(lib\/tiles\.js:3\) is not read or released on the path that leaves at line 4/);
    }
  });

  it('keeps the single-file behaviour when the imported module cannot be resolved or is not a wrapper', () => {
    const root = project({
      'lib/http.ts': `export function getJson(url: string) {
  return fetch(url).then((res) => res.json());
}
`,
      'app.ts': `import { getJson } from './lib/http';
import { missing } from './lib/missing';
export async function a(url: string) {
  const data = await getJson(url);
  return data.ok;
}
export async function b(url: string) {
  const res = await missing(url);
  return res.ok;
}
export async function c(url: string) {
  const res = await fetch(url);
  missing(res);
  return res.status;
}
`,
    });
    assert.deepEqual(lint(root, 'app.ts').found, []);
  });
});
