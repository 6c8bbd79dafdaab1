/**
 * no-unconsumed-body through same-file code: wrappers (a `fetch` default parameter, `.finally()`,
 * retries by recursion, promisified `http.get`, class methods), Promise combinators, helpers that
 * only look at the status, retry loops that keep the failed response, known-empty bodies, and
 * HEAD requests decided by a wrapper's caller. Every heuristic has its negative cases.
 */
import { RuleTester } from '../support/rule-tester';
import rule, { CLIENT_LABEL, CONSEQUENCE } from '../../src/rules/no-unconsumed-body';

const fetchData = { client: CLIENT_LABEL.fetch, consequence: CONSEQUENCE.fetch, origin: '' };

const ruleTester = new RuleTester(); // @typescript-eslint/parser

/** \`code\` with \`release\` on a line of its own after the statement that ends with \`statement\`. */
const releasedAfter = (code: string, statement: string, release: string) => code.replace(statement, `${statement}\n  ${release}`);

/**
 * A case whose response (bound at \`line\`, in the statement ending with \`statement\`) is only read for
 * its status: reported, with the read and cancel suggestions on the next line.
 */
const readOnlyStatus = (name: string, code: string, line: number, statement: string) => ({
  name,
  code,
  errors: [
    {
      messageId: 'neverConsumed' as const,
      line,
      suggestions: [
        { messageId: 'suggestRead' as const, output: releasedAfter(code, statement, 'await res.arrayBuffer();') },
        { messageId: 'suggestCancel' as const, output: releasedAfter(code, statement, 'await res.body?.cancel();') },
      ],
    },
  ],
});

/** A timeout wrapper whose promise is resolved from the response's \`.then()\` callback. */
const TIMEOUT_WRAPPER = `
function fetchWithTimeout(url: string, timeout: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), timeout);
    fetch(url)
      .then((response) => {
        clearTimeout(timer);
        resolve(response);
      })
      .catch(reject);
  });
}
export async function isUp(url: string) {
  const res = await fetchWithTimeout(url, 5000);
  return res.ok;
}`;

