import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-disabled-keepalive';

const ruleTester = new RuleTester(); // @typescript-eslint/parser
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;

// `as never`: the root @typescript-eslint/rule-tester (8.72) nests its own @typescript-eslint/utils,
// whose types differ from the plugin's 8.74; RuleTester still checks message ids at run time.
ruleTester.run('no-disabled-keepalive', rule as never, {
  valid: [
    // A Headers object of the project's own, or one built from something else.
    `import { Headers } from './headers';
export const ping = (url: string) => fetch(url, { headers: new Headers({ Connection: 'close' }) });`,
    `export const ping = (url: string, base: Headers) => fetch(url, { headers: new Headers(base) });`,
    // keepAlive: true in every import form
    `import https from 'node:https'; export const agent = new https.Agent({ keepAlive: true, maxSockets: 50 });`,
    `import { Agent } from 'http'; const agent = new Agent({ keepAlive: true });`,
    { code: `const http = require('http'); const agent = new http.Agent({ keepAlive: true });`, ...plainJs },
    // keepAlive decided at run time, or options we cannot see into
    `import https from 'https'; const agent = new https.Agent({ keepAlive: process.env.KEEPALIVE !== '0' });`,
    `import https from 'https'; export function make(options: object) { return new https.Agent(options); }`,
    `import https from 'https'; const base = { keepAlive: true }; const agent = new https.Agent({ ...base, maxSockets: 10 });`,
    // maxCachedSessions: 0 asks for a full TLS handshake per connection (a certificate checker)
    `import https from 'https'; export const checkAgent = new https.Agent({ maxCachedSessions: 0 });`,
    `import https from 'https'; const FRESH = { maxCachedSessions: 0, keepAlive: false }; export const checkAgent = new https.Agent(FRESH);`,
    `import https from 'https'; declare const key: string; const agent = new https.Agent({ [key]: true });`,
    `import https from 'https'; const agent = new https.Agent({ keepAlive: false, ...overrides });`,
    // a variable holding options that is later changed
    `import https from 'https';
     const options: Record<string, unknown> = { maxSockets: 5 };
     options.keepAlive = true;
     const agent = new https.Agent(options);`,
    // look-alikes: not node's Agent
    `import { Agent } from 'undici'; const agent = new Agent({ connections: 10 });`,
    `import Agent from 'agentkeepalive'; const agent = new Agent({ maxSockets: 100 });`,
    `class Agent { constructor(public name = 'x') {} } const a = new Agent();`,
    `import { Agent } from './agent'; const a = new Agent({ retries: 3 });`,
    // subclass calls and prototype calls are not constructions we can judge
    `import http from 'http';
     class TracingAgent extends http.Agent { constructor() { super({ maxSockets: 4 }); } }`,
    { code: `const http = require('http'); function MyAgent(o) { http.Agent.call(this, o); }`, ...plainJs },
    // agent: false outside Node's request options
    `import axios from 'axios'; await axios.get('https://api.example.com', { proxy: false });`,
    `const config = { agent: false }; export default config;`,
    `import http from 'http'; http.request({ host: 'example.com', agent: undefined });`,
    `import http from 'http'; declare const myAgent: http.Agent; http.request({ host: 'example.com', agent: myAgent });`,
    `import http from 'http'; http.get({ host: 'example.com', agent: false, ...opts });`,
    `import got from 'got'; await got('https://example.com', { agent: false as never });`,
    // options object mutated before use
    { code: `const https = require('https');
      const options = { host: 'example.com', agent: false };
      if (process.env.AGENT) options.agent = sharedAgent;
      https.get(options, (res) => res.resume());`, ...plainJs },
    // a CONNECT tunnel or an Upgrade request hands its socket over: agent: false is right there
    `import http from 'http';
     const req = http.request({ host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: 'example.com:443', agent: false });`,
    `import https from 'https';
     https.request({ host, path: '/socket', agent: false, headers: { Connection: 'Upgrade', Upgrade: 'websocket' } });`,
    `import http from 'http';
     const options = { method: 'connect', path: target, agent: false, headers: { connection: 'close' } };
     http.request(options).end();`,
    // Connection headers that do not close
    `await fetch('https://example.com', { headers: { Connection: 'keep-alive' } });`,
    `import axios from 'axios'; await axios.get('/x', { headers: { 'X-Connection': 'close' } });`,
    // server-side response headers are not request options
    `import http from 'http';
     http.createServer((req, res) => { res.writeHead(200, { Connection: 'close' }); res.end(); });`,
    `import express from 'express'; express().get('/', (req, res) => { res.set('Connection', 'close').send('bye'); });`,
    `import http from 'http';
     http.createServer((req, res) => { res.setHeader('Connection', 'close'); res.end(); });`,
    `import http from 'http';
     let req = http.request('http://example.com');
     req = other;
     req.setHeader('Connection', 'close');`,
    `import https from 'https'; const req = https.request(url); req.setHeader('Connection', 'keep-alive');`,
    // a body that happens to have a `headers` key is not request options
    `import axios from 'axios'; await axios.post('/hooks', { headers: { Connection: 'close' } });`,
    // unknown fetch implementations and look-alike request functions
    `const fetch = (url: string, init: object) => Promise.resolve({ url, init });
     await fetch('https://example.com', { headers: { Connection: 'close' } });`,
    `import request from 'supertest'; await request(app).get('/').set('Connection', 'close');`,
    `import { request } from './client'; await request('/x', { headers: { Connection: 'close' } });`,
    // a spread that may carry keepAlive (or is unknown) leaves the setting open
    `import https from 'https'; const agent = new https.Agent({ ...(reuse ? { keepAlive: true } : {}), maxSockets: 4 });`,
    `import https from 'https'; const agent = new https.Agent({ ...(custom || { ca }), maxSockets: 4 });`,
    // spread after the header may replace it
    `await fetch('https://example.com', { headers: { Connection: 'close', ...extra } });`,
    // undici: pipelining that keeps connections
    `import { Pool } from 'undici'; const pool = new Pool('https://api.example.com', { pipelining: 1 });`,
    `import { Agent } from 'undici'; const agent = new Agent({ pipelining: 10, connections: 16 });`,
    `import { Pool } from 'pg'; const pool = new Pool({ pipelining: 0 });`,
    // options disabled
    {
      code: `import https from 'https'; const agent = new https.Agent({ maxSockets: 5 });`,
      options: [{ checkAgentOptions: false }],
    },
    {
      code: `import http from 'http'; http.get({ host: 'x', agent: false });`,
      options: [{ checkAgentFalse: false }],
    },
    {
      code: `await fetch('https://x', { headers: { Connection: 'close' } });`,
      options: [{ checkConnectionClose: false }],
    },
    {
      code: `import { Client } from 'undici'; const c = new Client('http://x', { pipelining: 0 });`,
      options: [{ checkPipelining: false }],
    },
  ],
  invalid: [
    // A Headers object built from a literal is read like the literal.
    {
      code: `export async function ping(url: string) {
  return fetch(url, { headers: new Headers({ accept: '*/*', Connection: 'close' }) });
}`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 2,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `export async function ping(url: string) {
  return fetch(url, { headers: new Headers({ accept: '*/*' }) });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'node:https';
export const agent = new https.Agent({ maxSockets: 50 });`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import https from 'node:https';
export const agent = new https.Agent({ keepAlive: true, maxSockets: 50 });`,
            },
          ],
        },
      ],
    },
    {
      // session caching limited, not off: keep-alive is still lost by accident
      code: `import https from 'node:https';
export const agent = new https.Agent({ maxCachedSessions: 10 });`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import https from 'node:https';
export const agent = new https.Agent({ keepAlive: true, maxCachedSessions: 10 });`,
            },
          ],
        },
      ],
    },
    {
      // no options at all
      code: `import http from 'http';
const agent = new http.Agent();`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import http from 'http';
const agent = new http.Agent({ keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      // no parentheses
      code: `import * as https from 'https';
const agent = new https.Agent;`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import * as https from 'https';
const agent = new https.Agent({ keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      // empty literal
      code: `import { Agent as HttpsAgent } from 'node:https';
const agent = new HttpsAgent({});`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { Agent as HttpsAgent } from 'node:https';
const agent = new HttpsAgent({ keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      // multi-line options, plain JS with require
      code: `const https = require('https');
const agent = new https.Agent({
  rejectUnauthorized: false,
  maxSockets: 10,
});`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `const https = require('https');
const agent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false,
  maxSockets: 10,
});`,
            },
          ],
        },
      ],
    },
    {
      // keepAlive: false, destructured require
      code: `const { Agent } = require('node:http');
module.exports = new Agent({ keepAlive: false, maxSockets: 1 });`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentKeepAliveFalse',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `const { Agent } = require('node:http');
module.exports = new Agent({ keepAlive: true, maxSockets: 1 });`,
            },
          ],
        },
      ],
    },
    {
      // options in a const, module chosen at run time
      code: `import http from 'http';
import https from 'https';
const agentOptions = { maxSockets: 20 };
export function agentFor(tls: boolean) {
  const mod = tls ? https : http;
  return new mod.Agent(agentOptions);
}`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import http from 'http';
import https from 'https';
const agentOptions = { keepAlive: true, maxSockets: 20 };
export function agentFor(tls: boolean) {
  const mod = tls ? https : http;
  return new mod.Agent(agentOptions);
}`,
            },
          ],
        },
      ],
    },
    {
      // called without `new`
      code: `const https = require('https');
const agent = https.Agent({ timeout: 5000 });`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `const https = require('https');
const agent = https.Agent({ keepAlive: true, timeout: 5000 });`,
            },
          ],
        },
      ],
    },
    {
      // a spread before the explicit false does not save it
      code: `import https from 'https';
const agent = new https.Agent({ ...tlsOptions, keepAlive: false });`,
      errors: [
        {
          messageId: 'agentKeepAliveFalse',
          line: 2,
          column: 48,
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `import https from 'https';
const agent = new https.Agent({ ...tlsOptions, keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      // spreads of values written out without keepAlive (client certificates added when configured)
      code: `import https from 'https';
export function clusterAgent(cluster: { cert?: string; key?: string; ca?: string }) {
  return new https.Agent({
    ...(cluster.cert && { cert: cluster.cert, key: cluster.key }),
    ...(cluster.ca ? { ca: cluster.ca } : {}),
  });
}`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 3,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import https from 'https';
export function clusterAgent(cluster: { cert?: string; key?: string; ca?: string }) {
  return new https.Agent({
    keepAlive: true,
    ...(cluster.cert && { cert: cluster.cert, key: cluster.key }),
    ...(cluster.ca ? { ca: cluster.ca } : {}),
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // a configured constructor
      code: `import { InternalAgent } from '@acme/http';
const agent = new InternalAgent({ maxSockets: 4 });`,
      options: [{ agentConstructors: [{ from: 'package', package: '@acme/http', name: 'InternalAgent' }] }],
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { InternalAgent } from '@acme/http';
const agent = new InternalAgent({ keepAlive: true, maxSockets: 4 });`,
            },
          ],
        },
      ],
    },
    {
      // agent: false in http.get options
      code: `import http from 'node:http';
http.get({ host: 'localhost', port: 8080, agent: false }, (res) => res.resume());`,
      errors: [
        {
          messageId: 'agentFalse',
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `import http from 'node:http';
http.get({ host: 'localhost', port: 8080 }, (res) => res.resume());`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript's CommonJS output calls imports through `(0, module_1.fn)(...)`
      code: `const https_1 = require("https");
const req = (0, https_1.request)({ host: 'example.com', agent: false });`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentFalse',
          line: 2,
          column: 57,
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `const https_1 = require("https");
const req = (0, https_1.request)({ host: 'example.com' });`,
            },
          ],
        },
      ],
    },
    {
      // agent: false first, url + options form
      code: `import { request } from 'https';
const req = request('https://example.com/health', { agent: false, method: 'HEAD' });`,
      errors: [
        {
          messageId: 'agentFalse',
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `import { request } from 'https';
const req = request('https://example.com/health', { method: 'HEAD' });`,
            },
          ],
        },
      ],
    },
    {
      // agent: false in an options variable (plain JS)
      code: `const https = require('https');
const options = {
  hostname: 'api.example.com',
  path: '/v1/events',
  agent: false,
};
https.request(options, (res) => res.resume()).end();`,
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
const options = {
  hostname: 'api.example.com',
  path: '/v1/events',
};
https.request(options, (res) => res.resume()).end();`,
            },
          ],
        },
      ],
    },
    {
      // Connection: close with fetch, any casing
      code: `const res = await fetch('https://api.example.com/items', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'CONNECTION': 'Close' },
});`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 3,
          column: 50,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `const res = await fetch('https://api.example.com/items', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
});`,
            },
          ],
        },
      ],
    },
    {
      // headers in a const used by http.request
      code: `import https from 'https';
