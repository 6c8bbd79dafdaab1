import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from '../support/rule-tester';
import rule, { CLIENT_LABEL, CONSEQUENCE } from '../../src/rules/no-unconsumed-body';
import type { ResponseClient } from '../../src/analysis/libraries/response-sources';

const ruleTester = new RuleTester(); // @typescript-eslint/parser
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;
const esm = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'module' } } as const;

/** The message data the rule renders for `client` (and the exit line, when there is one). */
function data(client: ResponseClient, line?: number): Record<string, string | number> {
  const base = { client: CLIENT_LABEL[client], consequence: CONSEQUENCE[client], origin: '' };
  return line === undefined ? base : { ...base, line };
}

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils, whose
// types differ from the plugin's; RuleTester still checks message ids at run time.
ruleTester.run('no-unconsumed-body', rule as never, {
  valid: [
    // A project error class may keep the response for its catcher to read.
    `class HttpError extends Error {
  constructor(readonly response: Response) { super(\`HTTP \${response.status}\`); }
}
export async function request(url: string) {
  const resp = await fetch(url);
  if (resp.ok) return resp;
  throw new HttpError(resp);
}`,
    // ---- consumed or released on every path ----
    `export async function getUser(url: string) {
      const res = await fetch(url);
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(\`HTTP \${res.status}\`);
      }
      return res.json();
    }`,
    `export async function getUser(url: string) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(\`HTTP \${res.status}: \${await res.text()}\`);
      return res.json();
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      const body = res.ok ? await res.json() : await res.text();
      return { status: res.status, body };
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      return { ok: res.ok, data: await res.json() };
    }`,
    `export async function read(url: string) {
      return await (await fetch(url)).text();
    }`,
    `export function read(url: string) {
      return fetch(url).then((res) => res.json());
    }`,
    `export async function stream(url: string) {
      const res = await fetch(url);
      const reader = res.body!.getReader();
      return reader;
    }`,
    `export async function collect(urls: string[]) {
      const results = [];
      for (const url of urls) {
        const res = await fetch(url);
        results.push(await res.json());
      }
      return results;
    }`,
    // metadata read in a closure does not matter; the body is read on the path
    `export async function read(url: string) {
      const res = await fetch(url);
      setTimeout(() => console.log(res.status));
      return res.json();
    }`,
    // a finally block covers every path through the try
    `export async function read(url: string) {
      const res = await fetch(url);
      try {
        if (!res.ok) throw new Error(String(res.status));
        return await res.json();
      } finally {
        if (!res.bodyUsed) await res.body?.cancel();
      }
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      try {
        if (!res.ok) return null;
        return await res.json();
      } finally {
        await res.body?.cancel();
      }
    }`,
    `export async function readJson(url: string) {
      let res: Response | undefined;
      try {
        res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return await res.json();
      } finally {
        if (res && !res.bodyUsed) await res.body?.cancel();
      }
    }`,
    // a function that returns a status destructured next to the body is not a response wrapper
    `import { request } from 'undici';
    async function post(body: Buffer) {
      const { statusCode, body: responseBody } = await request('https://sink.example.com', { method: 'POST', body });
      await responseBody.dump({ limit: 1 << 20 });
      return statusCode;
    }
    export async function forward(body: Buffer) {
      const status = await post(body);
      return status >= 200 && status < 300;
    }`,
    // ---- handed off ----
    `export function proxy(url: string) { return fetch(url); }`,
    `export async function proxy(url: string) { const res = await fetch(url); return res; }`,
    `export async function proxy(url: string) {
      const upstream = await fetch(url);
      return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
    }`,
    `import { Readable } from 'node:stream';
    export async function toNode(url: string) {
      const res = await fetch(url);
      if (!res.body) throw new Error('no body');
      return Readable.fromWeb(res.body as never);
    }`,
    `declare class HttpError { constructor(res: Response) }
    export async function read(url: string) {
      const res = await fetch(url);
      if (!res.ok) throw new HttpError(res);
      return res.json();
    }`,
    `export class Loader { res?: Response; async load(url: string) { this.res = await fetch(url); } }`,
    `export async function all(a: string, b: string) { return Promise.all([fetch(a), fetch(b)]); }`,
    `export async function all(urls: string[]) { return Promise.all(urls.map((url) => fetch(url))); }`,
    `export function* responses(urls: string[]) { for (const url of urls) yield fetch(url); }`,
    // ---- body known to be absent ----
    `export async function read(url: string) {
      const res = await fetch(url);
      if (!res.body) return null;
      const chunks = [];
      for await (const chunk of res.body) chunks.push(chunk);
      return chunks;
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      if (res.status === 204) return undefined;
      return res.json();
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      if (res.status === 204 || res.status === 304) return null;
      return res.json();
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      if ([204, 304].includes(res.status)) return null;
      return res.json();
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      return res.status === 204 ? null : await res.json();
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      if (res.status !== 204) {
        return res.json();
      }
      return null;
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      if (res.body) {
        for await (const chunk of res.body) console.log(chunk);
      }
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      switch (res.status) {
        case 204:
          return null;
        default:
          return res.json();
      }
    }`,
    `export async function read(url: string) {
      const res = await fetch(url).catch(() => null);
      if (!res) return;
      return res.json();
    }`,
    // status copies, 205, and HEAD requests decided at run time (octokit's fetch wrapper)
    `export async function send(options: { url: string; method: string }) {
      let response;
      try {
        response = await fetch(options.url, { method: options.method });
      } catch (error) {
        throw new Error('network', { cause: error });
      }
      const status = response.status;
      if (status === 204 || status === 205) return { status };
      if (options.method === 'HEAD') {
        if (status < 400) return { status };
        throw new Error(response.statusText);
      }
      return { status, data: await response.text() };
    }`,
    `import { request } from 'undici';
    export async function read(url: string) {
      const { statusCode, body } = await request(url);
      if (statusCode === 304) return null;
      return body.json();
    }`,
    `export async function read(url: string) {
      const res = await fetch(url);
      const { status: code } = res;
      switch (code) {
        case 204:
        case 304:
          return null;
        default:
          return res.json();
      }
    }`,
    // HEAD requests have no body (fetch, undici; node:http: no-unconsumed-body-bodyless-node-http.test.ts)
    `export async function exists(url: string) { const res = await fetch(url, { method: 'HEAD' }); return res.ok; }`,
    `import { request } from 'undici';
    export async function exists(url: string) { const { statusCode } = await request(url, { method: 'HEAD' }); return statusCode === 200; }`,
    // ---- exceptions ESLint models implicitly are not exits ----
    `export async function read(url: string) {
      let res;
      try {
        res = await fetch(url);
      } catch (err) {
        throw new Error('network error', { cause: err });
      }
      return res.json();
    }`,
    `export async function read(url: string) {
      let res;
      try {
        res = await fetch(url);
      } finally {
        console.log('done');
      }
      return res.json();
    }`,
    `declare function log(value: unknown): void;
    export async function read(url: string) {
      const res = await fetch(url);
      try {
        log(res.status);
        return await res.json();
      } catch {
        return null;
      }
    }`,
    // ---- not a response source ----
    `import https from 'node:https'; export function fire(url: string) { https.get(url); }`,
    `import http from 'node:http';
    export const server = http.createServer((req, res) => {
      if (req.url !== '/') { res.statusCode = 404; res.end(); return; }
      res.end('ok');
    });`,
    `import express from 'express';
    const app = express();
    app.get('/health', (req, res) => { res.status(200).send('ok'); });`,
    `export function handler(ctx: { res: { statusCode: number } }) { ctx.res.statusCode = 204; }`,
    `export function ok() { return new Response('ok', { status: 200 }); }`,
    `import request from 'supertest';
    declare const app: unknown;
    export async function check() { const res = await request(app).get('/health'); return res.status; }`,
    `import axios from 'axios';
    export async function status(url: string) { const res = await axios.get(url); return res.status; }`,
    `import got from 'got';
    export async function status(url: string) { const res = await got(url); return res.statusCode; }`,
    `export async function status(fetch: (url: string) => Promise<Response>, url: string) {
      const res = await fetch(url);
      return res.ok;
    }`,
    `async function fetch(url: string) { return { ok: url.length > 0 }; }
    export async function status(url: string) { const res = await fetch(url); return res.ok; }`,
    `async function getJson(url: string) { const res = await fetch(url); await res.text(); return res; }
    export async function status(url: string) { const res = await getJson(url); return res.status; }`,
    // ---- node:http responses that are consumed ----
    `import https from 'node:https';
    export function get(url: string) {
      https.get(url, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => { data += chunk; });
        res.on('end', () => console.log(res.statusCode, data));
      });
    }`,
    `import https from 'node:https';
    export function get(url: string) {
      return new Promise((resolve, reject) => {
        https.get(url, (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(new Error(\`status \${res.statusCode}\`));
            return;
          }
          resolve(res);
        }).on('error', reject);
      });
    }`,
    `import https from 'node:https';
    import { pipeline } from 'node:stream';
    declare const out: NodeJS.WritableStream;
    export function save(url: string) { https.get(url, (res) => { pipeline(res, out, () => {}); }); }`,
    `import https from 'node:https';
    import type { IncomingMessage } from 'node:http';
    function drain(res: IncomingMessage) { res.resume(); }
    export function get(url: string) { https.get(url, drain); }`,
    `import https from 'node:https';
    export function get(url: string) {
      https.get(url, (res) => {
        res.on('data', () => {});
        setTimeout(() => res.destroy(), 1000);
      });
    }`,
    `import https from 'node:https';
    import { once } from 'node:events';
    export async function get(url: string) {
      const req = https.request(url);
      req.end();
      const [res] = await once(req, 'response');
      res.resume();
      return res.statusCode;
    }`,
    // aborting the request frees the socket of its response too
    {
      code: `const https = require('https');
      function get(url, cb) {
        const req = https.get(url, (res) => {
          if (res.statusCode >= 400) {
            req.destroy();
            return cb(new Error('status ' + res.statusCode));
          }
          res.pipe(process.stdout);
        });
        req.on('error', cb);
      }`,
      ...plainJs,
    },
    {
      code: `const http = require('http');
      function post(options, body, cb) {
        const req = http.request(options);
        req.on('response', function (res) {
          if (res.statusCode === 302) { req.abort(); return cb(null, res.headers.location); }
          res.resume();
          cb(null);
        });
        req.end(body);
      }`,
      ...plainJs,
    },
    {
      code: `const https = require('https');
      function get(url, cb) {
        https.get(url, function (res) {
          cb.apply(null, arguments);
        });
      }`,
      ...plainJs,
    },
    {
      code: `const http = require('http');
      function get(options, cb) {
        const req = http.request(options, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
        req.on('error', cb);
        req.end();
      }`,
      ...plainJs,
    },
    // ---- undici ----
    `import { request } from 'undici';
    export async function read(url: string) {
      const { statusCode, body } = await request(url);
      if (statusCode !== 200) {
        await body.dump();
        throw new Error(\`status \${statusCode}\`);
      }
      return body.json();
    }`,
    `import { request } from 'undici';
    export async function read(url: string) {
      const { body } = await request(url);
      for await (const chunk of body) console.log(chunk);
    }`,
    `import { Client } from 'undici';
    const client = new Client('https://api.example.com');
    export async function read(path: string) {
      const { body } = await client.request({ path, method: 'GET' });
      return body.json();
    }`,
    // ---- axios stream / got.stream consumed ----
    `import axios from 'axios';
    import { createWriteStream } from 'node:fs';
    export async function save(url: string, file: string) {
      const response = await axios.get(url, { responseType: 'stream' });
      response.data.pipe(createWriteStream(file));
    }`,
    `import got from 'got';
    import { pipeline } from 'node:stream/promises';
    declare const out: NodeJS.WritableStream;
    export async function save(url: string) { await pipeline(got.stream(url), out); }`,
    // ---- callees that may be fetch ----
    `export class Api {
      constructor(private readonly fetchImpl?: typeof fetch) {}
      async get(url: string) { const res = await (this.fetchImpl ?? fetch)(url); return res.json(); }
    }`,
    // ---- consuming helpers from options and settings ----
    {
      code: `import { drain } from '@acme/http';
      export async function ping(url: string) { const res = await fetch(url); if (!res.ok) { drain(res); throw new Error('x'); } return res.json(); }`,
      options: [{ consumingHelpers: [{ from: 'package', package: '@acme/http', name: 'drain' }] }],
    },
    {
      code: `import { drain } from '@acme/http';
      export async function ping(url: string) { const res = await fetch(url); if (!res.ok) { drain(res); throw new Error('x'); } return res.json(); }`,
      settings: { keepalive: { consumingHelpers: [{ from: 'package', package: '@acme/http', name: 'drain' }] } },
    },
    // browser code: global fetch is the browser's (its pool, its garbage collection)
    `(function () {
      function preload(link) { fetch(link.href, { credentials: 'include' }); }
      for (const link of document.querySelectorAll('link[rel="modulepreload"]')) preload(link);
    })();`,
    {
      code: `setInterval(function () { fetch('ping'); }, 10000);
      window.addEventListener('load', () => {});`,
      ...esm,
    },
    // a React client component: its requests run in the browser
    `'use client';
export function UploadButton({ url, file }: { url: string; file: Blob }) {
  async function upload() {
    const response = await fetch(url, { method: 'PUT', body: file });
    if (!response.ok) throw new Error(\`Upload failed \${response.status}\`);
  }
  return upload;
}`,
    // odd shapes must not crash
    `export async function odd(url: string) { const [res] = await Promise.all([fetch(url)]); return res; }`,
    `export async function odd(url: string) { const { ...rest } = await fetch(url); return rest; }`,
    `export async function odd(url: string) { let res; res ??= await fetch(url); return res; }`,
    `export async function odd() { const res = await fetch(); return res.json(); }`,
  ],
  invalid: [
    {
      // a \`.then()\` callback on a line of its own is reported at the request, the line that makes the response
      code: `export function send(host: string, body: string, callback: (err: Error | null, json?: unknown) => void) {
  fetch(host, { method: 'POST', body }).then(
    async (res) => {
      if (!res.ok) {
        callback(new Error('External error. response code: ' + res.status));
      } else {
        callback(null, await res.json());
      }
    },
    (err) => callback(err),
  );
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 2, column: 3 }],
    },
    // The file's only hint for the cheap pre-filter is the module name of an aliased import.
    {
      code: `
import get from 'cross-fetch';
export async function ping(url: string) {
  const response = await get(url, { method: 'POST' });
  return response.status;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `
import get from 'cross-fetch';
export async function ping(url: string) {
  const response = await get(url, { method: 'POST' });
  response.body.resume();
  return response.status;
}`,
            },
            {
              messageId: 'suggestRead',
              output: `
import get from 'cross-fetch';
export async function ping(url: string) {
  const response = await get(url, { method: 'POST' });
  await response.arrayBuffer();
  return response.status;
}`,
            },
          ],
        },
      ],
    },
    // \`new Error(resp)\` keeps only the string "[object Response]": the body is never read.
    {
      code: `export async function request(url: string) {
  const resp = await fetch(url);
  if (resp.ok) return resp;
  throw new Error(resp as unknown as string);
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 2,
          suggestions: [
            { messageId: 'suggestRead', output: `export async function request(url: string) {
  const resp = await fetch(url);
  if (resp.ok) return resp;
  await resp.arrayBuffer();
  throw new Error(resp as unknown as string);
}` },
            { messageId: 'suggestCancel', output: `export async function request(url: string) {
  const resp = await fetch(url);
  if (resp.ok) return resp;
  await resp.body?.cancel();
  throw new Error(resp as unknown as string);
}` },
          ],
        },
      ],
    },
    // follow-redirects' http/https are drop-ins for node:http/https: the same IncomingMessage.
    {
      code: `const { https } = require('follow-redirects');
exports.status = (url) => new Promise((resolve, reject) => {
  https.get(url, (res) => {
    resolve(res.statusCode);
  }).on('error', reject);
});`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `const { https } = require('follow-redirects');
exports.status = (url) => new Promise((resolve, reject) => {
  https.get(url, (res) => {
    resolve(res.statusCode);
    res.resume();
  }).on('error', reject);
});`,
            },
          ],
        },
      ],
    },
    // isomorphic-fetch is node-fetch on Node.js.
    {
      code: `
import fetch from 'isomorphic-fetch';
export async function ping(url: string) {
  const response = await fetch(url, { method: 'POST' });
  return response.status;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `
import fetch from 'isomorphic-fetch';
export async function ping(url: string) {
  const response = await fetch(url, { method: 'POST' });
  response.body.resume();
  return response.status;
}`,
            },
            {
              messageId: 'suggestRead',
              output: `
import fetch from 'isomorphic-fetch';
export async function ping(url: string) {
  const response = await fetch(url, { method: 'POST' });
  await response.arrayBuffer();
  return response.status;
}`,
            },
          ],
        },
      ],
    },
    // A response declared inside `try` leaks at the end of the handler, where it is out of scope:
    // no suggestion may insert code that names it there.
    {
      code: `
reader.on('message', async (message) => {
  try {
    const res = await fetch(endpoint, { method: 'POST', body: message.body });
    if (!res.ok) throw new Error('failed ' + res.status);
    message.finish();
  } catch (error) {
    message.requeue(1000);
  }
});`,
      errors: [{ messageId: 'neverConsumed', line: 4, column: 11, suggestions: [
                   { messageId: 'suggestRead', output: `
reader.on('message', async (message) => {
  try {
    const res = await fetch(endpoint, { method: 'POST', body: message.body });
    if (!res.ok) { await res.arrayBuffer(); throw new Error('failed ' + res.status); }
    message.finish();
    await res.arrayBuffer();
  } catch (error) {
    message.requeue(1000);
  }
});` },
                   { messageId: 'suggestCancel', output: `
reader.on('message', async (message) => {
  try {
    const res = await fetch(endpoint, { method: 'POST', body: message.body });
    if (!res.ok) { await res.body?.cancel(); throw new Error('failed ' + res.status); }
    message.finish();
    await res.body?.cancel();
  } catch (error) {
    message.requeue(1000);
  }
});` },
                 ] }],
    },
    // fetch: throw on !res.ok before reading (the dominant bug)
    {
      code: `
export async function getUser(id: string) {
  const res = await fetch(\`https://api.example.com/users/\${id}\`);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return await res.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          data: data('fetch', 4),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function getUser(id: string) {
  const res = await fetch(\`https://api.example.com/users/\${id}\`);
  if (!res.ok) { await res.arrayBuffer(); throw new Error(\`HTTP \${res.status}\`); }
  return await res.json();
}` },
            { messageId: 'suggestCancel', output: `
export async function getUser(id: string) {
  const res = await fetch(\`https://api.example.com/users/\${id}\`);
  if (!res.ok) { await res.body?.cancel(); throw new Error(\`HTTP \${res.status}\`); }
  return await res.json();
}` },
          ],
        },
      ],
    },
    // fetch: early return on !res.ok with a braced block
    {
      code: `
export async function lookup(url: string) {
  const response = await fetch(url);
  if (!response.ok) {
    console.warn('lookup failed', response.status);
    return [];
  }
  const { producers } = await response.json();
  return producers;
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          data: data('fetch', 6),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function lookup(url: string) {
  const response = await fetch(url);
  if (!response.ok) {
    console.warn('lookup failed', response.status);
    await response.arrayBuffer();
    return [];
  }
  const { producers } = await response.json();
  return producers;
}` },
            { messageId: 'suggestCancel', output: `
export async function lookup(url: string) {
  const response = await fetch(url);
  if (!response.ok) {
    console.warn('lookup failed', response.status);
    await response.body?.cancel();
    return [];
  }
  const { producers } = await response.json();
  return producers;
}` },
          ],
        },
      ],
    },
    // node-fetch via require (espree)
    {
      code: `
const fetch = require('node-fetch');
async function ping(url) {
  const res = await fetch(url);
  if (res.status !== 200) {
    throw new Error('not ready');
  }
  return res.text();
}
module.exports = { ping };`,
      ...plainJs,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 4,
          column: 9,
          data: data('node-fetch', 6),
          suggestions: [
            { messageId: 'suggestResume', output: `
const fetch = require('node-fetch');
async function ping(url) {
  const res = await fetch(url);
  if (res.status !== 200) {
    res.body.resume();
    throw new Error('not ready');
  }
  return res.text();
}
module.exports = { ping };` },
            { messageId: 'suggestRead', output: `
const fetch = require('node-fetch');
async function ping(url) {
  const res = await fetch(url);
  if (res.status !== 200) {
    await res.arrayBuffer();
    throw new Error('not ready');
  }
  return res.text();
}
module.exports = { ping };` },
          ],
        },
      ],
    },
    // fetch discarded as a statement
    {
      code: `
export async function notify(url: string, payload: unknown) {
  await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 3,
          column: 9,
          data: data('fetch'),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function notify(url: string, payload: unknown) {
  await (await fetch(url, { method: 'POST', body: JSON.stringify(payload) })).arrayBuffer();
}` },
            { messageId: 'suggestCancel', output: `
export async function notify(url: string, payload: unknown) {
  await (await fetch(url, { method: 'POST', body: JSON.stringify(payload) })).body?.cancel();
}` },
          ],
        },
      ],
    },
    // fetch not awaited, discarded
    {
      code: `
export function fireAndForget(url: string) {
  fetch(url, { method: 'POST' });
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 3,
          column: 3,
          data: data('fetch'),
          suggestions: [
            { messageId: 'suggestRead', output: `
export function fireAndForget(url: string) {
  fetch(url, { method: 'POST' }).then(async (response) => { await response.arrayBuffer(); return response; });
}` },
            { messageId: 'suggestCancel', output: `
export function fireAndForget(url: string) {
  fetch(url, { method: 'POST' }).then(async (response) => { await response.body?.cancel(); return response; });
}` },
          ],
        },
      ],
    },
    // metadata only on every path
    {
      code: `
export async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok && res.headers.get('x-ready') === '1';
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 3,
          column: 9,
          data: data('fetch', 4),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function isUp(url: string) {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.ok && res.headers.get('x-ready') === '1';
}` },
            { messageId: 'suggestCancel', output: `
export async function isUp(url: string) {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.ok && res.headers.get('x-ready') === '1';
}` },
          ],
        },
      ],
    },
    // metadata only through .then
    {
      code: `
export function isUp(url: string) {
  return fetch(url).then((res) => res.ok);
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 3,
          column: 27,
          data: data('fetch', 3),
          suggestions: [
            { messageId: 'suggestRead', output: `
export function isUp(url: string) {
  return fetch(url).then(async (response) => { await response.arrayBuffer(); return response; }).then((res) => res.ok);
}` },
            { messageId: 'suggestCancel', output: `
export function isUp(url: string) {
  return fetch(url).then(async (response) => { await response.body?.cancel(); return response; }).then((res) => res.ok);
}` },
          ],
        },
      ],
    },
    // destructured fetch metadata
    {
      code: `
export async function status(url: string) {
  const { ok, status } = await fetch(url);
  return ok ? status : -1;
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 3,
          column: 9,
          data: data('fetch'),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function status(url: string) {
  const { ok, status } = await fetch(url).then(async (response) => { await response.arrayBuffer(); return response; });
  return ok ? status : -1;
}` },
            { messageId: 'suggestCancel', output: `
export async function status(url: string) {
  const { ok, status } = await fetch(url).then(async (response) => { await response.body?.cancel(); return response; });
  return ok ? status : -1;
}` },
          ],
        },
      ],
    },
    // logging the response does not read it
    {
      code: `
export async function debug(url: string) {
  const res = await fetch(url);
  console.log(res);
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 3,
          column: 9,
          data: data('fetch', 5),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function debug(url: string) {
  const res = await fetch(url);
  console.log(res);
  await res.arrayBuffer();
}` },
            { messageId: 'suggestCancel', output: `
export async function debug(url: string) {
  const res = await fetch(url);
  console.log(res);
  await res.body?.cancel();
}` },
          ],
        },
      ],
    },
    // a status check that does not prove the body absent
    {
      code: `
export async function get(url: string) {
  const res = await fetch(url);
  if (res.status === 204 || !res.ok) return null;
  return res.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          data: data('fetch', 4),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function get(url: string) {
  const res = await fetch(url);
  if (res.status === 204 || !res.ok) { await res.arrayBuffer(); return null; }
  return res.json();
}` },
            { messageId: 'suggestCancel', output: `
export async function get(url: string) {
  const res = await fetch(url);
  if (res.status === 204 || !res.ok) { await res.body?.cancel(); return null; }
  return res.json();
}` },
          ],
        },
      ],
    },
    // switch default path throws unread
    {
      code: `
export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    default:
      throw new Error(String(res.status));
  }
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          data: data('fetch', 8),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    default:
      await res.arrayBuffer();
      throw new Error(String(res.status));
  }
}` },
            { messageId: 'suggestCancel', output: `
export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    default:
      await res.body?.cancel();
      throw new Error(String(res.status));
  }
}` },
          ],
        },
      ],
    },
    // continue in a loop skips the body
    {
      code: `
export async function collect(urls: string[]) {
  const out: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    if (!res.ok) continue;
    out.push(await res.json());
  }
  return out;
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 5,
          column: 11,
          data: data('fetch', 6),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function collect(urls: string[]) {
  const out: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    if (!res.ok) { await res.arrayBuffer(); continue; }
    out.push(await res.json());
  }
  return out;
}` },
            { messageId: 'suggestCancel', output: `
export async function collect(urls: string[]) {
  const out: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    if (!res.ok) { await res.body?.cancel(); continue; }
    out.push(await res.json());
  }
  return out;
}` },
          ],
        },
      ],
    },
    // explicit throw inside try reaches the catch unread
    {
      code: `
export async function safeGet(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error('bad status');
    return await res.json();
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 4,
          column: 11,
          data: data('fetch', 5),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function safeGet(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) { await res.arrayBuffer(); throw new Error('bad status'); }
    return await res.json();
  } catch {
    return null;
  }
}` },
            { messageId: 'suggestCancel', output: `
export async function safeGet(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) { await res.body?.cancel(); throw new Error('bad status'); }
    return await res.json();
  } catch {
    return null;
  }
}` },
          ],
        },
      ],
    },
    // redirect loop replaces the response before reading it
    {
      code: `
export async function follow(url: string) {
  let res = await fetch(url, { redirect: 'manual' });
  while (res.status === 301 || res.status === 302) {
    res = await fetch(res.headers.get('location') ?? url, { redirect: 'manual' });
  }
  return res.json();
}`,
      errors: [
        {
          messageId: 'replacedUnread',
          line: 3,
          column: 7,
          data: data('fetch', 5),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function follow(url: string) {
  let res = await fetch(url, { redirect: 'manual' });
  while (res.status === 301 || res.status === 302) {
    await res.arrayBuffer();
    res = await fetch(res.headers.get('location') ?? url, { redirect: 'manual' });
  }
  return res.json();
}` },
            { messageId: 'suggestCancel', output: `
export async function follow(url: string) {
  let res = await fetch(url, { redirect: 'manual' });
  while (res.status === 301 || res.status === 302) {
    await res.body?.cancel();
    res = await fetch(res.headers.get('location') ?? url, { redirect: 'manual' });
  }
  return res.json();
}` },
          ],
        },
      ],
    },
    // callee that may be fetch
    {
      code: `
export class Api {
  constructor(private readonly fetchImpl?: typeof fetch) {}
  async get(url: string) {
    const res = await (this.fetchImpl ?? fetch)(url);
    if (!res.ok) throw new Error(res.statusText);
    return res.json();
  }
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 5,
          column: 11,
          data: data('fetch', 6),
          suggestions: [
            { messageId: 'suggestRead', output: `
export class Api {
  constructor(private readonly fetchImpl?: typeof fetch) {}
  async get(url: string) {
    const res = await (this.fetchImpl ?? fetch)(url);
    if (!res.ok) { await res.arrayBuffer(); throw new Error(res.statusText); }
    return res.json();
  }
}` },
            { messageId: 'suggestCancel', output: `
export class Api {
  constructor(private readonly fetchImpl?: typeof fetch) {}
  async get(url: string) {
    const res = await (this.fetchImpl ?? fetch)(url);
    if (!res.ok) { await res.body?.cancel(); throw new Error(res.statusText); }
    return res.json();
  }
}` },
          ],
        },
      ],
    },
    // same-file wrapper at its call site
    {
      code: `
async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await res.body?.cancel();
  }
  throw new Error('gave up');
}
export async function exists(url: string) {
  const res = await fetchWithRetry(url);
  return res.status === 200;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 11,
          column: 9,
          data: data('fetch', 12),
          suggestions: [
            { messageId: 'suggestRead', output: `
async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await res.body?.cancel();
  }
  throw new Error('gave up');
}
export async function exists(url: string) {
  const res = await fetchWithRetry(url);
  await res.arrayBuffer();
  return res.status === 200;
}` },
            { messageId: 'suggestCancel', output: `
