/**
 * no-unconsumed-body on shapes taken from real upstream fixes, within one file: retry loops that
 * drop the response on the retry path (`continue`, `while (true)`, retry until `break`), helpers
 * that give the response back after a status check (`ensureOk(res)`), wrappers whose `fetch`
 * default sits in a destructured options parameter, and node:http callback wrappers. Every shape
 * has its quiet counterpart. Linted with the real ESLint `Linter`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import rule from '../../src/rules/no-unconsumed-body';

// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

interface Result {
  /** `line:column messageId` of every finding. */
  readonly found: string[];
  readonly messages: Linter.LintMessage[];
}

function lint(code: string, parser: 'typescript' | 'espree' = 'typescript'): Result {
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: {
          parser: (parser === 'espree' ? espree : tsParser) as never,
          ecmaVersion: 2024,
          sourceType: parser === 'espree' ? 'commonjs' : 'module',
        },
        plugins: { keepalive: { rules: { 'no-unconsumed-body': rule as never } } },
        rules: { 'keepalive/no-unconsumed-body': 'error' },
      },
    ],
    parser === 'espree' ? 'file.js' : 'file.ts',
  );
  return { found: messages.map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`), messages };
}

/** `code` with the first suggestion of `message` applied. */
function withSuggestion(code: string, message: Linter.LintMessage | undefined): string {
  const fix = message?.suggestions?.[0]?.fix;
  assert.ok(fix, 'the finding offers a suggestion');
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const SLEEP = `declare function sleep(ms: number): Promise<void>;\n`;

describe('retry loops that drop the response on the retry path', () => {
  const forEver = `${SLEEP}export async function fetchWithRetry(url: string, options: RequestInit, retries = 3) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, options);
    if (res.status === 503 && attempt < retries) {
      await sleep(2 ** attempt * 100);
      continue;
    }
    return res;
  }
}
`;

  it('reports a `for (;;)` retry that continues past an unread response, though the response is returned on the other path', () => {
    const { found, messages } = lint(forEver);
    assert.deepEqual(found, ['4:11 retriedUnread']);
    assert.match(messages[0]?.message ?? '', /not read or released before the loop requests again \(line 7\)/);
    // The suggestion releases the body right before `continue`, and the fixed code is quiet.
    const fixed = withSuggestion(forEver, messages[0]);
    assert.match(fixed, /\{ await res\.arrayBuffer\(\); continue; \}|await res\.arrayBuffer\(\);\n\s*continue;/);
    assert.deepEqual(lint(fixed).found, []);
  });

  it('reports the `while (true)` and the bounded `for` forms', () => {
    assert.deepEqual(
      lint(`${SLEEP}export async function poll(url: string) {
  let attempt = 0;
  while (true) {
    const res = await fetch(url);
    if (res.status === 202 && attempt++ < 10) {
      await sleep(1000);
      continue;
    }
    return res;
  }
}
export async function get(url: string, n = 3) {
  for (let attempt = 0; attempt < n; attempt++) {
    const res = await fetch(url);
    if (res.status >= 500) continue;
    return res;
  }
  throw new Error('unavailable');
}
`).found,
      ['5:11 retriedUnread', '15:11 unconsumedOnPath'],
    );
  });

  it('reports a retry that only leaves the loop with `break` on success', () => {
    const { found, messages } = lint(`${SLEEP}export async function upload(url: string, body: string) {
  let res: Response | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    res = await fetch(url, { method: 'PUT', body });
    if (res.ok) break;
    await sleep(500);
  }
  return res;
}
export async function send(url: string) {
  let res: Response;
  let tries = 0;
  do {
    res = await fetch(url, { method: 'POST' });
  } while (res.status === 503 && tries++ < 3);
  return res;
}
`);
    assert.deepEqual(found, ['5:5 retriedUnread', '15:5 retriedUnread']);
    // No `continue` to insert a release before, and one before the request would run on the first attempt too.
    assert.deepEqual(messages[0]?.suggestions ?? [], []);
  });

  it('stays quiet when the response is released before the retry, or the retried status has no body', () => {
    assert.deepEqual(
      lint(`${SLEEP}export async function a(url: string, options: RequestInit, retries = 3) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, options);
    if (res.status === 503 && attempt < retries) {
      await res.body?.cancel();
      await sleep(100);
      continue;
    }
    return res;
  }
}
export async function b(url: string, retries = 3) {
  let attempt = 0;
  while (true) {
    const res = await fetch(url);
    if (res.status === 503 && attempt++ < retries) {
      await res.arrayBuffer();
      continue;
    }
    return res;
  }
}
export async function c(url: string) {
  let res: Response | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (res) await res.body?.cancel();
    res = await fetch(url);
    if (res.ok) break;
  }
  return res;
}
export async function d(urls: string[]) {
  for (const url of urls) {
    const res = await fetch(url);
    if (res.status === 304) continue;
    console.log(await res.text());
  }
}
export async function caller(url: string) {
  const res = await a(url, {});
  return res.json();
}
`).found,
      [],
    );
  });

  it('reports a redirect loop once, at the first response it replaces', () => {
    assert.deepEqual(
      lint(`export async function follow(url: string) {
  let res = await fetch(url, { redirect: 'manual' });
  while (res.status === 301 || res.status === 302) {
    res = await fetch(res.headers.get('location') ?? url, { redirect: 'manual' });
  }
  return res.json();
}
`).found,
      ['2:7 replacedUnread'],
    );
  });
});

describe('helpers that give the response back after a status check', () => {
  const HELPER = `class HttpError extends Error {
  constructor(readonly status: number) { super('HTTP ' + status); }
}
function ensureOk(res: Response) {
  if (!res.ok) throw new HttpError(res.status);
  return res;
}
`;

  it('reports the caller\'s response when the helper throws before anyone reads it, called as a statement or re-bound', () => {
    const { found, messages } = lint(`${HELPER}export async function a(url: string) {
  const res = await fetch(url);
  ensureOk(res);
  return res.json();
}
export async function b(url: string) {
  const res = await fetch(url);
  const ok = ensureOk(res);
  return ok.json();
}
const check = async (res: Response) => { if (res.status >= 400) throw new Error('bad'); return res; };
export async function c(url: string) {
  const res = await fetch(url, { method: 'POST' });
  const checked = await check(res);
  return checked.text();
}
`);
    assert.deepEqual(found, ['9:9 helperThrows', '14:9 helperThrows', '20:9 helperThrows']);
    assert.match(messages[0]?.message ?? '', /when `ensureOk\(\)` throws at line 10/);
  });

  it('follows the body through the helper\'s result: only a status read from it leaves the body unread', () => {
    assert.deepEqual(
      lint(`function identity(res: Response) { return res; }
