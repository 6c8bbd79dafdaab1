/**
 * no-unconsumed-body on a node:http response put into a result object that nothing reads it from
 * (node-influx's `ping()`: `resolve({ url, res, online: res.statusCode < 300 })` in the request
 * callback, and no code of the file reads `.res`): reported at the callback's parameter, with
 * `res.resume()` as the suggestion. Quiet: the file reads the field (`stats.res`, `const { res }`),
 * the object carries nothing else from the response, the response is drained first, the object
 * goes to a callback or to `reject()` rather than to `resolve()`, or the response is a `fetch`
 * response.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;
const ruleTester = new RuleTester();

/** node-influx's Pool#ping, reduced: `callback` is the request's response callback. */
const ping = (callback: string, after = '') => `import * as http from 'http';

export function ping(url: URL): Promise<{ url: URL; res: http.IncomingMessage; online: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, ${callback});
    req.on('error', reject);
    req.end();
  });
}
${after}`;

ruleTester.run('no-unconsumed-body (responses in result objects nobody reads them from)', rule as never, {
  valid: [
    // The fix: the response is drained before it is resolved.
    { code: ping(`(res) => {
      res.resume();
      resolve({ url, res, online: (res.statusCode as number) < 300 });
    }`) },
    // Code of the file reads the field: the response is handed to it.
    { code: ping(`(res) => {
      resolve({ url, res, online: (res.statusCode as number) < 300 });
    }`, `export async function download(url: URL, out: NodeJS.WritableStream) {
  const stats = await ping(url);
  stats.res.pipe(out);
}`) },
    { code: ping(`(res) => {
      resolve({ url, res, online: (res.statusCode as number) < 300 });
    }`, `export async function body(url: URL) {
  const { res } = await ping(url);
  return res;
}`) },
    // Nothing else from the response in the object: a plain hand-off of the response.
    { code: ping(`(res) => {
      resolve({ url, res });
    }`) },
    // Not `resolve()`: a callback, or the executor's `reject`.
    { code: `const https = require('https');
function probe(url, callback) {
  https.get(url, (res) => callback(null, { res, online: res.statusCode < 300 }));
}`, ...plainJs },
    { code: ping(`(res) => {
      if ((res.statusCode as number) >= 300) reject({ res, status: res.statusCode });
      else {
        res.resume();
        resolve({ url, res: null, online: true });
      }
    }`) },
    // Built in a local first: only an object literal given to `resolve()` is followed.
    { code: ping(`(res) => {
      const stats = { url, res, online: (res.statusCode as number) < 300 };
      resolve(stats);
    }`) },
    // A fetch response: stored on an object, it stays a hand-off.
    { code: `export function check(url: string) {
  return new Promise((resolve) => {
    fetch(url).then((res) => resolve({ res, ok: res.ok }));
  });
}` },
  ],
  invalid: [
    // node-influx #475: the ping's response is resolved with its status and never drained.
    {
      code: ping(`(res) => {
      resolve({
        url,
        res,
        online: (res.statusCode as number) < 300,
        version: res.headers['x-influxdb-version'] as string,
      });
    }`),
      errors: [
        {
          messageId: 'neverConsumedInResult',
          line: 5,
          column: 36,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: ping(`(res) => {
      resolve({
        url,
        res,
        online: (res.statusCode as number) < 300,
        version: res.headers['x-influxdb-version'] as string,
      });
      res.resume();
    }`),
            },
          ],
        },
      ],
    },
    // CommonJS, `response: res` under another name; the file reads other fields of the result.
    {
      code: `const https = require('https');
function status(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      resolve({ response: res, statusCode: res.statusCode });
    }).on('error', reject);
  });
}
status(process.argv[2]).then((result) => console.log(result.statusCode));`,
      ...plainJs,
      errors: [
        {
          messageId: 'neverConsumedInResult',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `const https = require('https');
function status(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      resolve({ response: res, statusCode: res.statusCode });
      res.resume();
    }).on('error', reject);
  });
}
status(process.argv[2]).then((result) => console.log(result.statusCode));`,
            },
          ],
        },
      ],
    },
    // Read on one branch, resolved unread on the other.
    {
      code: ping(`(res) => {
      if (res.statusCode === 200) {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ url, res: null, online: body === 'ok' }));
        return;
      }
      resolve({ url, res, online: false, status: res.statusCode });
    }`),
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 5,
          column: 36,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: ping(`(res) => {
      if (res.statusCode === 200) {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ url, res: null, online: body === 'ok' }));
        return;
      }
      resolve({ url, res, online: false, status: res.statusCode });
      res.resume();
    }`),
            },
          ],
        },
      ],
    },
  ],
});