/** A wrapper that sends the caller's method, GET by default. */
const RAW_GET = `
function rawGet(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, method: init.method ?? 'GET' });
}
export async function exists(url: string) {
  const res = await rawGet(url);
  return res.ok;
}`;

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-unconsumed-body (same-file code flow)', rule as never, {
  valid: [
    // The responses \`filter\` selects are read afterwards: not a count only.
    `export async function okBodies(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return Promise.all(responses.filter((res) => res.ok).map((res) => res.json()));
}`,
  // A: wrapper with a fetch default parameter, caller passes its own function
  `async function get(url: string, doFetch = fetch) { return doFetch(url); }
  export async function status(url: string, mock: (url: string) => Promise<{ ok: boolean }>) {
    const res = await get(url, mock);
    return res.ok;
  }`,
  // A: .finally() wrapper whose response is read by the caller
  `function fetchWithTimeout(url: string, ms: number) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    return fetch(url, { signal: controller.signal }).finally(() => clearTimeout(timer));
  }
  export async function load(url: string) {
    const res = await fetchWithTimeout(url, 5000);
    if (!res.ok) { await res.body?.cancel(); throw new Error(String(res.status)); }
    return res.json();
  }`,
  // A: a .finally() chain after .then() is not a response
  `function getJson(url: string) { return fetch(url).then((res) => res.json()).finally(() => console.log('done')); }
  export async function load(url: string) { const data = await getJson(url); return data.ok; }`,
  // A: recursive retry that releases the dropped response, caller reads the body
  `async function fetchRetry(url: string, attempts = 3): Promise<Response> {
    const res = await fetch(url);
    if (res.status >= 500 && attempts > 1) {
      await res.body?.cancel();
      return fetchRetry(url, attempts - 1);
    }
    return res;
  }
  export async function load(url: string) {
    const res = await fetchRetry(url);
    return res.json();
  }`,
  // A: Promise.all elements read, returned, or the whole array handed off
  `export async function both(a: string, b: string) {
    const [first, second] = await Promise.all([fetch(a), fetch(b)]);
    return [await first.json(), await second.json()];
  }`,
  `export async function both(a: string, b: string) {
    const responses = await Promise.all([fetch(a), fetch(b)]);
    return responses;
  }`,
  `export async function all(urls: string[]) {
    const responses = await Promise.all(urls.map((url) => fetch(url)));
    return Promise.all(responses.map((res) => res.json()));
  }`,
  `export async function all(urls: string[]) {
    return Promise.all(urls.map(async (url) => { const res = await fetch(url, { method: 'POST' }); await res.text(); return res.status; }));
  }`,
  `export async function settle(a: string, b: string) {
    const results = await Promise.allSettled([fetch(a), fetch(b)]);
    return results;
  }`,
  // A: a race that releases the loser (shared abort signal, aborted after the race)
  `export async function fastest(a: string, b: string) {
    const controller = new AbortController();
    const res = await Promise.race([fetch(a, { signal: controller.signal }), fetch(b, { signal: controller.signal })]);
    controller.abort();
    return res.json();
  }`,
  // A: a race against a timer is not a race of responses
  `declare function timeout(ms: number): Promise<never>;
  export async function load(url: string) {
    const res = await Promise.race([fetch(url), timeout(5000)]);
    return res;
  }`,
  // A: a helper that reads the body consumes it
  `async function ensureOk(res: Response) {
    if (!res.ok) throw new Error(\`HTTP \${res.status}: \${await res.text()}\`);
  }
  export async function load(url: string) {
    const res = await fetch(url);
    await ensureOk(res);
    return res.json();
  }`,
  // A: a helper that returns or stores the response hands it off
  `const seen: Response[] = [];
  function remember(res: Response) { seen.push(res); }
  export async function load(url: string) { const res = await fetch(url); remember(res); return res.status; }`,
  `function pass(res: Response) { return res; }
  export async function load(url: string) { const res = await fetch(url); return pass(res).status; }`,
  // A: a metadata-only helper that throws, called inside try/finally that releases the body
  `function assertOk(res: Response) { if (!res.ok) throw new Error(String(res.status)); }
  export async function load(url: string) {
    const res = await fetch(url);
    try {
      assertOk(res);
      return await res.json();
    } finally {
      if (!res.bodyUsed) await res.body?.cancel();
    }
  }`,
  // A: a metadata-only helper whose throw is caught inside it
  `function isOk(res: Response) { try { if (!res.ok) throw new Error('x'); return true; } catch { return false; } }
  export async function load(url: string) { const res = await fetch(url); if (!isOk(res)) { await res.body?.cancel(); return null; } return res.json(); }`,
  // A: retry loop that releases the previous response before keeping it
  `export async function post(url: string, body: string) {
    let lastStatus = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(url, { method: 'POST', body });
      if (res.ok) return res.json();
      lastStatus = res.status;
      await res.body?.cancel();
    }
    throw new Error(\`failed with \${lastStatus}\`);
  }`,
  `export async function post(url: string, body: string) {
    let last: Response | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(url, { method: 'POST', body });
      if (res.ok) return res.json();
      last = res;
      await res.body?.cancel();
    }
    throw new Error(\`failed with \${last?.status}\`);
  }`,
  // C: known-empty bodies
  `export async function send(url: string) {
    const res = await fetch(url, { method: 'POST' });
    if (res.headers.get('content-length') === '0') return null;
    return res.json();
  }`,
  `export async function send(url: string) {
    const res = await fetch(url, { method: 'POST' });
    if (res.headers.get('Content-Length') !== '0') return res.json();
    return null;
  }`,
  `export async function send(url: string) {
    const res = await fetch(url, { method: 'POST' });
    if (res.status === 205) return null;
    return res.json();
  }`,
  // C: the length header through a number conversion, a one-sided `&&`, a HEAD `Request` object
  `export async function send(url: string) {
    const res = await fetch(url, { method: 'POST' });
    if (parseInt(res.headers.get('content-length') ?? '', 10) === 0) return res.status;
    return res.json();
  }`,
  `export async function send(url: string) {
    const res = await fetch(url, { method: 'POST' });
    if (Number.parseFloat(res.headers.get('content-length')!) !== 0) return res.json();
    return null;
  }`,
  `export async function send(url: string) {
    const res = await fetch(url, { method: 'POST' });
    if (res.ok && res.status === 204) return null;
    if (!res.ok) { await res.body?.cancel(); throw new Error(String(res.status)); }
    return res.json();
  }`,
  `export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'HEAD' })); return res.ok; }`,
  `import { request } from 'undici';
  export async function send(url: string) {
    const { statusCode, body } = await request(url, { method: 'POST' });
    if (statusCode === 304) return 'not modified';
    return body.json();
  }`,
  // C: HEAD through wrappers
  `function request(url: string, method: string) { return fetch(url, { method }); }
  export async function exists(url: string) { const res = await request(url, 'HEAD'); return res.ok; }`,
  `function request(url: string, init?: RequestInit) { return fetch(url, init); }
  export async function exists(url: string) { const res = await request(url, { method: 'HEAD' }); return res.ok; }`,
  // a promise wrapper that resolves with what \`.then()\` made of the response: the parsed body
  `function getData(url: string): Promise<{ status: number }> {
    return new Promise((resolve, reject) => {
      fetch(url).then((r) => r.json()).then(resolve).catch(reject);
    });
  }
  export async function status(url: string) { const data = await getData(url); return data.status; }`,
  // a promise wrapper that resolves with the response, whose caller reads the body
  `function timed(url: string, ms: number): Promise<Response> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), ms);
      fetch(url).then((response) => { clearTimeout(timer); resolve(response); }, reject);
    });
  }
  export async function load(url: string) { const res = await timed(url, 1000); return res.json(); }`,
  // the wrapper defaults the method but takes the caller's when given
  `function rawGet(url: string, init: RequestInit = {}) { return fetch(url, { ...init, method: init.method ?? 'GET' }); }
  export async function exists(url: string) { const res = await rawGet(url, { method: 'HEAD' }); return res.ok; }`,
  `function request(url: string, method?: string) { return fetch(url, { method: method || 'GET' }); }
  export async function exists(url: string) { const res = await request(url, 'HEAD'); return res.ok; }`,
  `const METHOD = 'HEAD';
  export async function exists(url: string) { const res = await fetch(url, { method: METHOD }); return res.ok; }`,
  `function head(url: string) { return fetch(url, { method: 'HEAD' }); }
  export async function exists(url: string) { const res = await head(url); return res.ok; }`,
  // D: returned, stored on this, piped, handed to test assertions
  `export async function proxy(url: string) { const res = await fetch(url); if (!res.ok) return res; return res; }`,
  `export class Client { last?: Response; async load(url: string) { const res = await fetch(url); this.last = res; return res.status; } }`,
  `import { pipeline } from 'node:stream/promises';
  import { Readable } from 'node:stream';
  import { createWriteStream } from 'node:fs';
  export async function save(url: string, file: string) {
    const res = await fetch(url);
    if (!res.body) throw new Error('no body');
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
  }`,
  `import { test } from 'node:test';
  import assert from 'node:assert/strict';
  test('refuses unknown hosts', async () => { await assert.rejects(fetch('http://invalid.invalid/')); });`,
    // A: an async metadata-only helper called without `await` cannot throw into the caller
    `async function assertOk(res: Response) { if (!res.ok) throw new Error(String(res.status)); }
    export async function load(url: string) { const res = await fetch(url); void assertOk(res); return res.json(); }`,
    // A: a promisified https.get that resolves with the text, not the response
    `import https from 'node:https';
    function getText(url: string) {
      return new Promise<string>((resolve, reject) => {
        https.get(url, (res) => {
          let text = '';
          res.on('data', (chunk) => { text += chunk; });
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
    }
    export async function length(url: string) { const text = await getText(url); return text.length; }`,
    // A: a class method returning a response whose caller reads it, also through \`this\`
    `class Api {
      private get(path: string) { return fetch(\`https://api.example.com\${path}\`); }
      async user(id: string) { const res = await this.get(\`/users/\${id}\`); return res.json(); }
    }
    export const api = new Api();`,
    // A: a method of a class instance that reads the body itself is not a response source
    `class Api { async post(url: string) { const res = await fetch(url, { method: 'POST' }); return res.text(); } }
    const api = new Api();
    export async function track(url: string) { const text = await api.post(url); return text.length; }`,
    // D: tests that expect the request to fail: the path with a response fails the test anyway
    `import { test } from 'node:test';
    import assert from 'node:assert/strict';
    test('refuses the tunnel', async () => {
      try {
        await fetch('http://127.0.0.1:1/', { method: 'POST' });
        assert.fail('should have thrown');
      } catch (err) {
        assert.match(String(err), /fetch failed/);
      }
    });`,
    `import http from 'node:http';
    function request(opts: http.RequestOptions) {
      return new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.request(opts, resolve);
        req.on('error', reject);
        req.end();
      });
    }
    export async function run(agent: http.Agent) {
      try {
        const res = await request({ hostname: 'www.example.com', agent });
        console.error(new Error('Should throw'), res.statusCode);
        process.exit(1);
      } catch (err) {
        console.log('refused as expected', err);
      }
    }`,
    `import { request } from 'undici';
    import { test } from 'node:test';
    test('the closed server refuses the request', (t) => {
      request('http://127.0.0.1:1/').then(
        () => { t.assert.fail('Request should not succeed'); },
        () => { t.assert.ok(true); },
      );
    });`,
    `import http from 'node:http';
    export function badClient(options: http.RequestOptions, reject: (error: Error) => void) {
      const req = http.request(options, () => {
        reject(new Error('Request should have failed'));
      });
      req.end();
    }`,
  ],
  invalid: [
    // known-empty heuristics, negative: a number conversion of the length compared with another value
    {
      name: 'a number conversion of the length compared with another value',
      code: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) === 1) return res.status;
  return res.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) === 1) { await res.arrayBuffer(); return res.status; }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) === 1) { await res.body?.cancel(); return res.status; }
  return res.json();
}` },
                 ] }],
    },
    // known-empty heuristics, negative: a number conversion of the length that is not zero on the leaking path
    {
      name: 'a number conversion of the length that is not zero on the leaking path',
      code: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) !== 0) return res.status;
  return res.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) !== 0) { await res.arrayBuffer(); return res.status; }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) !== 0) { await res.body?.cancel(); return res.status; }
  return res.json();
}` },
                 ] }],
    },
    // known-empty heuristics, negative: Number() of headers.get(), which is 0 for a missing header
    {
      name: 'Number() of headers.get() (null, so 0, when the header is missing)',
      code: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) === 0) return res.status;
  return res.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) === 0) { await res.arrayBuffer(); return res.status; }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (Number(res.headers.get('content-length')) === 0) { await res.body?.cancel(); return res.status; }
  return res.json();
}` },
                 ] }],
    },
    // known-empty heuristics, negative: the length of another response
    {
      name: 'the length of another response',
      code: `