export async function a(url: string) {
  const res = await fetch(url);
  const same = identity(res);
  return same.status;
}
export async function b(url: string) {
  const res = await fetch(url);
  const same = identity(res);
  return same.json();
}
export async function c(url: string) {
  const res = await fetch(url);
  const same = identity(res);
  return res.text();
}
`).found,
      ['3:9 neverConsumed'],
    );
  });

  it('stays quiet when the helper releases the body before throwing, or the throw is caught here', () => {
    assert.deepEqual(
      lint(`async function ensureOk(res: Response) {
  if (!res.ok) { await res.body?.cancel(); throw new Error('HTTP ' + res.status); }
  return res;
}
function ensureRead(res: Response) {
  if (!res.ok) { void res.text(); throw new Error('HTTP ' + res.status); }
  return res;
}
function assertOk(res: Response) { if (!res.ok) throw new Error('x'); return res; }
function pass(res: Response) { return res; }
export async function a(url: string) {
  const res = await fetch(url);
  await ensureOk(res);
  return res.json();
}
export async function b(url: string) {
  const res = await fetch(url);
  const ok = ensureRead(res);
  return ok.json();
}
export async function c(url: string) {
  const res = await fetch(url);
  try {
    const ok = assertOk(res);
    return await ok.json();
  } finally {
    if (!res.bodyUsed) await res.body?.cancel();
  }
}
export async function d(url: string) {
  const res = await fetch(url);
  return pass(res);
}
export async function e(url: string) {
  const res = await fetch(url);
  return pass(res).status;
}
`).found,
      [],
    );
  });
});

describe('wrappers whose fetch default sits in a destructured options parameter', () => {
  const WRAPPER = `type Fetch = typeof fetch;
