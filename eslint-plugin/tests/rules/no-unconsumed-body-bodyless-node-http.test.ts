/**
 * no-unconsumed-body on node:http responses that have no body: a HEAD request, status 204 or 304,
 * `Content-Length: 0`. node:http frees a keep-alive socket on the response's `'end'` event, which
 * an unread stream never emits, even an empty one (docs/library-facts.md): these are reported like
 * any unread node:http response. fetch and undici free the connection of a bodyless response on
 * their own, so the same code with them stays quiet.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const EMPTY_LENGTH = `import https from 'node:https';
export function send(url: string, done: (err: Error | null, data?: string) => void) {
  https.get(url, (res) => {
    if (res.headers['content-length'] === '0') { done(null); return; }
    let data = '';
    res.on('data', (chunk) => { data += chunk; });
    res.on('end', () => done(null, data));
  });
}`;

const LENGTH_CONVERSIONS = `import https from 'node:https';
export function send(url: string, done: (status?: number) => void) {
  https.get(url, (res) => {
    if (Number(res.headers['content-length']) === 0 || +res.headers['content-length']! === 0) return done(res.statusCode);
    res.resume();
    done();
  });
}`;

const HEAD_REQUEST = `import https from 'node:https';
export function exists(url: string) { https.request(url, { method: 'head' }, (res) => { console.log(res.statusCode); }).end(); }`;

const NO_CONTENT = `import https from 'node:https';
export function size(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if (res.statusCode === 204) return resolve(0);
      let total = 0;
      res.on('data', (chunk) => { total += chunk.length; });
      res.on('end', () => resolve(total));
    }).on('error', reject);
  });
}`;

const NOT_MODIFIED = `import https from 'node:https';
export function refresh(url: string, etag: string, done: (changed: boolean) => void) {
  https.get(url, { headers: { 'if-none-match': etag } }, (res) => {
    switch (res.statusCode) {
      case 304:
        return done(false);
      default:
        res.resume();
        return done(true);
    }
  });
}`;

/** A wrapper whose caller asks for HEAD. */
const HEAD_THROUGH_WRAPPER = `import http from 'node:http';
function call(method: string, path: string, onResponse: (res: http.IncomingMessage) => void) {
  http.request({ host: 'api.internal', path, method }, onResponse).end();
}
export function ping(path: string) {
  call('HEAD', path, (res) => {
    console.log(path, res.statusCode);
  });
}`;

ruleTester.run('no-unconsumed-body (bodyless node:http responses)', rule as never, {
  valid: [
    EMPTY_LENGTH.replace("{ done(null); return; }", "{ res.resume(); done(null); return; }"),
    NO_CONTENT.replace('if (res.statusCode === 204) return resolve(0);', 'if (res.statusCode === 204) { res.resume(); return resolve(0); }'),
    HEAD_THROUGH_WRAPPER.replace('    console.log(path, res.statusCode);', '    console.log(path, res.statusCode);\n    res.resume();'),
    // fetch and undici free the connection of a bodyless response themselves.
    `export async function exists(url: string) { const res = await fetch(url, { method: 'HEAD' }); return res.ok; }`,
    `export async function size(url: string) {
  const res = await fetch(url);
  if (res.status === 204) return 0;
  return (await res.arrayBuffer()).byteLength;
}`,
    `import { request } from 'undici';
export async function exists(url: string) { const { statusCode } = await request(url, { method: 'HEAD' }); return statusCode === 200; }`,
  ],
  invalid: [
    {
      code: EMPTY_LENGTH,
      errors: [{ messageId: 'unconsumedOnPath', line: 3, suggestions: [{ messageId: 'suggestResume', output: EMPTY_LENGTH.replace('{ done(null); return; }', '{ done(null); res.resume(); return; }') }] }],
    },
    {
      code: LENGTH_CONVERSIONS,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          suggestions: [{ messageId: 'suggestResume', output: LENGTH_CONVERSIONS.replace('=== 0) return done(res.statusCode);', '=== 0) { res.resume(); return done(res.statusCode); }') }],
        },
      ],
    },
    {
      code: HEAD_REQUEST,
      errors: [{ messageId: 'neverConsumed', line: 2, suggestions: [{ messageId: 'suggestResume', output: HEAD_REQUEST.replace('console.log(res.statusCode); }', 'console.log(res.statusCode); res.resume(); }') }] }],
    },
    {
      code: NO_CONTENT,
      errors: [{ messageId: 'unconsumedOnPath', line: 4, suggestions: [{ messageId: 'suggestResume', output: NO_CONTENT.replace('if (res.statusCode === 204) return resolve(0);', 'if (res.statusCode === 204) { res.resume(); return resolve(0); }') }] }],
    },
    {
      code: NOT_MODIFIED,
      errors: [{ messageId: 'unconsumedOnPath', line: 3, suggestions: [{ messageId: 'suggestResume', output: NOT_MODIFIED.replace('        return done(false);', '        res.resume();\n        return done(false);') }] }],
    },
    {
      code: HEAD_THROUGH_WRAPPER,
      errors: [{ messageId: 'neverConsumed', line: 6, suggestions: [{ messageId: 'suggestResume', output: HEAD_THROUGH_WRAPPER.replace('    console.log(path, res.statusCode);', '    console.log(path, res.statusCode);\n    res.resume();') }] }],
    },
  ],
});