export async function send(url: string, other: Response) {
  const res = await fetch(url, { method: 'POST' });
  if (parseInt(other.headers.get('content-length') ?? '', 10) === 0) return res.status;
  return res.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function send(url: string, other: Response) {
  const res = await fetch(url, { method: 'POST' });
  if (parseInt(other.headers.get('content-length') ?? '', 10) === 0) { await res.arrayBuffer(); return res.status; }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
export async function send(url: string, other: Response) {
  const res = await fetch(url, { method: 'POST' });
  if (parseInt(other.headers.get('content-length') ?? '', 10) === 0) { await res.body?.cancel(); return res.status; }
  return res.json();
}` },
                 ] }],
    },
    // known-empty heuristics, negative: `||` with a bodyless status does not prove the body empty
    {
      name: '`||` with a bodyless status does not prove the body empty',
      code: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.ok || res.status === 204) return res.status;
  return res.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.ok || res.status === 204) { await res.arrayBuffer(); return res.status; }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.ok || res.status === 204) { await res.body?.cancel(); return res.status; }
  return res.json();
}` },
                 ] }],
    },
    // known-empty heuristics, negative: a GET Request object
    {
      name: 'a GET Request object',
      code: `
export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'GET' })); return res.ok; }`,
      errors: [{ messageId: 'neverConsumed', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'GET' })); await res.arrayBuffer(); return res.ok; }` },
                   { messageId: 'suggestCancel', output: `