async function fetchWithTimeout(url: string, { fetchImpl = fetch, ms = 4000 }: { fetchImpl?: Fetch; ms?: number } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetchImpl(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
`;

  it('reports callers that leave the default in place', () => {
    assert.deepEqual(
      lint(`${WRAPPER}export async function isUp(url: string) {
  const res = await fetchWithTimeout(url);
  return res.ok;
}
export async function load(url: string) {
  const res = await fetchWithTimeout(url, { ms: 1000 });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}
`).found,
      ['12:9 neverConsumed', '16:9 unconsumedOnPath'],
    );
  });

  it('stays quiet for callers that pass their own fetch, or options it cannot see', () => {
    assert.deepEqual(
      lint(`${WRAPPER}export async function a(url: string, mock: Fetch) {
  const res = await fetchWithTimeout(url, { fetchImpl: mock, ms: 10 });
  return res.ok;
}
export async function b(url: string, fetchImpl: Fetch) {
  const res = await fetchWithTimeout(url, { fetchImpl });
  return res.ok;
}
export async function c(url: string, options: { ms: number }) {
  const res = await fetchWithTimeout(url, options);
  return res.ok;
}
`).found,
      [],
    );
  });

  it('works in plain JavaScript too', () => {
    assert.deepEqual(
      lint(
        `async function fetchWithTimeout(url, { fetchImpl = fetch, ms = 4000 } = {}) {
  const signal = AbortSignal.timeout(ms);
  return await fetchImpl(url, { signal });
}
async function isUp(url) {
  const res = await fetchWithTimeout(url);
  return res.ok;
}
async function isUpWith(url, fetchImpl) {
  const res = await fetchWithTimeout(url, { fetchImpl });
  return res.ok;
}
module.exports = { isUp, isUpWith };
`,
        'espree',
      ).found,
      ['6:9 neverConsumed'],
    );
  });
});

describe('node:http callback wrappers', () => {
  const WRAPPERS = `const https = require('https');
const fs = require('fs');
const agent = new https.Agent({ keepAlive: true });
function get(url, onResponse) {
  return https.get(url, { agent, headers: { 'user-agent': 'keepalive' } }, onResponse);
}
function getWith(url, onResponse, options) {
  return https.get(url, options, onResponse);
}
`;

  it('follows the response into the callback given to the wrapper, whichever parameter takes it', () => {
    const { found, messages } = lint(
      `${WRAPPERS}function download(url, file, done) {
  get(url, (res) => {
    if (res.statusCode !== 200) return done(new Error('HTTP ' + res.statusCode));
    res.pipe(fs.createWriteStream(file));
  }).on('error', done);
}
function status(url, done) {
  getWith(url, (res) => done(res.statusCode), { agent });
}
module.exports = { download, status };
`,
      'espree',
    );
    assert.deepEqual(found, ['11:13 unconsumedOnPath', '17:17 neverConsumed']);
    assert.match(messages[0]?.message ?? '', /node:http response is not read or released on the path that leaves at line 12/);
  });

  it('stays quiet when the callback drains the response, and for functions that are not request wrappers', () => {
    assert.deepEqual(
      lint(
        `${WRAPPERS}function later(url, callback) {
  setTimeout(() => callback(url), 10);
}
function download(url, file, done) {
  get(url, (res) => {
    if (res.statusCode !== 200) { res.resume(); return done(new Error('HTTP ' + res.statusCode)); }
    res.pipe(fs.createWriteStream(file));
  });
}
function wait(url, done) {
  later(url, (value) => { if (!value) return done(); done(value.length); });
}
module.exports = { download, wait };
`,
        'espree',
      ).found,
      [],
    );
  });
});

describe('requests that never open a connection', () => {
  it('stays quiet for literal about:, data:, blob: and file: URLs (a capability probe), and still reports https:', () => {
    const probe = `export function supportsDispatcher(dispatcher: unknown): boolean {
  let observed = false;
  void Promise.allSettled([
    fetch('about:blank', {
      get dispatcher() {
        observed = true;
        return dispatcher;
      },
    }),
  ]);
  return observed;
}
export async function dataUrls() {
  await fetch('data:text/plain,hello');
  await fetch(\`blob:nodedata:1234\`);
  await fetch('FILE:///etc/hosts');
}
`;
    assert.deepEqual(lint(probe).found, []);
    const network = `export async function ping() {
  await fetch('https://status.example.com/ping', { method: 'POST' });
}
`;
    assert.deepEqual(lint(network).found, ['2:9 discarded']);
  });
});