async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await res.body?.cancel();
  }
  throw new Error('gave up');
}
export async function exists(url: string) {
  const res = await fetchWithRetry(url);
  await res.body?.cancel();
  return res.status === 200;
}` },
          ],
        },
      ],
    },
    // wrapper picked through a local
    {
      code: `
async function fetchNoCache(url: string) {
  return fetch(url, { cache: 'no-store' });
}
async function fetchCached(url: string) {
  return fetch(url);
}
export async function load(url: string, noCache: boolean) {
  const get = noCache ? fetchNoCache : fetchCached;
  const res = await get(url);
  if (!res.ok) return null;
  return res.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 10,
          column: 9,
          data: data('fetch', 11),
          suggestions: [
            { messageId: 'suggestRead', output: `
async function fetchNoCache(url: string) {
  return fetch(url, { cache: 'no-store' });
}
async function fetchCached(url: string) {
  return fetch(url);
}
export async function load(url: string, noCache: boolean) {
  const get = noCache ? fetchNoCache : fetchCached;
  const res = await get(url);
  if (!res.ok) { await res.arrayBuffer(); return null; }
  return res.json();
}` },
            { messageId: 'suggestCancel', output: `
async function fetchNoCache(url: string) {
  return fetch(url, { cache: 'no-store' });
}
async function fetchCached(url: string) {
  return fetch(url);
}
export async function load(url: string, noCache: boolean) {
  const get = noCache ? fetchNoCache : fetchCached;
  const res = await get(url);
  if (!res.ok) { await res.body?.cancel(); return null; }
  return res.json();
}` },
          ],
        },
      ],
    },
    // undici fetch import
    {
      code: `
import { fetch } from 'undici';
export async function head(url: string) {
  const res = await fetch(url);
  return res.headers.get('etag');
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 4,
          column: 9,
          data: data('fetch', 5),
          suggestions: [
            { messageId: 'suggestRead', output: `
import { fetch } from 'undici';
export async function head(url: string) {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.headers.get('etag');
}` },
            { messageId: 'suggestCancel', output: `
import { fetch } from 'undici';
export async function head(url: string) {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.headers.get('etag');
}` },
          ],
        },
      ],
    },
    // https.get callback returns early on status
    {
      code: `
import https from 'node:https';
export function download(url: string, done: (err: Error | null, data?: string) => void) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      done(new Error(\`status \${res.statusCode}\`));
      return;
    }
    let data = '';
    res.on('data', (chunk) => { data += chunk; });
    res.on('end', () => done(null, data));
  });
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 4,
          column: 19,
          data: data('node-http', 7),
          suggestions: [
            { messageId: 'suggestResume', output: `
import https from 'node:https';
export function download(url: string, done: (err: Error | null, data?: string) => void) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      done(new Error(\`status \${res.statusCode}\`));
      res.resume();
      return;
    }
    let data = '';
    res.on('data', (chunk) => { data += chunk; });
    res.on('end', () => done(null, data));
  });
}` },
          ],
        },
      ],
    },
    // https.get callback without a parameter (espree)
    {
      code: `
const https = require('https');
function ping(url, done) {
  https.get(url, () => {
    done();
  });
}`,
      ...plainJs,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 3,
          data: data('node-http'),
          suggestions: [],
        },
      ],
    },
    // https.request with its options and callback on lines of their own: reported at the request,
    // the line that makes the response (not at the callback's parameter)
    {
      code: `
const https = require('https');
function postJson(url, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: 'POST' },
      (res) => {
        if (res.statusCode >= 400) reject(new Error('status ' + res.statusCode));
        else resolve(res.statusCode);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}`,
      ...plainJs,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 5,
          column: 17,
          data: data('node-http', 11),
          suggestions: [
            { messageId: 'suggestResume', output: `
const https = require('https');
function postJson(url, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: 'POST' },
      (res) => {
        if (res.statusCode >= 400) reject(new Error('status ' + res.statusCode));
        else resolve(res.statusCode);
        res.resume();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}` },
          ],
        },
      ],
    },
    // http.request response listener that only logs the status
    {
      code: `
import http from 'node:http';
export function post(options: http.RequestOptions, body: string) {
  const req = http.request(options);
  req.on('response', (res) => {
    console.log('status', res.statusCode);
  });
  req.end(body);
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 5,
          column: 23,
          data: data('node-http', 7),
          suggestions: [
            { messageId: 'suggestResume', output: `
import http from 'node:http';
export function post(options: http.RequestOptions, body: string) {
  const req = http.request(options);
  req.on('response', (res) => {
    console.log('status', res.statusCode);
    res.resume();
  });
  req.end(body);
}` },
          ],
        },
      ],
    },
    // await once(req, "response")
    {
      code: `
import https from 'node:https';
import { once } from 'node:events';
export async function statusOf(url: string) {
  const req = https.request(url);
  req.end();
  const [res] = await once(req, 'response');
  return res.statusCode;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 7,
          column: 10,
          data: data('node-http', 8),
          suggestions: [
            { messageId: 'suggestResume', output: `
import https from 'node:https';
import { once } from 'node:events';
export async function statusOf(url: string) {
  const req = https.request(url);
  req.end();
  const [res] = await once(req, 'response');
  res.resume();
  return res.statusCode;
}` },
          ],
        },
      ],
    },
    // destroy() before the body was read
    {
      code: `
import https from 'node:https';
export function probe(url: string) {
  https.get(url, (res) => {
    console.log(res.statusCode);
    res.destroy();
  });
}`,
      errors: [
        {
          messageId: 'destroyedUnread',
          data: { name: 'res', drain: 'res.resume()' },
          line: 6,
          column: 5,
          suggestions: [
            { messageId: 'suggestResumeInsteadOfDestroy', output: `
import https from 'node:https';
export function probe(url: string) {
  https.get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
  });
}` },
          ],
        },
      ],
    },
    // undici request destructured without body
    {
      code: `
import { request } from 'undici';
export async function statusOf(url: string) {
  const { statusCode } = await request(url);
  return statusCode;
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 9,
          data: data('undici'),
          suggestions: [
            { messageId: 'suggestDump', output: `
import { request } from 'undici';
export async function statusOf(url: string) {
  const { statusCode } = await request(url).then(async (response) => { await response.body.dump(); return response; });
  return statusCode;
}` },
          ],
        },
      ],
    },
    // undici request: throw before reading body
    {
      code: `
import { request } from 'undici';
export async function getJson(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    throw new Error(\`status \${statusCode}\`);
  }
  return body.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 4,
          column: 9,
          data: data('undici', 6),
          suggestions: [
            { messageId: 'suggestDump', output: `
import { request } from 'undici';
export async function getJson(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(\`status \${statusCode}\`);
  }
  return body.json();
}` },
          ],
        },
      ],
    },
    // undici pool.request non-destructured
    {
      code: `
import { Pool } from 'undici';
const pool = new Pool('https://api.example.com');
export async function ping() {
  const res = await pool.request({ path: '/ping', method: 'GET' });
  return res.statusCode === 200;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 5,
          column: 9,
          data: data('undici', 6),
          suggestions: [
            { messageId: 'suggestDump', output: `
import { Pool } from 'undici';
const pool = new Pool('https://api.example.com');
export async function ping() {
  const res = await pool.request({ path: '/ping', method: 'GET' });
  await res.body.dump();
  return res.statusCode === 200;
}` },
          ],
        },
      ],
    },
    // undici dispatcher on a class field
    {
      code: `
import { Client } from 'undici';
export class Upstream {
  private readonly client = new Client('https://upstream.internal');
  async check() {
    const { statusCode } = await this.client.request({ path: '/health', method: 'GET' });
    return statusCode < 400;
  }
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 6,
          column: 11,
          data: data('undici'),
          suggestions: [
            { messageId: 'suggestDump', output: `
import { Client } from 'undici';
export class Upstream {
  private readonly client = new Client('https://upstream.internal');
  async check() {
    const { statusCode } = await this.client.request({ path: '/health', method: 'GET' }).then(async (response) => { await response.body.dump(); return response; });
    return statusCode < 400;
  }
}` },
          ],
        },
      ],
    },
    // axios with responseType stream, status check before piping
    {
      code: `
import axios from 'axios';
import { createWriteStream } from 'node:fs';
export async function save(url: string, file: string) {
  const response = await axios.get(url, { responseType: 'stream' });
  if (response.status !== 200) throw new Error('failed');
  response.data.pipe(createWriteStream(file));
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 5,
          column: 9,
          data: data('axios-stream', 6),
          suggestions: [
            { messageId: 'suggestResume', output: `
import axios from 'axios';
import { createWriteStream } from 'node:fs';
export async function save(url: string, file: string) {
  const response = await axios.get(url, { responseType: 'stream' });
  if (response.status !== 200) { response.data.resume(); throw new Error('failed'); }
  response.data.pipe(createWriteStream(file));
}` },
          ],
        },
      ],
    },
    // got.stream discarded
    {
      code: `
import got from 'got';
export function warm(url: string) {
  got.stream(url);
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 3,
          data: data('got-stream'),
          suggestions: [],
        },
      ],
    },
    // member of an awaited response that is only metadata
    {
      code: `
export async function ok(url: string) {
  if ((await fetch(url)).ok) return true;
  return false;
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 3,
          column: 14,
          data: data('fetch'),
          suggestions: [
            { messageId: 'suggestRead', output: `
export async function ok(url: string) {
  if ((await fetch(url).then(async (response) => { await response.arrayBuffer(); return response; })).ok) return true;
  return false;
}` },
            { messageId: 'suggestCancel', output: `
export async function ok(url: string) {
  if ((await fetch(url).then(async (response) => { await response.body?.cancel(); return response; })).ok) return true;
  return false;
}` },
          ],
        },
      ],
    },
    // chained response listener
    {
      code: `
import https from 'node:https';
export function print(url: string) {
  https.get(url).on('response', (res) => {
    if (res.statusCode === 200) res.pipe(process.stdout);
  });
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 4,
          column: 34,
          data: data('node-http', 6),
          suggestions: [],
        },
      ],
    },
    // top-level await in a module script (espree)
    {
      code: `
const res = await fetch('https://example.com/health');
console.log(res.status);`,
      ...esm,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 2,
          column: 7,
          data: data('fetch', 3),
          suggestions: [
            { messageId: 'suggestRead', output: `
const res = await fetch('https://example.com/health').then(async (response) => { await response.arrayBuffer(); return response; });
console.log(res.status);` },
            { messageId: 'suggestCancel', output: `
const res = await fetch('https://example.com/health').then(async (response) => { await response.body?.cancel(); return response; });
console.log(res.status);` },
          ],
        },
      ],
    },
    // extra response source from options
    {
      code: `
import { send } from '@acme/http';
export async function ping() {
  const res = await send('/ping');
  return res.statusCode;
}`,
      options: [{"responseSources":[{"function":{"from":"package","package":"@acme/http","name":"send"},"returns":"undici-response"}]}] as never,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 4,
          column: 9,
          data: data('undici', 5),
          suggestions: [
            { messageId: 'suggestDump', output: `
import { send } from '@acme/http';
export async function ping() {
  const res = await send('/ping');
  await res.body.dump();
  return res.statusCode;
}` },
          ],
        },
      ],
    },
    // a status copy checked against a status that has a body proves nothing
    {
      code: `import { request } from 'undici';
export async function read(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode === 404) return null;
  return body.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          data: data('undici', 4),
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestDump',
              output: `import { request } from 'undici';
export async function read(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode === 404) { await body.dump(); return null; }
  return body.json();
}`,
            },
          ],
        },
      ],
    },
    // 'use client' after an import is no directive: server code
    {
      code: `import { log } from './log';