export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'GET' })); await res.body?.cancel(); return res.ok; }` },
                 ] }],
    },
    // known-empty heuristics, negative: a HEAD Request object whose init overrides the method
    {
      name: 'a HEAD Request object whose init overrides the method',
      code: `
export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'HEAD' }), { method: 'GET' }); return res.ok; }`,
      errors: [{ messageId: 'neverConsumed', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'HEAD' }), { method: 'GET' }); await res.arrayBuffer(); return res.ok; }` },
                   { messageId: 'suggestCancel', output: `
export async function exists(url: string) { const res = await fetch(new Request(url, { method: 'HEAD' }), { method: 'GET' }); await res.body?.cancel(); return res.ok; }` },
                 ] }],
    },
    // wrapper with a fetch default parameter
    {
      name: "wrapper with a fetch default parameter",
      code: `
async function get(url: string, doFetch = fetch) {
  return doFetch(url);
}
export async function load(url: string) {
  const res = await get(url);
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 6,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
async function get(url: string, doFetch = fetch) {
  return doFetch(url);
}
export async function load(url: string) {
  const res = await get(url);
  if (!res.ok) { await res.arrayBuffer(); throw new Error(String(res.status)); }
  return res.json();
}` },
            { messageId: 'suggestCancel', output: `
async function get(url: string, doFetch = fetch) {
  return doFetch(url);
}
export async function load(url: string) {
  const res = await get(url);
  if (!res.ok) { await res.body?.cancel(); throw new Error(String(res.status)); }
  return res.json();
}` },
          ],
        },
      ],
    },
    // wrapper chaining .finally()
    {
      name: "wrapper chaining .finally()",
      code: `
function fetchWithTimeout(url: string, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(url, { signal: controller.signal }).finally(() => clearTimeout(timer));
}
export async function isUp(url: string) {
  const res = await fetchWithTimeout(url, 5000);
  return res.ok;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 8,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
function fetchWithTimeout(url: string, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(url, { signal: controller.signal }).finally(() => clearTimeout(timer));
}
export async function isUp(url: string) {
  const res = await fetchWithTimeout(url, 5000);
  await res.arrayBuffer();
  return res.ok;
}` },
            { messageId: 'suggestCancel', output: `
function fetchWithTimeout(url: string, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(url, { signal: controller.signal }).finally(() => clearTimeout(timer));
}
export async function isUp(url: string) {
  const res = await fetchWithTimeout(url, 5000);
  await res.body?.cancel();
  return res.ok;
}` },
          ],
        },
      ],
    },
    // retry by recursion: the dropped response inside, and the caller
    {
      name: "retry by recursion: the dropped response inside, and the caller",
      code: `
async function fetchRetry(url: string, attempts = 3): Promise<Response> {
  const res = await fetch(url);
  if (res.status >= 500 && attempts > 1) return fetchRetry(url, attempts - 1);
  return res;
}
export async function isHealthy(url: string) {
  const res = await fetchRetry(url);
  return res.ok;
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
async function fetchRetry(url: string, attempts = 3): Promise<Response> {
  const res = await fetch(url);
  if (res.status >= 500 && attempts > 1) { await res.arrayBuffer(); return fetchRetry(url, attempts - 1); }
  return res;
}
export async function isHealthy(url: string) {
  const res = await fetchRetry(url);
  return res.ok;
}` },
            { messageId: 'suggestCancel', output: `
async function fetchRetry(url: string, attempts = 3): Promise<Response> {
  const res = await fetch(url);
  if (res.status >= 500 && attempts > 1) { await res.body?.cancel(); return fetchRetry(url, attempts - 1); }
  return res;
}
export async function isHealthy(url: string) {
  const res = await fetchRetry(url);
  return res.ok;
}` },
          ],
        },
        {
          messageId: 'neverConsumed',
          line: 8,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
async function fetchRetry(url: string, attempts = 3): Promise<Response> {
  const res = await fetch(url);
  if (res.status >= 500 && attempts > 1) return fetchRetry(url, attempts - 1);
  return res;
}
export async function isHealthy(url: string) {
  const res = await fetchRetry(url);
  await res.arrayBuffer();
  return res.ok;
}` },
            { messageId: 'suggestCancel', output: `
async function fetchRetry(url: string, attempts = 3): Promise<Response> {
  const res = await fetch(url);
  if (res.status >= 500 && attempts > 1) return fetchRetry(url, attempts - 1);
  return res;
}
export async function isHealthy(url: string) {
  const res = await fetchRetry(url);
  await res.body?.cancel();
  return res.ok;
}` },
          ],
        },
      ],
    },
    // a response declared in a try block is dropped where the block ends, not at the function's later return
    {
      name: 'a response declared in a try block, read only when ok',
      code: `export async function credentials(base: string) {
  const headers: Record<string, string> = {};
  try {
    const tokenResponse = await fetch(\`\${base}/token\`, { method: 'PUT' });
    if (tokenResponse.ok) {
      headers.token = await tokenResponse.text();
    }
  } catch {
    // no token: carry on without one
  }
  const roles = await fetch(\`\${base}/roles\`, { headers });
  return roles.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 4, data: { ...fetchData, line: 8 } }],
    },
    // a timeout wrapper: \`new Promise\` resolved from the response's \`.then()\` callback
    readOnlyStatus('a timeout wrapper that resolves its promise from .then()', TIMEOUT_WRAPPER, 14, 'await fetchWithTimeout(url, 5000);'),
    // a wrapper that defaults the method, called without one: a GET
    readOnlyStatus('a wrapper that defaults the method, called without one', RAW_GET, 6, 'await rawGet(url);'),
    // wrapper whose caller passes the method (not HEAD)
    {
      name: "wrapper whose caller passes the method (not HEAD)",
      code: `
function request(url: string, method: string) {
  return fetch(url, { method });
}
export async function remove(url: string) {
  const res = await request(url, 'DELETE');
  return res.ok;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 6,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
function request(url: string, method: string) {
  return fetch(url, { method });
}
export async function remove(url: string) {
  const res = await request(url, 'DELETE');
  await res.arrayBuffer();
  return res.ok;
}` },
            { messageId: 'suggestCancel', output: `
function request(url: string, method: string) {
  return fetch(url, { method });
}
export async function remove(url: string) {
  const res = await request(url, 'DELETE');
  await res.body?.cancel();
  return res.ok;
}` },
          ],
        },
      ],
    },
    // Promise.all elements destructured, only metadata read
    {
      name: "Promise.all elements destructured, only metadata read",
      code: `
export async function bothUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  return first.ok && second.ok;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 3,
          column: 10,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function bothUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await first.arrayBuffer();
  return first.ok && second.ok;
}` },
            { messageId: 'suggestCancel', output: `
export async function bothUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await first.body?.cancel();
  return first.ok && second.ok;
}` },
          ],
        },
        {
          messageId: 'neverConsumed',
          line: 3,
          column: 17,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function bothUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await second.arrayBuffer();
  return first.ok && second.ok;
}` },
            { messageId: 'suggestCancel', output: `
export async function bothUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await second.body?.cancel();
  return first.ok && second.ok;
}` },
          ],
        },
      ],
    },
    // Promise.all element the pattern drops
    {
      name: "Promise.all element the pattern drops",
      code: `
export async function user(a: string, b: string) {
  const [profile] = await Promise.all([fetch(a), fetch(b)]);
  return profile.json();
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 3,
          column: 50,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function user(a: string, b: string) {
  const [profile] = await Promise.all([fetch(a), fetch(b).then(async (response) => { await response.arrayBuffer(); return response; })]);
  return profile.json();
}` },
            { messageId: 'suggestCancel', output: `
export async function user(a: string, b: string) {
  const [profile] = await Promise.all([fetch(a), fetch(b).then(async (response) => { await response.body?.cancel(); return response; })]);
  return profile.json();
}` },
          ],
        },
      ],
    },
    // Promise.all over urls.map(fetch POST) discarded
    {
      name: "Promise.all over urls.map(fetch POST) discarded",
      code: `
export async function broadcast(urls: string[], event: unknown) {
  await Promise.all(urls.map((url) => fetch(url, { method: 'POST', body: JSON.stringify(event) })));
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 3,
          column: 39,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function broadcast(urls: string[], event: unknown) {
  await Promise.all(urls.map((url) => fetch(url, { method: 'POST', body: JSON.stringify(event) }).then(async (response) => { await response.arrayBuffer(); return response; })));
}` },
            { messageId: 'suggestCancel', output: `
export async function broadcast(urls: string[], event: unknown) {
  await Promise.all(urls.map((url) => fetch(url, { method: 'POST', body: JSON.stringify(event) }).then(async (response) => { await response.body?.cancel(); return response; })));
}` },
          ],
        },
      ],
    },
    // Promise.all collection inspected for status only
    {
      name: "Promise.all collection inspected for status only",
      code: `
export async function allAccepted(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })));
  return responses.every((res) => res.ok);
}`,
      errors: [
        {
          messageId: 'collectedUnread',
          data: fetchData,
          line: 3,
          column: 27,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function allAccepted(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })).map((pending) => pending.then(async (response) => { await response.arrayBuffer(); return response; })));
  return responses.every((res) => res.ok);
}` },
            { messageId: 'suggestCancel', output: `
