import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-disabled-keepalive';

const ruleTester = new RuleTester(); // @typescript-eslint/parser
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;

// Settings assigned to request options (or their headers) before the request, instead of written
// into the literal: `options.agent = false`, `options.headers.Connection = 'close'`.
ruleTester.run('no-disabled-keepalive (settings assigned before the request)', rule as never, {
  valid: [
    // conditional: an opt-out the caller chose
    `import https from 'https';
     export function get(url: URL, fresh: boolean) {
       const options = { host: url.host, path: url.pathname };
       if (fresh) options.agent = false;
       return https.get(options);
     }`,
    `export async function send(url: string, body: string, closeAfter: boolean) {
       const headers: Record<string, string> = { 'content-type': 'text/plain' };
       closeAfter && (headers.connection = 'close');
       return fetch(url, { method: 'POST', headers, body });
     }`,
    // the object never reaches a request call
    `export function describe(options: object) {
       const copy = { ...options };
       copy.agent = false;
       return JSON.stringify(copy);
     }`,
    `import http from 'http';
     http.createServer((req, res) => {
       const headers = { 'content-type': 'text/plain' };
       headers.connection = 'close';
       res.writeHead(200, headers);
       res.end();
     });`,
    // a request made in another function, or before the assignment
    `import https from 'https';
     const options = { host: 'api.example.com' };
     export function configure() { options.agent = false; }
     export function get() { return https.get(options); }`,
    `import https from 'https';
     export function get() {
       const options = { host: 'api.example.com' };
       const req = https.get(options);
       options.agent = false;
       return req;
     }`,
    // a CONNECT tunnel or an Upgrade hands its socket over: closing is the point
    `import http from 'http';
     export function tunnel(proxy: string, target: string) {
       const options = { host: proxy, method: 'CONNECT', path: target };
       options.agent = false;
       return http.request(options);
     }`,
    // a true agent, another header, keep-alive
    `import http from 'http';
     export function get(options: http.RequestOptions) {
       const copy = { ...options };
       copy.agent = undefined;
       copy.headers = { connection: 'keep-alive' };
       return http.get(copy);
     }`,
    // fetch has no agent option: agent = false there is not node's one-shot agent
    `export async function get(url: string) {
       const init = { method: 'GET' };
       init.agent = false;
       return fetch(url, init);
     }`,
    // a variable reassigned later may hold other options by the time of the call
    `import https from 'https';
     export function get(base: object) {
       let options = { host: 'x' };
       options.agent = false;
       options = { ...base };
       return https.get(options);
     }`,
    // options switched off
    {
      code: `import https from 'https';
       export function get() { const options = { host: 'x' }; options.agent = false; return https.get(options); }`,
      options: [{ checkAgentFalse: false }],
    },
    {
      code: `export function get(url: string) { const headers = {}; headers.Connection = 'close'; return fetch(url, { headers }); }`,
      options: [{ checkConnectionClose: false }],
    },
  ],
  invalid: [
    {
      code: `const https = require('https');
const url = require('url');
function download(link, done) {
  const options = url.parse(link);
  options.agent = false;
  https.get(options, (res) => res.pipe(done));
}`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentFalse',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `const https = require('https');
const url = require('url');
function download(link, done) {
  const options = url.parse(link);
  
  https.get(options, (res) => res.pipe(done));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import http from 'node:http';
export function ping(host: string) {
  const options: http.RequestOptions = { host, path: '/health', headers: {} };
  options.headers!['Connection'] = 'close';
  return new Promise((resolve) => http.request(options, resolve).end());
}`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 4,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import http from 'node:http';
export function ping(host: string) {
  const options: http.RequestOptions = { host, path: '/health', headers: {} };
  
  return new Promise((resolve) => http.request(options, resolve).end());
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function notify(url: string, payload: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  headers.connection = 'close';
  const init = { method: 'POST', headers, body: JSON.stringify(payload) };
  const res = await fetch(url, init);
  return res.json();
}`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 3,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `export async function notify(url: string, payload: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  
  const init = { method: 'POST', headers, body: JSON.stringify(payload) };
  const res = await fetch(url, init);
  return res.json();
}`,
            },
          ],
        },
      ],
    },
    {
      // axios: headers put straight into the config literal
      code: `import axios from 'axios';
export async function poll(url: string) {
  const headers = { Accept: 'application/json' };
  headers['Connection'] = 'close';
  for (;;) {
    const { data } = await axios.get(url, { headers });
    if (data.done) return data;
  }
}`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 4,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import axios from 'axios';
export async function poll(url: string) {
  const headers = { Accept: 'application/json' };
  
  for (;;) {
    const { data } = await axios.get(url, { headers });
    if (data.done) return data;
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