'use client';
export async function upload(url: string, file: Blob) {
  const response = await fetch(url, { method: 'PUT', body: file });
  log(response.status);
}`,
      errors: [{ messageId: 'neverConsumed', line: 4, suggestions: [
                   { messageId: 'suggestRead', output: `import { log } from './log';
'use client';
export async function upload(url: string, file: Blob) {
  const response = await fetch(url, { method: 'PUT', body: file });
  log(response.status);
  await response.arrayBuffer();
}` },
                   { messageId: 'suggestCancel', output: `import { log } from './log';
'use client';
export async function upload(url: string, file: Blob) {
  const response = await fetch(url, { method: 'PUT', body: file });
  log(response.status);
  await response.body?.cancel();
}` },
                 ] }],
    },
    // browser globals do not exempt node-fetch
    {
      code: `import fetch from 'node-fetch';
      export async function ping(url) {
        if (typeof window !== 'undefined') return;
        await fetch(url);
      }`,
      ...esm,
      errors: [{ messageId: 'discarded', data: data('node-fetch'), line: 4, column: 15, suggestions: [
                   { messageId: 'suggestResume', output: `import fetch from 'node-fetch';
      export async function ping(url) {
        if (typeof window !== 'undefined') return;
        (await fetch(url)).body.resume();
      }` },
                   { messageId: 'suggestRead', output: `import fetch from 'node-fetch';
      export async function ping(url) {
        if (typeof window !== 'undefined') return;
        await (await fetch(url)).arrayBuffer();
      }` },
                 ] }],
    },
    // undici: destroying the body before reading it closes the connection
    {
      code: `const { request } = require('undici');
      async function read(url) {
        const res = await request(url);
        if (res.statusCode >= 400) {
          res.body.destroy();
          throw new Error('failed');
        }
        return res.body.text();
      }`,
      ...plainJs,
      errors: [
        {
          messageId: 'destroyedUnread',
          data: { name: 'res.body', drain: 'await res.body.dump()' },
          line: 5,
          column: 11,
          suggestions: [],
        },
      ],
    },
  ],
});

// The rule relies on ESLint's code-path events, whose API changed over the years: run a sample of
// the cases above through ESLint 10 (the `eslint-v10` alias package) as well.
describe('no-unconsumed-body on ESLint 10', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Linter } = require('eslint-v10') as typeof import('eslint');
  const lint = (code: string) =>
    new Linter({ configType: 'flat' })
      .verify(
        code,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser as never, sourceType: 'module' },
            plugins: { keepalive: { rules: { 'no-unconsumed-body': rule as never } } },
            rules: { 'keepalive/no-unconsumed-body': 'error' },
          },
        ],
        'file.ts',
      )
      .map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`);

  it('reports the leaking paths', () => {
    assert.deepEqual(
      lint(`import https from 'node:https';
export async function a(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error('x');
  return res.json();
}
export async function b(url: string) {
  await fetch(url, { method: 'POST' });
}
export function c(url: string) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) return;
    res.pipe(process.stdout);
  });
}
export function d(url: string) {
  https.get(url, (res) => { res.destroy(); });
}`),
      ['3:9 unconsumedOnPath', '8:9 discarded', '11:19 unconsumedOnPath', '17:29 destroyedUnread'],
    );
  });

  it('stays silent on consumed, handed-off and bodyless paths', () => {
    assert.deepEqual(
      lint(`export async function a(url: string) {
  const res = await fetch(url);
  try {
    if (res.status === 204) return null;
    if (!res.ok) throw new Error('x');
    return await res.json();
  } finally {
    if (!res.bodyUsed) await res.body?.cancel();
  }
}
export async function b(url: string) {
  let res;
  try { res = await fetch(url); } catch (err) { throw new Error('network'); }
  return res;
}`),
      [],
    );
  });
});