export async function allAccepted(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })).map((pending) => pending.then(async (response) => { await response.body?.cancel(); return response; })));
  return responses.every((res) => res.ok);
}` },
          ],
        },
      ],
    },
    // Promise.all collection counted through .filter(...).length
    {
      name: 'Promise.all collection counted through filter().length',
      code: `
export async function accepted(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })));
  return responses.filter((res) => res.ok).length;
}`,
      errors: [
        {
          messageId: 'collectedUnread',
          data: fetchData,
          line: 3,
          column: 27,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function accepted(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })).map((pending) => pending.then(async (response) => { await response.arrayBuffer(); return response; })));
  return responses.filter((res) => res.ok).length;
}` },
            { messageId: 'suggestCancel', output: `
export async function accepted(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })).map((pending) => pending.then(async (response) => { await response.body?.cancel(); return response; })));
  return responses.filter((res) => res.ok).length;
}` },
          ],
        },
      ],
    },
    // Promise.race over responses without releasing the losers
    {
      name: "Promise.race over responses without releasing the losers",
      code: `
export async function fastest(a: string, b: string) {
  const res = await Promise.race([fetch(a), fetch(b)]);
  return res.json();
}`,
      errors: [
        {
          messageId: 'raceLosersUnread',
          data: fetchData,
          line: 3,
          column: 21,
          suggestions: [],
        },
      ],
    },
    // metadata-only helper that throws before the body is read
    {
      name: "metadata-only helper that throws before the body is read",
      code: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function load(url: string) {
  const res = await fetch(url);
  assertOk(res);
  return res.json();
}`,
      errors: [
        {
          messageId: 'helperThrows',
          line: 6,
          column: 9,
          data: { ...fetchData, helper: 'assertOk', line: 7 },
          suggestions: [
            { messageId: 'suggestRead', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function load(url: string) {
  const res = await fetch(url);
  try {
    assertOk(res);
  } catch (error) {
    await res.arrayBuffer();
    throw error;
  }
  return res.json();
}` },
            { messageId: 'suggestCancel', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function load(url: string) {
  const res = await fetch(url);
  try {
    assertOk(res);
  } catch (error) {
    await res.body?.cancel();
    throw error;
  }
  return res.json();
}` },
          ],
        },
      ],
    },
    // metadata-only helper is not a hand-off
    {
      name: "metadata-only helper is not a hand-off",
      code: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  assertOk(res);
  return res.status;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 6,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  try {
    assertOk(res);
  } catch (error) {
    await res.arrayBuffer();
    throw error;
  }
  await res.arrayBuffer();
  return res.status;
}` },
            { messageId: 'suggestCancel', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  try {
    assertOk(res);
  } catch (error) {
    await res.body?.cancel();
    throw error;
  }
  await res.body?.cancel();
  return res.status;
}` },
          ],
        },
      ],
    },
    // retry loop keeps the failed response (last = res) and drops it
    {
      name: "retry loop keeps the failed response (last = res) and drops it",
      code: `
