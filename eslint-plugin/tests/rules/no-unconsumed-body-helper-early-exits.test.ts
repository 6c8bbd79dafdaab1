/**
 * no-unconsumed-body on helpers that read the response they are given except on an early exit
 * taken on its status or headers (fastmcp's `readBoundedText()`: `if (contentLength > MAX) return
 * null;` before the body is read): reported at the caller's call, with the release inserted before
 * the helper's exit when the helper is in the same file (cancel first: the helper gave up on the
 * body). Quiet: helpers that read on every path, release the body in that branch, exit on a
 * bodyless status or a missing body, exit on a test that is not about the response, or exit only
 * after reading started; a caller that releases the body itself after the call.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';
import { removeProject, writeProject } from '../support/temp-project';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;
const ruleTester = new RuleTester();

/** fastmcp's CIMD client, reduced: `helper` is the bounded reader, the caller cancels on !ok itself. */
const cimd = (helper: string, caller = `  const text = await readBoundedText(response);
  return text === null ? null : JSON.parse(text);`) => `const MAX = 5 * 1024;
${helper}
export async function resolveClient(url: string) {
  const response = await fetch(url);
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
${caller}
}`;

const BOUNDED = `async function readBoundedText(response: Response): Promise<string | null> {
  const contentLength = response.headers.get('content-length');
  if (contentLength && Number(contentLength) > MAX) {
    return null;
  }
  return response.text();
}`;

ruleTester.run('no-unconsumed-body (helpers that leave early without reading)', rule as never, {
  valid: [
    // The fix: the helper cancels the body before giving up.
    {
      code: cimd(`async function readBoundedText(response: Response): Promise<string | null> {
  const contentLength = response.headers.get('content-length');
  if (contentLength && Number(contentLength) > MAX) {
    await response.body?.cancel();
    return null;
  }
  return response.text();
}`),
    },
    // An exit on a local derived from something other than the response (the caller already checked it).
    { code: cimd(`async function readBoundedText(response: Response, mode = 'strict'): Promise<string | null> {
  const normalised = mode.trim().toLowerCase();
  const lenient = normalised === 'lenient';
  if (lenient) {
    return null;
  }
  return response.text();
}`) },
    // A helper that reads on every path.
    { code: cimd(`async function readBoundedText(response: Response): Promise<string | null> {
  const text = await response.text();
  return text.length > MAX ? null : text;
}`) },
    // An early exit where there is no body to read.
    { code: cimd(`async function readBoundedText(response: Response): Promise<string | null> {
  if (response.status === 204) return null;
  if (!response.body) return null;
  return response.text();
}`) },
    // A test that is not about the response.
    { code: cimd(`async function readBoundedText(response: Response, max = MAX): Promise<string | null> {
  if (max <= 0) return null;
  return response.text();
}`) },
    // The exit comes after reading started (the reader is cancelled by the loop's own code).
    { code: cimd(`async function readBoundedText(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (Number(response.headers.get('content-length')) > MAX) return null;
  if (!reader) return null;
  return new TextDecoder().decode((await reader.read()).value);
}`) },
    // The branch hands the response back to the caller.
    { code: cimd(`async function readBoundedText(response: Response): Promise<string | Response> {
  if (response.headers.get('content-type') !== 'application/json') return response;
  return response.text();
}`, `  const text = await readBoundedText(response);
  return typeof text === 'string' ? JSON.parse(text) : text;`) },
    // The caller releases the body itself when the helper gives up.
    { code: cimd(BOUNDED, `  const text = await readBoundedText(response);
  if (text === null) {
    await response.body?.cancel();
    return null;
  }
  return JSON.parse(text);`) },
  ],
  invalid: [
    // fastmcp #354: the over-size Content-Length return inside the helper leaves the body unread.
    {
      code: cimd(BOUNDED),
      errors: [
        {
          messageId: 'helperExitsUnread',
          line: 10,
          suggestions: [
            {
              messageId: 'suggestCancel',
              output: cimd(`async function readBoundedText(response: Response): Promise<string | null> {
  const contentLength = response.headers.get('content-length');
  if (contentLength && Number(contentLength) > MAX) {
    await response.body?.cancel();
    return null;
  }
  return response.text();
}`),
            },
            {
              messageId: 'suggestRead',
              output: cimd(`async function readBoundedText(response: Response): Promise<string | null> {
  const contentLength = response.headers.get('content-length');
  if (contentLength && Number(contentLength) > MAX) {
    await response.arrayBuffer();
    return null;
  }
  return response.text();
}`),
            },
          ],
        },
      ],
    },
    // assistant-ui's A2A client: the test reads a local derived from another local of the headers.
    {
      code: `async function readEvents(response: Response) {
  const contentType = response.headers.get('Content-Type');
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'text/event-stream') {
    throw new Error('expected an event stream, got ' + contentType);
  }
  return response.text();
}
export async function stream(url: string) {
  const response = await fetch(url, { method: 'POST' });
  return readEvents(response);
}`,
      errors: [
        {
          messageId: 'helperExitsUnread',
          line: 10,
          suggestions: [
            {
              messageId: 'suggestCancel',
              output: `async function readEvents(response: Response) {
  const contentType = response.headers.get('Content-Type');
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'text/event-stream') {
    await response.body?.cancel();
    throw new Error('expected an event stream, got ' + contentType);
  }
  return response.text();
}
export async function stream(url: string) {
  const response = await fetch(url, { method: 'POST' });
  return readEvents(response);
}`,
            },
            {
              messageId: 'suggestRead',
              output: `async function readEvents(response: Response) {
  const contentType = response.headers.get('Content-Type');
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'text/event-stream') {
    await response.arrayBuffer();
    throw new Error('expected an event stream, got ' + contentType);
  }
  return response.text();
}
export async function stream(url: string) {
  const response = await fetch(url, { method: 'POST' });
  return readEvents(response);
}`,
            },
          ],
        },
      ],
    },
    // A status check that throws before the helper reads.
    {
      code: `async function readJson(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return readJson(res);
}`,
      errors: [
        {
          messageId: 'helperExitsUnread',
          line: 6,
          suggestions: [
            {
              messageId: 'suggestCancel',
              output: `async function readJson(res: Response) {
  if (!res.ok) { await res.body?.cancel(); throw new Error(\`HTTP \${res.status}\`); }
  return res.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return readJson(res);
}`,
            },
            {
              messageId: 'suggestRead',
              output: `async function readJson(res: Response) {
  if (!res.ok) { await res.arrayBuffer(); throw new Error(\`HTTP \${res.status}\`); }
  return res.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return readJson(res);
}`,
            },
          ],
        },
      ],
    },
    // node:http: a collector that gives up on a non-200 status without draining.
    {
      code: `const http = require('http');
function collect(res, done) {
  if (res.statusCode !== 200) return done(new Error('HTTP ' + res.statusCode));
  let body = '';
  res.on('data', (chunk) => (body += chunk));
  res.on('end', () => done(null, body));
}
exports.get = (url, done) => http.get(url, (res) => collect(res, done));`,
      ...plainJs,
      errors: [
        {
          messageId: 'helperExitsUnread',
          line: 8,
          column: 45,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: `const http = require('http');
function collect(res, done) {
  if (res.statusCode !== 200) { res.resume(); return done(new Error('HTTP ' + res.statusCode)); }
  let body = '';
  res.on('data', (chunk) => (body += chunk));
  res.on('end', () => done(null, body));
}
exports.get = (url, done) => http.get(url, (res) => collect(res, done));`,
            },
          ],
        },
      ],
    },
  ],
});

