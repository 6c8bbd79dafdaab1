/**
 * Modules chosen at run time, seen by every rule: `const mod = tls ? https : http`, a `let`
 * reassigned between known modules, `(isTls ? https : http).request(...)`, a `require` per branch,
 * and request methods picked with a computed key (`axios[method]`, `http[verb]`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWithAllRules } from '../support/lint-with-all-rules';

/** `[rule, messageId, line]` of every keepalive finding in `code`, in order. */
function findings(code: string): [string, string, number][] {
  const messages = lintWithAllRules(code);
  return messages.map((message) => [message.ruleId?.replace('keepalive/', '') ?? 'parse', message.messageId ?? message.message, message.line]);
}

const IMPORTS = `import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import got from 'got';
import express from 'express';
const app = express();
`;

describe('modules chosen at run time', () => {
  it('no-unconsumed-body follows a conditional module alias, a reassigned let, and a require per branch', () => {
    const code = `${IMPORTS}
export function status(tls: boolean, url: string, out: NodeJS.WritableStream) {
  const mod = tls ? https : http;
  mod.get(url, (res) => {
    if (res.statusCode !== 200) return;
    res.pipe(out);
  });
}
export function status2(tls: boolean, url: string, out: NodeJS.WritableStream) {
  let mod = http;
  if (tls) mod = https;
  mod.get(url, (res) => {
    if (res.statusCode !== 200) return;
    res.pipe(out);
  });
}
export function status3(url: string, out: NodeJS.WritableStream) {
  const lib = url.startsWith('https') ? require('https') : require('http');
  lib.get(url, (res: http.IncomingMessage) => {
    if (res.statusCode !== 200) return;
    res.pipe(out);
  });
}
export function status4(isTls: boolean, url: string, out: NodeJS.WritableStream) {
  (isTls ? https : http).get(url, (res) => {
    if (res.statusCode !== 200) return;
    res.pipe(out);
  });
}
`;
    assert.deepEqual(findings(code), [
      ['no-unconsumed-body', 'unconsumedOnPath', 10],
      ['no-unconsumed-body', 'unconsumedOnPath', 18],
      ['no-unconsumed-body', 'unconsumedOnPath', 25],
      ['no-unconsumed-body', 'unconsumedOnPath', 31],
    ]);
  });

  it('no-unconsumed-body stays quiet when the response is read on every path, or a candidate is unknown', () => {
    const code = `${IMPORTS}
export function ok(tls: boolean, url: string) {
  const mod = tls ? https : http;
  mod.get(url, (res) => {
    res.resume();
    if (res.statusCode !== 200) return;
  });
}
export function unknown(tls: boolean, url: string, out: NodeJS.WritableStream) {
  let mod = http;
  if (tls) mod = makeClient();
  mod.get(url, (res: http.IncomingMessage) => {
    if (res.statusCode !== 200) return;
    res.pipe(out);
  });
}
declare function makeClient(): typeof http;
`;
    assert.deepEqual(findings(code), []);
  });

  it('no-unconsumed-body reads a computed request method only when every candidate agrees', () => {
    const code = `${IMPORTS}
export async function download(method: string, url: string, out: NodeJS.WritableStream) {
  const response = await axios[method](url, { responseType: 'stream' });
  if (response.status !== 200) throw new Error('HTTP ' + response.status);
  response.data.pipe(out);
}
export function fetchStatus(verb: 'get' | 'request', url: string, out: NodeJS.WritableStream) {
  http[verb](url, (res) => {
    if (res.statusCode !== 200) return;
    res.pipe(out);
  });
}
export async function buffered(method: string, url: string) {
  const response = await axios[method](url);
  if (response.status !== 200) throw new Error('HTTP ' + response.status);
  return response.data;
}
export async function viaGot(method: string, url: string) {
  const response = await got[method](url);
  if (response.statusCode !== 200) throw new Error('HTTP ' + response.statusCode);
  return response.body;
}
`;
    assert.deepEqual(findings(code), [
      ['no-unconsumed-body', 'unconsumedOnPath', 9],
      ['no-unconsumed-body', 'unconsumedOnPath', 14],
    ]);
  });

  it('no-unconsumed-body takes a method held in a request-dependent variable as unknown, not HEAD', () => {
    const code = `${IMPORTS}
import { request } from 'undici';
app.post('/proxy', async (req, res) => {
  const method = String(req.body.method);
  const { statusCode, body } = await request('http://backend/x', { method });
  if (statusCode !== 200) return res.sendStatus(502);
  res.send(await body.text());
});
`;
    assert.deepEqual(findings(code), [['no-unconsumed-body', 'unconsumedOnPath', 11]]);
  });

  it('no-client-per-request sees a pool built through a module alias in a handler', () => {
    const code = `${IMPORTS}
app.get('/a', (req, res) => {
  const mod = req.secure ? https : http;
  const agent = new mod.Agent({ keepAlive: true });
  mod.get('http://backend/a', { agent }, (upstream) => upstream.pipe(res));
});
app.get('/b', (req, res) => {
  let mod = http;
  if (req.secure) mod = https;
  const agent = new mod.Agent({ keepAlive: true });
  mod.get('http://backend/b', { agent }, (upstream) => upstream.pipe(res));
});
`;
    assert.deepEqual(findings(code), [
      ['no-client-per-request', 'poolPerRequest', 10],
      ['no-client-per-request', 'poolPerRequest', 16],
    ]);
  });

  it('no-client-per-request stays quiet for a shared pool chosen by a module alias', () => {
    const code = `${IMPORTS}
const secure = process.env.TLS === '1';
const mod = secure ? https : http;
const agent = new mod.Agent({ keepAlive: true });
app.get('/a', (req, res) => {
  mod.get('http://backend/a', { agent }, (upstream) => upstream.pipe(res));
});
app.get('/b', async (req, res) => {
  const method = String(req.query.method);
  const reply = await axios[method]('http://backend/b', { httpsAgent: agent });
  res.json(reply.data);
});
`;
    assert.deepEqual(findings(code), []);
  });

  it('no-disabled-keepalive reports an agent without keepAlive built through any alias', () => {
    const code = `${IMPORTS}
export function make(tls: boolean) {
  const mod = tls ? https : http;
  let other = http;
  if (tls) other = https;
  return [new mod.Agent({ maxSockets: 5 }), new other.Agent(), new (tls ? https : http).Agent({ keepAlive: false })];
}
`;
    assert.deepEqual(findings(code), [
      ['no-disabled-keepalive', 'agentWithoutKeepAlive', 12],
      ['no-disabled-keepalive', 'agentWithoutKeepAlive', 12],
      ['no-disabled-keepalive', 'agentKeepAliveFalse', 12],
    ]);
  });
});