export async function postWithRetry(url: string, body: string) {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url, { method: 'POST', body });
    if (res.ok) return res.json();
    last = res;
  }
  throw new Error(\`failed with \${last?.status}\`);
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 5,
          column: 11,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function postWithRetry(url: string, body: string) {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url, { method: 'POST', body });
    if (res.ok) { await last?.arrayBuffer(); return res.json(); }
    await last?.arrayBuffer();
    last = res;
  }
  await last?.arrayBuffer();
  throw new Error(\`failed with \${last?.status}\`);
}` },
            { messageId: 'suggestCancel', output: `
export async function postWithRetry(url: string, body: string) {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url, { method: 'POST', body });
    if (res.ok) { await last?.body?.cancel(); return res.json(); }
    await last?.body?.cancel();
    last = res;
  }
  await last?.body?.cancel();
  throw new Error(\`failed with \${last?.status}\`);
}` },
          ],
        },
      ],
    },
    // content-length check that does not prove the body empty
    {
      name: "content-length check that does not prove the body empty",
      code: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.headers.get('content-length') !== '0') return null;
  return res.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.headers.get('content-length') !== '0') { await res.arrayBuffer(); return null; }
  return res.json();
}` },
            { messageId: 'suggestCancel', output: `
export async function send(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.headers.get('content-length') !== '0') { await res.body?.cancel(); return null; }
  return res.json();
}` },
          ],
        },
      ],
    },
    // promisified https.get wrapper
    {
      name: "promisified https.get wrapper",
      code: `