describe('responses inside try/finally (a timer cleared in `finally`)', () => {
  const timed = (body: string) => `export async function post(url: string, payload: unknown) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
${body}
}
`;

  it('reports an early return that leaves the body unread, with the response declared inside or before the try', () => {
    const inside = timed(`  try {
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(payload), signal: controller.signal, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      return { ok: false, status: response.status };
    }
    await response.text();
    return { ok: response.ok, status: response.status };
  } finally {
    clearTimeout(timer);
  }`);
    assert.deepEqual(lint(inside).found, ['5:11 unconsumedOnPath']);
    const before = timed(`  const response = await fetch(url, { method: 'POST', signal: controller.signal });
  try {
    if (!response.ok) return false;
    await response.arrayBuffer();
    return true;
  } finally {
    clearTimeout(timer);
  }`);
    assert.deepEqual(lint(before).found, ['4:9 unconsumedOnPath']);
    const emptyFinally = `export async function ping(u: string) { try { const r = await fetch(u); if (!r.ok) return 1; await r.text(); return 2; } finally { } }\n`;
    assert.deepEqual(lint(emptyFinally).found, ['1:53 unconsumedOnPath']);
  });

  it('stays quiet when every exit reads or releases the body, or the finally block releases it', () => {
    const readEverywhere = timed(`  try {
    const response = await fetch(url, { method: 'POST', signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel();
      return false;
    }
    await response.text();
    return true;
  } finally {
    clearTimeout(timer);
  }`);
    assert.deepEqual(lint(readEverywhere).found, []);
    const releasedInFinally = timed(`  const response = await fetch(url, { method: 'POST', signal: controller.signal });
  try {
    if (!response.ok) return false;
    return (await response.json()) as unknown;
  } finally {
    clearTimeout(timer);
    if (!response.bodyUsed) await response.body?.cancel();
  }`);
    assert.deepEqual(lint(releasedInFinally).found, []);
    const readThenThrowCaught = timed(`  try {
    const response = await fetch(url, { signal: controller.signal });
    const text = await response.text();
    return text.length;
  } finally {
    clearTimeout(timer);
  }`);
    assert.deepEqual(lint(readThenThrowCaught).found, []);
  });
});