const root = writeProject({
  'src/read.ts': `const MAX = 5 * 1024;
export async function readBoundedText(response: Response): Promise<string | null> {
  const contentLength = response.headers.get('content-length');
  if (contentLength && Number(contentLength) > MAX) {
    return null;
  }
  return response.text();
}
export async function readCancelling(response: Response): Promise<string | null> {
  if (Number(response.headers.get('content-length')) > MAX) {
    await response.body?.cancel();
    return null;
  }
  return response.text();
}
`,
  // The linted file must exist for cross-file analysis; RuleTester lints each case's `code` under its name.
  'src/client.ts': '// linted from the test case\n',
});
after(() => removeProject(root));

const CLIENT = path.join(root, 'src/client.ts');

ruleTester.run('no-unconsumed-body (imported helpers that leave early without reading)', rule as never, {
  valid: [
    {
      code: `import { readCancelling } from './read';
export async function load(url: string) {
  const response = await fetch(url);
  return readCancelling(response);
}`,
      filename: CLIENT,
    },
  ],
  invalid: [
    // Reported at the response; the helper is in another module, so no suggestion edits it.
    {
      code: `import { readBoundedText } from './read';
export async function load(url: string) {
  const response = await fetch(url);
  return readBoundedText(response);
}`,
      filename: CLIENT,
      errors: [{ messageId: 'helperExitsUnread', line: 3, suggestions: [] }],
    },
  ],
});
