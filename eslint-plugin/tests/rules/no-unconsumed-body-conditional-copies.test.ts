/**
 * no-unconsumed-body through a wrapper that reads a copy of the response on some paths only — the
 * ETag cache of a config client: `if (res.ok && etag) cache.set(key, await res.clone().json())`.
 * The wrapper keeps the response itself for its caller and, on an error status, hands it over
 * untouched, so a caller that throws on that status before reading leaves the socket busy. A field
 * the code sets on the response (`res.cachedBody = ...`) is not a read of its body. Quiet: the
 * wrapper reads a copy on every path, or reads the response itself (on any path), and callers that
 * read or release the body before each exit.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const GET_CACHED = `const cache = new Map<string, { etag: string; body: unknown }>();
async function getCached(url: string): Promise<Response & { cachedBody?: unknown }> {
  const entry = cache.get(url);
  const res: Response & { cachedBody?: unknown } = await fetch(url, { headers: entry ? { 'If-None-Match': entry.etag } : {} });
  if (res.status === 304 && entry) {
    res.cachedBody = entry.body;
    return res;
  }
  const etag = res.headers.get('etag');
  if (res.ok && etag) cache.set(url, { etag, body: await res.clone().json() });
  return res;
}
`;

const GET_CONFIG = `${GET_CACHED}export async function getConfig(url: string): Promise<unknown> {
  const res = await getCached(url);
  if (res.status === 401) throw new Error('unauthorized');
  if (res.cachedBody !== undefined) return res.cachedBody;
  return res.json();
}`;
const UNAUTHORIZED = "  if (res.status === 401) throw new Error('unauthorized');";

// vercel/storage's edge-config digest(): the cached field tested first, the error status last.
const DIGEST = `${GET_CACHED}export async function digest(url: string): Promise<unknown> {
  const res = await getCached(url);
  if (res.cachedBody !== undefined) return res.cachedBody;
  if (res.ok) return res.json();
  throw new Error('unexpected');
}`;
const UNEXPECTED = "  throw new Error('unexpected');";

const SET_FIELD = `export async function post(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', body });
  res.attempt = 1;
  if (!res.ok) throw new Error(\`status \${res.status}\`);
  await res.text();
}`;
const THROW_ON_STATUS = '  if (!res.ok) throw new Error(`status ${res.status}`);';

/** The finding at `line` and its two suggestions, which wrap the `exit` line as `fixed` with a read or a cancel. */
function unreadBeforeThrow(code: string, line: number, exit: string, fixed: string) {
  return {
    code,
    errors: [
      {
        messageId: 'unconsumedOnPath',
        line,
        suggestions: [
          { messageId: 'suggestRead', output: code.replace(exit, fixed.replace('%s', 'res.arrayBuffer()')) },
          { messageId: 'suggestCancel', output: code.replace(exit, fixed.replace('%s', 'res.body?.cancel()')) },
        ],
      },
    ],
  };
}

ruleTester.run('no-unconsumed-body (conditional copies in wrappers)', rule as never, {
  valid: [
    // the cached field tested, then the body read on every other path
    `${GET_CACHED}export async function digest(url: string): Promise<unknown> {
  const res = await getCached(url);
  if (typeof res.cachedBody !== 'undefined') return res.cachedBody;
  return res.json();
}`,
    // the caller reads or releases the body before every exit
    `${GET_CACHED}export async function getConfig(url: string): Promise<unknown> {
  const res = await getCached(url);
  if (res.status === 401) { await res.body?.cancel(); throw new Error('unauthorized'); }
  return res.cachedBody ?? res.json();
}`,
    // a copy read on every path drains the socket (the response keeps the buffered data)
    `async function getLogged(url: string): Promise<Response> {
  const res = await fetch(url);
  console.debug(await res.clone().text());
  return res;
}
export async function check(url: string): Promise<void> {
  const res = await getLogged(url);
  if (!res.ok) throw new Error('failed');
}`,
    // the wrapper reads the response itself on the error path: what it hands over is read there
    `async function getChecked(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) console.warn(await res.text());
  return res;
}
export async function check(url: string): Promise<void> {
  const res = await getChecked(url);
  if (!res.ok) throw new Error('failed');
  await res.json();
}`,
    // a copy inside the same branch as the return: that path is read before the hand-over
    `async function getOnce(url: string): Promise<Response> {
  const res = await fetch(url);
  if (res.ok) {
    console.debug(await res.clone().text());
    return res;
  }
  await res.body?.cancel();
  throw new Error('failed');
}
export async function check(url: string): Promise<void> {
  const res = await getOnce(url);
  if (res.status === 204) return;
  await res.json();
}`,
  ],
  invalid: [
    // testing the caller's own field for undefined reads no body: the error path leaves it unread
    unreadBeforeThrow(DIGEST, 14, UNEXPECTED, "  await %s;\n  throw new Error('unexpected');"),
    unreadBeforeThrow(GET_CONFIG, 14, UNAUTHORIZED, "  if (res.status === 401) { await %s; throw new Error('unauthorized'); }"),
    // setting a field on the response reads nothing
    unreadBeforeThrow(SET_FIELD, 2, THROW_ON_STATUS, '  if (!res.ok) { await %s; throw new Error(`status ${res.status}`); }'),
  ],
});
