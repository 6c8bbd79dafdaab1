/**
 * no-unconsumed-body on responses a wrapper hands to its caller's callback:
 * `function submitData(data, cb) { https.request(options, (res) => cb(null, res)) }` gives the
 * response to the callback its caller passes (`submitData(data, (err, res) => ...)`), which must read
 * or release it; its `if (err)` branch has no response. Every shape has quiet counterparts: the
 * caller reads, drains, pipes or passes the response on, the callback is not known here, or the
 * wrapper's own callback does more than hand the response on.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;
const ruleTester = new RuleTester();

/** The heroku metrics shape: the request callback hands the response to `cb` as its second argument. */
const SUBMIT = `const http = require('http');
const https = require('https');
function submitData(data, cb) {
  const request = uri.protocol === 'https:' ? https.request : http.request;
  const req = request(options, res => cb(null, res));
  req.on('error', cb);
  req.write(JSON.stringify(data));
  req.end();
}
`;

/** A wrapper that hands the response to its callback as the only argument. */
const GET = `const https = require('https');
function getIt(url, callback) {
  https.get(url, function (res) {
    callback(res);
  });
}
`;

ruleTester.run('no-unconsumed-body (responses forwarded to a callback)', rule as never, {
  valid: [
    // The caller's callback drains, pipes or reads the response; its error branch has no response.
    { code: `${SUBMIT}submitData(data, (err, res) => {
  if (err) return log(err);
  res.resume();
});`, ...plainJs },
    { code: `${SUBMIT}submitData(data, function (err, res) {
  if (err !== null) {
    log(err);
    return;
  }
  res.pipe(process.stdout);
});`, ...plainJs },
    { code: `${SUBMIT}submitData(data, (err, res) => {
  if (err != null) return done(err);
  if (res.statusCode !== 200) {
    res.resume();
    return done(new Error(String(res.statusCode)));
  }
  res.on('data', (chunk) => chunks.push(chunk));
});`, ...plainJs },
    // The caller passes the response on to code the rule cannot read.
    { code: `${SUBMIT}submitData(data, (err, res) => next(err, res));`, ...plainJs },
    { code: `${SUBMIT}submitData(data, (err, res) => { if (err) throw err; emitter.emit('response', res); });`, ...plainJs },
    // The callback is not known here (a parameter of the caller).
    { code: `${SUBMIT}function send(data, callback) { submitData(data, callback); }`, ...plainJs },
    { code: `${GET}module.exports = (url, onResponse) => getIt(url, onResponse);`, ...plainJs },
    { code: `${GET}getIt(url, (res) => res.pipe(out));`, ...plainJs },
    // The wrapper's own callback drains the response and hands on only its status: nothing to read.
    { code: `const https = require('https');
function statusOf(url, cb) {
  https.get(url, (res) => { res.resume(); cb(null, res.statusCode); });
}
statusOf(url, (err, status) => log(status));`, ...plainJs },
    // Not a plain hand-on: the callback receives a value computed from the response, not the response.
    { code: `const https = require('https');
function statusOf(url, cb) {
  https.get(url, (res) => cb(null, res.statusCode, res.resume()));
}
statusOf(url, (err, status) => log(status));`, ...plainJs },
    // A promise resolved through the wrapper's callback gets the error argument (null), not the response.
    { code: `${SUBMIT}function post(data) { return new Promise((resolve) => submitData(data, resolve)); }
async function run() { const res = await post(data); return res.statusCode; }`, ...plainJs },
  ],
  invalid: [
    // heroku-nodejs-plugin: the callback only reads the status, the response's socket stays busy.
    {
      code: `${SUBMIT}setInterval(() => {
  submitData(data, (err, res) => {
    if (err !== null) {
      console.log('error when trying to submit data', err);
      return;
    }
    if (res.statusCode !== 200) {
      console.log('expected 200, got', res.statusCode);
      return;
    }
  });
}, 20000).unref();`,
      ...plainJs,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 11,
          column: 26,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `${SUBMIT}setInterval(() => {
  submitData(data, (err, res) => {
    if (err !== null) {
      console.log('error when trying to submit data', err);
      return;
    }
    if (res.statusCode !== 200) {
      console.log('expected 200, got', res.statusCode);
      res?.resume();
      return;
    }
    res?.resume();
  });
}, 20000).unref();`,
            },
          ],
        },
      ],
    },
    // `if (err) log(err)` does not leave: the response may be unset where the drain goes.
    {
      code: `${SUBMIT}function report(data) {
  submitData(data, (err, res) => {
    if (err) log(err);
  });
}`,
      ...plainJs,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 11,
          column: 26,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `${SUBMIT}function report(data) {
  submitData(data, (err, res) => {
    if (err) log(err);
    res?.resume();
  });
}`,
            },
          ],
        },
      ],
    },
    // A callback without the response parameter drops it.
    {
      code: `${SUBMIT}submitData(data, (err) => { if (err) log(err); });`,
      ...plainJs,
      errors: [{ messageId: 'discarded', line: 10, column: 1, suggestions: [] }],
    },
    // `callback(res)`: the response is the callback's first argument.
    {
      code: `${GET}function download(url, file, done) {
  getIt(url, (res) => {
    if (res.statusCode !== 200) return done(new Error('HTTP ' + res.statusCode));
    res.pipe(fs.createWriteStream(file));
  });
}`,
      ...plainJs,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 8,
          column: 15,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `${GET}function download(url, file, done) {
  getIt(url, (res) => {
    if (res.statusCode !== 200) { res.resume(); return done(new Error('HTTP ' + res.statusCode)); }
    res.pipe(fs.createWriteStream(file));
  });
}`,
            },
          ],
        },
      ],
    },
    // TypeScript, a callback declared in the file and passed by name.
    {
      code: `import https from 'node:https';
import type { IncomingMessage } from 'node:http';
export function submit(body: string, done: (err: Error | null, res?: IncomingMessage) => void) {
  const req = https.request('https://metrics.example.com', { method: 'POST' }, (res) => done(null, res));
  req.on('error', done);
  req.end(body);
}
function onSubmitted(err: Error | null, res?: IncomingMessage) {
  if (err) return;
  console.log(res?.statusCode);
}
submit('{}', onSubmitted);`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 8,
          column: 41,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `import https from 'node:https';
import type { IncomingMessage } from 'node:http';
export function submit(body: string, done: (err: Error | null, res?: IncomingMessage) => void) {
  const req = https.request('https://metrics.example.com', { method: 'POST' }, (res) => done(null, res));
  req.on('error', done);
  req.end(body);
}
function onSubmitted(err: Error | null, res?: IncomingMessage) {
  if (err) return;
  console.log(res?.statusCode);
  res?.resume();
}
submit('{}', onSubmitted);`,
            },
          ],
        },
      ],
    },
  ],
});