describe('retry helpers given the request as a function (`fn: () => Promise<Response>`)', () => {
  // Infisical's node SDK before its fix: a 429 is retried without releasing the body.
  const onRateLimit = `${SLEEP}export const fetchWithRetry = async (fn: () => Promise<Response>, maxRetries = 4): Promise<Response> => {
  let attempt = 0;
  while (attempt <= maxRetries) {
    try {
      const response = await fn();
      if (response.status === 429) {
        attempt++;
        if (attempt > maxRetries) return response;
        await sleep(1000 * attempt);
        continue;
      }
      return response;
    } catch (err) {
      attempt++;
      if (attempt > maxRetries) throw err;
      await sleep(1000 * attempt);
    }
  }
  throw new Error('retries exhausted');
};
`;
  // Boxel's loader before its fix: a gateway error is retried, the response kept in an outer `let`.
  const onGatewayError = `${SLEEP}const RETRYABLE = new Set([502, 503, 504]);
export async function fetchWithTransientRetry(doFetch: () => Promise<Response>, maxAttempts = 3): Promise<Response> {
  let response: Response;
  for (let attempt = 1; ; attempt++) {
    response = await doFetch();
    if (!RETRYABLE.has(response.status) || attempt === maxAttempts) {
      return response;
    }
    await sleep(250 * attempt);
  }
}
`;

  it('reports the retry path of a helper whose requests come from a function parameter', () => {
    const { found, messages } = lint(onRateLimit);
    assert.deepEqual(found, ['6:13 unconsumedOnPath']);
    assert.deepEqual(lint(withSuggestion(onRateLimit, messages[0])).found, []);
    assert.deepEqual(lint(onGatewayError).found, ['6:5 retriedUnread']);
  });

  it('follows `doFetch: typeof fetch` like fetch itself', () => {
    const code = `export async function postEvent(doFetch: typeof fetch, url: string) {
  const res = await doFetch(url, { method: 'POST' });
  if (!res.ok) throw new Error('rejected: ' + res.status);
  return res.json();
}
`;
    assert.deepEqual(lint(code).found, ['2:9 unconsumedOnPath']);
  });

  it('stays quiet where the helper releases the body, hands the response back, or the type is not a fetch request', () => {
    const released = onRateLimit.replace('await sleep(1000 * attempt);\n        continue;', 'await response.body?.cancel();\n        await sleep(1000 * attempt);\n        continue;');
    assert.notEqual(released, onRateLimit);
    assert.deepEqual(lint(released).found, []);
    assert.deepEqual(lint(`export async function withRetry(fn: () => Promise<Response>) {\n  return fn();\n}\n`).found, []);
    // No name says the function makes a request: a probe given some function of that type.
    assert.deepEqual(lint(`export async function status(probe: typeof fetch, url: string) {\n  const res = await probe(url);\n  return res.ok;\n}\n`).found, []);
    // A server's request handler gets the response it is about to send: no socket behind it.
    assert.deepEqual(
      lint(`export async function handleRequest(request: Request, next: () => Promise<Response>) {
  const res = await next();
  if (res.status === 404) return new Response('not here', { status: 404 });
  return res;
}
`).found,
      [],
    );
    assert.deepEqual(
      lint(`export async function middleware(req: Request, next: () => Promise<Response>) {
  const res = await next();
  if (res.status === 404) return new Response('not here', { status: 404 });
  return res;
}
`).found,
      [],
    );
    // An Express response (or any type of the file named Response) is not a fetch response.
    assert.deepEqual(
      lint(`import type { Response } from 'express';
export async function fetchWithRetry(fn: () => Promise<Response>) {
  const res = await fn();
  if (!res.headersSent) throw new Error('not sent');
}
`).found,
      [],
    );
  });
});

describe('one condition asked twice: the second test has the answer the path already took', () => {
  it('stays quiet when two tests with opposite answers between them release or read the body on every path', () => {
    assert.deepEqual(
      lint(`import { request } from 'undici';
export async function poll(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) await body.dump();
  if (statusCode === 200) {
    return body.json();
  }
  return null;
}
export async function check(url: string) {
  const res = await fetch(url);
  if (!res.ok) await res.body?.cancel();
  if (res.ok) return res.json();
  return null;
}
`).found,
      [],
    );
  });

  it('still reports when the value may have changed in between, or the tests ask different questions', () => {
    // the local is assigned again between the tests
    assert.deepEqual(
      lint(`import { request } from 'undici';
export async function poll(url: string) {
  let { statusCode, body } = await request(url);
  if (statusCode !== 200) await body.dump();
  statusCode = 200;
  if (statusCode === 200) return null;
  return body.json();
}
`).found,
      ['3:7 unconsumedOnPath'],
    );
    // a property read again after a call: the call may have changed it
    assert.deepEqual(
      lint(`declare function refresh(state: { ready: boolean }): void;
export async function load(url: string, state: { ready: boolean }) {
  const res = await fetch(url);
  if (!state.ready) await res.body?.cancel();
  refresh(state);
  if (state.ready) return res.json();
  return null;
}
`).found,
      ['3:9 unconsumedOnPath'],
    );
    // 200 and 404 are two questions: a 500 reads neither
    assert.deepEqual(
      lint(`export async function get(url: string) {
  const res = await fetch(url);
  if (res.status === 200) return res.json();
  if (res.status === 404) return null;
  return res.text();
}
`).found,
      ['2:9 unconsumedOnPath'],
    );
  });
});
