/**
 * no-unconsumed-body on fire-and-forget requests handed to a platform's `waitUntil()` (Cloudflare
 * Workers' `ctx.waitUntil()`, a `FetchEvent`, Vercel's `waitUntil()`) or Next.js's `after()`: the
 * platform waits for the promise and ignores its value, so the response is dropped unread. So is
 * a promise kept in a variable that is only ever waited for (`await promise;`, `waitUntil(promise)`).
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const READ = '.then(async (response) => { await response.arrayBuffer(); return response; })';
const CANCEL = '.then(async (response) => { await response.body?.cancel(); return response; })';

/** Each case sends `{{request}}` once from a Workers-style handler. */
const worker = (request: string) => `interface ExecutionContext { waitUntil(promise: Promise<unknown>): void }
export async function handle(url: string, ctx: ExecutionContext) {
  ctx.waitUntil(${request});
  return 'accepted';
}`;
const LOG_POST = "fetch(url, { method: 'POST', body: 'event' })";

const vercel = (request: string) => `import { waitUntil } from '@vercel/functions';
export async function GET(req: Request) {
  waitUntil(${request});
  return Response.json({ ok: true });
}`;
const nextAfter = (request: string) => `import { after } from 'next/server';
export async function POST(req: Request) {
  after(${request});
  return new Response(null, { status: 202 });
}`;

const discarded = (code: (request: string) => string) => ({
  code: code(LOG_POST),
  errors: [
    {
      messageId: 'discarded' as const,
      line: 3,
      suggestions: [
        { messageId: 'suggestRead' as const, output: code(`${LOG_POST}${READ}`) },
        { messageId: 'suggestCancel' as const, output: code(`${LOG_POST}${CANCEL}`) },
      ],
    },
  ],
});

ruleTester.run('no-unconsumed-body (promises handed to waitUntil() or after())', rule as never, {
  valid: [
    // the chain reads the body before the platform gets the promise
    worker(`${LOG_POST}.then((response) => response.arrayBuffer())`),
    worker(`${LOG_POST}.then((response) => response.body?.cancel())`),
    // a function of the file that reads the body
    `async function log(url: string) {
  const response = await fetch(url, { method: 'POST' });
  await response.body?.cancel();
}
${worker('log(url)')}`,
    // after() given a callback: what the callback does is followed as usual
    nextAfter(`async () => { const response = await ${LOG_POST}; await response.text(); }`),
    // a call that is no promise sink may read the response
    `import { track } from './tracking';
export async function handle(url: string) { track(${LOG_POST}); }`,
    // an after() of another package is no promise sink
    `import { after } from './hooks';
export async function handle(url: string) { after(${LOG_POST}); }`,
  ],
  invalid: [discarded(worker), discarded(vercel), discarded(nextAfter)],
});

/** Vercel Analytics' `track()` before its fix: the POST's promise is kept, then only waited for. */
const tracked = (request: string, wait: string) => `export async function track(url: string, requestContext?: { waitUntil(promise: Promise<unknown>): void }) {
  const promise = ${request}.catch((error: unknown) => console.error(error));
  ${wait}
}`;
const WAIT_EITHER = `if (requestContext?.waitUntil) {
    requestContext.waitUntil(promise);
  } else {
    await promise;
  }`;
const keptPromise = (wait: string) => ({
  code: tracked(LOG_POST, wait),
  errors: [
    {
      messageId: 'discarded' as const,
      line: 2,
      suggestions: [
        { messageId: 'suggestRead' as const, output: tracked(`${LOG_POST}${READ}`, wait) },
        { messageId: 'suggestCancel' as const, output: tracked(`${LOG_POST}${CANCEL}`, wait) },
      ],
    },
  ],
});

ruleTester.run('no-unconsumed-body (a promise kept in a variable and only waited for)', rule as never, {
  valid: [
    // the response is awaited into a binding and read there
    tracked(LOG_POST, 'const response = await promise;\n  await response?.text();'),
    // returned: the caller gets the response
    tracked(LOG_POST, 'return promise;'),
    // waited for, and also chained: `.then()` may read it
    tracked(LOG_POST, 'await promise;\n  promise.then((response) => response?.text());'),
    // the chain reads the body before anyone waits for it
    tracked(`${LOG_POST}.then((response) => response.text())`, WAIT_EITHER),
    // handed to a call that is no promise sink
    tracked(LOG_POST, 'track(promise);'),
  ],
  invalid: [keptPromise(WAIT_EITHER), keptPromise('await promise;'), keptPromise('requestContext?.waitUntil(promise);')],
});