const headers = { Connection: 'close', Accept: 'application/json' };
https.request({ host: 'example.com', headers }, (res) => res.resume()).end();`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import https from 'https';
const headers = { Accept: 'application/json' };
https.request({ host: 'example.com', headers }, (res) => res.resume()).end();`,
            },
          ],
        },
      ],
    },
    {
      // axios instance config
      code: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', headers: { connection: 'close' } });`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 2,
          column: 82,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', headers: {} });`,
            },
          ],
        },
      ],
    },
    {
      // axios.post(url, data, config)
      code: `import axios from 'axios';
await axios.post('/events', { id: 1 }, { headers: { Connection: 'close' } });`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import axios from 'axios';
await axios.post('/events', { id: 1 }, { headers: {} });`,
            },
          ],
        },
      ],
    },
    {
      // got and undici
      code: `import got from 'got';
import { request } from 'undici';
await got.post('https://x', { json: {}, headers: { Connection: 'close' } });
await request('https://x', { headers: { connection: 'close' } });`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 3,
          column: 52,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import got from 'got';
import { request } from 'undici';
await got.post('https://x', { json: {}, headers: {} });
await request('https://x', { headers: { connection: 'close' } });`,
            },
          ],
        },
        {
          messageId: 'connectionClose',
          line: 4,
          column: 41,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import got from 'got';
import { request } from 'undici';
await got.post('https://x', { json: {}, headers: { Connection: 'close' } });
await request('https://x', { headers: {} });`,
            },
          ],
        },
      ],
    },
    {
      // node-fetch
      code: `import fetch from 'node-fetch';
await fetch(url, { headers: { Connection: \`close\` } });`,
      errors: [
        {
          messageId: 'connectionClose',
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import fetch from 'node-fetch';
await fetch(url, { headers: {} });`,
            },
          ],
        },
      ],
    },
    {
      // superagent .set('Connection', 'close')
      code: `const superagent = require('superagent');
superagent.get(url).set('Accept', 'application/json').set('Connection', 'close').end(done);`,
      ...plainJs,
      errors: [
        {
          messageId: 'connectionClose',
          line: 2,
          column: 55,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `const superagent = require('superagent');
superagent.get(url).set('Accept', 'application/json').end(done);`,
            },
          ],
        },
      ],
    },
    {
      // setHeader on a ClientRequest
      code: `const https = require('https');
const req = https.request(url, (res) => res.resume());
req.setHeader('connection', 'CLOSE');
req.end(body);`,
      ...plainJs,
      errors: [
        {
          messageId: 'connectionClose',
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `const https = require('https');
const req = https.request(url, (res) => res.resume());

req.end(body);`,
            },
          ],
        },
      ],
    },
    {
      // undici pipelining: 0 (origin first for Pool, options first for Agent)
      code: `import { Pool, Agent, setGlobalDispatcher } from 'undici';
const pool = new Pool('https://api.example.com', { connections: 8, pipelining: 0 });
setGlobalDispatcher(new Agent({ pipelining: 0 }));`,
      errors: [
        {
          messageId: 'pipeliningZero',
          line: 2,
          column: 68,
          suggestions: [
            {
              messageId: 'removePipelining',
              output: `import { Pool, Agent, setGlobalDispatcher } from 'undici';
const pool = new Pool('https://api.example.com', { connections: 8 });
setGlobalDispatcher(new Agent({ pipelining: 0 }));`,
            },
          ],
        },
        {
          messageId: 'pipeliningZero',
          line: 3,
          column: 33,
          suggestions: [
            {
              messageId: 'removePipelining',
              output: `import { Pool, Agent, setGlobalDispatcher } from 'undici';
const pool = new Pool('https://api.example.com', { connections: 8, pipelining: 0 });
setGlobalDispatcher(new Agent({}));`,
            },
          ],
        },
      ],
    },
  ],
});

// Library facts: agentkeepalive, proxy agents, AWS SDK agent options, modules chosen at run time.
ruleTester.run('no-disabled-keepalive (library facts)', rule as never, {
  valid: [
    // agentkeepalive keeps connections alive unless told otherwise
    `const { HttpsAgent } = require('agentkeepalive'); const agent = new HttpsAgent();`,
    `import Agent from 'agentkeepalive'; const agent = new Agent({ keepAlive: true, freeSocketTimeout: 4000 });`,
    // proxy agents with keep-alive, or options we cannot see into
    `import { HttpsProxyAgent } from 'https-proxy-agent'; const agent = new HttpsProxyAgent(process.env.HTTPS_PROXY!, { keepAlive: true });`,
    `import { HttpsProxyAgent } from 'https-proxy-agent'; export const make = (proxy: string, options: object) => new HttpsProxyAgent(proxy, options);`,
    `import { HttpsProxyAgent } from 'https-proxy-agent'; const agent = new HttpsProxyAgent(proxy, { ...defaults, timeout: 5 });`,
    `import { ProxyAgent } from 'proxy-agent'; const agent = new ProxyAgent({ keepAlive: true });`,
    `import { HttpsProxyAgent } from 'hpagent'; const agent = new HttpsProxyAgent({ proxy: 'http://proxy:3128', keepAlive: true, maxSockets: 16 });`,
    // older major versions with another signature: not read
    `import { HttpsProxyAgent } from 'https-proxy-agent'; const agent = new HttpsProxyAgent({ host: 'proxy', port: 3128 });`,
    `import createHttpsProxyAgent from 'https-proxy-agent'; const agent = createHttpsProxyAgent('http://proxy:3128');`,
    `import { ProxyAgent } from 'proxy-agent'; const agent = new ProxyAgent('socks5://proxy:1080');`,
    `import { SocksProxyAgent } from 'socks-proxy-agent'; const agent = new SocksProxyAgent({ hostname: 'proxy', port: 1080, timeout: 1000 });`,
    // incomplete or impossible calls
    `import { HttpsProxyAgent } from 'https-proxy-agent'; const agent = new HttpsProxyAgent();`,
    `import { HttpsProxyAgent } from 'hpagent'; const agent = new HttpsProxyAgent();`,
    // AWS SDK: the handler turns agent options into an Agent with keepAlive: true by default
    `import { S3Client } from '@aws-sdk/client-s3'; const s3 = new S3Client({ requestHandler: { httpsAgent: { maxSockets: 200 } } });`,
    `import { NodeHttpHandler } from '@smithy/node-http-handler'; const h = new NodeHttpHandler({ httpsAgent: { keepAlive: true } });`,
    `import { NodeHttpHandler } from '@smithy/node-http-handler'; const h = new NodeHttpHandler({ httpsAgent: agentOptions });`,
    `import { S3Client } from '@aws-sdk/client-s3'; const s3 = new S3Client({ requestHandler: { httpsAgent: { keepAlive: process.env.KA === '1' } } });`,
    `import { NodeHttpHandler } from './handler'; const h = new NodeHttpHandler({ httpsAgent: { keepAlive: false } });`,
    `import { S3Client } from './s3'; const s3 = new S3Client({ requestHandler: { httpsAgent: { keepAlive: false } } });`,
    // modules chosen at run time whose candidates disagree, or that are not request modules
    `import axios from 'axios'; export const send = (method: string, url: string) => axios[method](url, { headers: { Connection: 'close' } });`,
    `import * as undici from 'undici'; export const send = (fn: string, url: string) => undici[fn](url, { headers: { connection: 'close' } });`,
    `import http from 'http'; import https from 'https';
     export function make(tls: boolean) { let mod = http; if (tls) mod = https; return new mod.Agent({ keepAlive: true }); }`,
    `import http from 'http'; import https from 'https';
     export function make(tls: boolean) { let Ctor = http.Agent; if (tls) Ctor = pickAgent(); return new Ctor({ maxSockets: 5 }); }`,
  ],
  invalid: [
    {
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
const agent = new HttpsProxyAgent('http://proxy:3128');`,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { HttpsProxyAgent } from 'https-proxy-agent';
const agent = new HttpsProxyAgent('http://proxy:3128', { keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `const { HttpsProxyAgent } = require('https-proxy-agent');
const agent = new HttpsProxyAgent(process.env.HTTPS_PROXY, { timeout: 5000 });`,
      ...plainJs,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `const { HttpsProxyAgent } = require('https-proxy-agent');
const agent = new HttpsProxyAgent(process.env.HTTPS_PROXY, { keepAlive: true, timeout: 5000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HttpProxyAgent } from 'http-proxy-agent';
const agent = new HttpProxyAgent(proxyUrl, { keepAlive: false });`,
      errors: [
        {
          messageId: 'agentKeepAliveFalse',
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `import { HttpProxyAgent } from 'http-proxy-agent';
const agent = new HttpProxyAgent(proxyUrl, { keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { SocksProxyAgent } from 'socks-proxy-agent';
const agent = new SocksProxyAgent('socks5://127.0.0.1:1080');`,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { SocksProxyAgent } from 'socks-proxy-agent';
const agent = new SocksProxyAgent('socks5://127.0.0.1:1080', { keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      // socks-proxy-agent 8: the proxy as an object, the agent options second
      code: `import { SocksProxyAgent } from 'socks-proxy-agent';
const agent = new SocksProxyAgent({ hostname: 'proxy', port: 1080 }, { timeout: 1000 });`,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { SocksProxyAgent } from 'socks-proxy-agent';
const agent = new SocksProxyAgent({ hostname: 'proxy', port: 1080 }, { keepAlive: true, timeout: 1000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ProxyAgent } from 'proxy-agent';
export const agent = new ProxyAgent();`,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { ProxyAgent } from 'proxy-agent';
export const agent = new ProxyAgent({ keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HttpsProxyAgent } from 'hpagent';
const agent = new HttpsProxyAgent({ proxy: 'http://proxy:3128', maxSockets: 16 });`,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import { HttpsProxyAgent } from 'hpagent';
const agent = new HttpsProxyAgent({ keepAlive: true, proxy: 'http://proxy:3128', maxSockets: 16 });`,
            },
          ],
        },
      ],
    },
    {
      code: `const Agent = require('agentkeepalive');
const agent = new Agent({ keepAlive: false });
const secure = new Agent.HttpsAgent({ maxSockets: 10, keepAlive: false });`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentKeepAliveFalse',
          line: 2,
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `const Agent = require('agentkeepalive');
const agent = new Agent({ keepAlive: true });
const secure = new Agent.HttpsAgent({ maxSockets: 10, keepAlive: false });`,
            },
          ],
        },
        {
          messageId: 'agentKeepAliveFalse',
          line: 3,
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `const Agent = require('agentkeepalive');
const agent = new Agent({ keepAlive: false });
const secure = new Agent.HttpsAgent({ maxSockets: 10, keepAlive: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ requestHandler: { httpsAgent: { keepAlive: false, maxSockets: 200 } } });`,
      errors: [
        {
          messageId: 'agentKeepAliveFalse',
          line: 2,
          column: 59,
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ requestHandler: { httpsAgent: { keepAlive: true, maxSockets: 200 } } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { NodeHttpHandler } from '@smithy/node-http-handler';
const handlerOptions = { httpAgent: { keepAlive: false } };
export const handler = new NodeHttpHandler(handlerOptions);`,
      errors: [
        {
          messageId: 'agentKeepAliveFalse',
          line: 2,
          suggestions: [
            {
              messageId: 'setKeepAliveTrue',
              output: `import { NodeHttpHandler } from '@smithy/node-http-handler';
const handlerOptions = { httpAgent: { keepAlive: true } };
export const handler = new NodeHttpHandler(handlerOptions);`,
            },
          ],
        },
      ],
    },
    {
      // a reassigned let whose every value is a known module
      code: `import http from 'http';
import https from 'https';
export function make(tls: boolean) {
  let mod = http;
  if (tls) mod = https;
  return new mod.Agent({ maxSockets: 5 });
}`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 6,
          data: { name: 'mod.Agent', tls: '' },
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import http from 'http';
import https from 'https';
export function make(tls: boolean) {
  let mod = http;
  if (tls) mod = https;
  return new mod.Agent({ keepAlive: true, maxSockets: 5 });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import http from 'http';
import https from 'https';
export function get(isTls: boolean, host: string) {
  return (isTls ? https : http).request({ host, agent: false });
}`,
      errors: [
        {
          messageId: 'agentFalse',
          line: 4,
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `import http from 'http';
import https from 'https';
export function get(isTls: boolean, host: string) {
  return (isTls ? https : http).request({ host });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function get(url, done) {
  const lib = url.startsWith('https') ? require('https') : require('http');
  lib.get(url, { agent: false }, done);
}`,
      ...plainJs,
      errors: [
        {
          messageId: 'agentFalse',
          line: 3,
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `function get(url, done) {
  const lib = url.startsWith('https') ? require('https') : require('http');
  lib.get(url, {}, done);
}`,
            },
          ],
        },
      ],
    },
    {
      // a request method chosen at run time: every candidate takes options the same way
      code: `import http from 'http';
export const send = (verb: 'get' | 'request', url: string) => http[verb](url, { agent: false });`,
      errors: [
        {
          messageId: 'agentFalse',
          suggestions: [
            {
              messageId: 'removeAgentFalse',
              output: `import http from 'http';
export const send = (verb: 'get' | 'request', url: string) => http[verb](url, {});`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
export const send = (method: string, url: string) => got[method](url, { headers: { connection: 'close' } });`,
      errors: [
        {
          messageId: 'connectionClose',
          suggestions: [
            {
              messageId: 'removeConnectionClose',
              output: `import got from 'got';
export const send = (method: string, url: string) => got[method](url, { headers: {} });`,
            },
          ],
        },
      ],
    },
  ],
});