import http from 'node:http';
import https from 'node:https';
function get(url: string) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    https.get(url, resolve).on('error', reject);
  });
}
export async function isReachable(url: string) {
  const res = await get(url);
  return res.statusCode === 200;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 10,
          column: 9,
          suggestions: [
            { messageId: 'suggestResume', output: `
import http from 'node:http';
import https from 'node:https';
function get(url: string) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    https.get(url, resolve).on('error', reject);
  });
}
export async function isReachable(url: string) {
  const res = await get(url);
  res.resume();
  return res.statusCode === 200;
}` },
          ],
        },
      ],
    },
    // method of a class instance returning a response
    {
      name: "method of a class instance returning a response",
      code: `
class Api {
  post(path: string, body: string) {
    return fetch(\`https://api.example.com\${path}\`, { method: 'POST', body });
  }
}
const api = new Api();
export async function track(event: string) {
  const res = await api.post('/events', event);
  return res.ok;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 9,
          column: 9,
          suggestions: [
            { messageId: 'suggestRead', output: `
class Api {
  post(path: string, body: string) {
    return fetch(\`https://api.example.com\${path}\`, { method: 'POST', body });
  }
}
const api = new Api();
export async function track(event: string) {
  const res = await api.post('/events', event);
  await res.arrayBuffer();
  return res.ok;
}` },
            { messageId: 'suggestCancel', output: `
class Api {
  post(path: string, body: string) {
    return fetch(\`https://api.example.com\${path}\`, { method: 'POST', body });
  }
}
const api = new Api();
export async function track(event: string) {
  const res = await api.post('/events', event);
  await res.body?.cancel();
  return res.ok;
}` },
          ],
        },
      ],
    },
    // D (negative of the expected-failure case): a request in a try block that does not fail the test
    {
      code: `
export async function notify(url: string) {
  try {
    await fetch(url, { method: 'POST' });
    console.log('sent');
  } catch (err) {
    console.error(err);
  }
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 11,
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function notify(url: string) {
  try {
    await (await fetch(url, { method: 'POST' })).arrayBuffer();
    console.log('sent');
  } catch (err) {
    console.error(err);
  }
}` },
            { messageId: 'suggestCancel', output: `
export async function notify(url: string) {
  try {
    await (await fetch(url, { method: 'POST' })).body?.cancel();
    console.log('sent');
  } catch (err) {
    console.error(err);
  }
}` },
          ],
        },
      ],
    },
    // a `.then()` callback that returns on success and throws otherwise is a wrapper's error path, not a failing test
    {
      name: 'a .then() callback that returns the body on success and throws otherwise',
      code: `
export const httpApiCall = async (url: string, method = 'POST') => {
  return await fetch(url, { method }).then(async (res) => {
    if (res.status === 200) return await res.json();
    throw new Error(\`HTTP status code \${res.status} for \${method} \${url}\`);
  });
};`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          suggestions: [
            { messageId: 'suggestRead', output: `
export const httpApiCall = async (url: string, method = 'POST') => {
  return await fetch(url, { method }).then(async (res) => {
    if (res.status === 200) return await res.json();
    await res.arrayBuffer();
    throw new Error(\`HTTP status code \${res.status} for \${method} \${url}\`);
  });
};` },
            { messageId: 'suggestCancel', output: `
export const httpApiCall = async (url: string, method = 'POST') => {
  return await fetch(url, { method }).then(async (res) => {
    if (res.status === 200) return await res.json();
    await res.body?.cancel();
    throw new Error(\`HTTP status code \${res.status} for \${method} \${url}\`);
  });
};` },
          ],
        },
      ],
    },
    // a response callback that fails the test only on some paths is still followed
    {
      name: "a response callback that fails the test only on some paths is still followed",
      code: `
import https from 'node:https';
export function get(url: string, reject: (error: Error) => void, resolve: (text: string) => void) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      reject(new Error(\`HTTP \${res.statusCode}\`));
      return;
    }
    let text = '';
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => resolve(text));
  });
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 4,
          column: 19,
          suggestions: [
            { messageId: 'suggestResume', output: `
import https from 'node:https';
export function get(url: string, reject: (error: Error) => void, resolve: (text: string) => void) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      reject(new Error(\`HTTP \${res.statusCode}\`));
      res.resume();
      return;
    }
    let text = '';
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => resolve(text));
  });
}` },
          ],
        },
      ],
    },
  ],
});
