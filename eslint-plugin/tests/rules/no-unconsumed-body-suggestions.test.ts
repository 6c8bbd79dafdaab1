/**
 * no-unconsumed-body suggestions: reading or draining first (it keeps the connection), cancel as the
 * alternative; one suggestion that releases the body at every place it leaks (exits, the end of the
 * block, a status helper that may throw); a suggestion for every finding shape (a request whose
 * response is only looked at, `.catch()`-ed and dropped, collected, destructured without its body);
 * and none where a release could run twice or take the body from code that still reads it.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester(); // @typescript-eslint/parser

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-unconsumed-body (suggestions)', rule as never, {
  valid: [],
  invalid: [
    {
      name: 'two exits leak: one suggestion releases the body before both',
      code: `
export async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 404) { await res.arrayBuffer(); return null; }
  if (!res.ok) { await res.arrayBuffer(); throw new Error(String(res.status)); }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
export async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 404) { await res.body?.cancel(); return null; }
  if (!res.ok) { await res.body?.cancel(); throw new Error(String(res.status)); }
  return res.json();
}` },
                 ] }],
    },
    {
      name: 'an exit and the end of a try block',
      code: `
export async function forward(message: { body: string; finish(): void; requeue(): void }) {
  try {
    const res = await fetch('https://sink.internal', { method: 'POST', body: message.body });
    if (res.status >= 500) {
      message.requeue();
      return;
    }
    message.finish();
  } catch {
    message.requeue();
  }
}`,
      errors: [{ messageId: 'neverConsumed', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function forward(message: { body: string; finish(): void; requeue(): void }) {
  try {
    const res = await fetch('https://sink.internal', { method: 'POST', body: message.body });
    if (res.status >= 500) {
      message.requeue();
      await res.arrayBuffer();
      return;
    }
    message.finish();
    await res.arrayBuffer();
  } catch {
    message.requeue();
  }
}` },
                   { messageId: 'suggestCancel', output: `
export async function forward(message: { body: string; finish(): void; requeue(): void }) {
  try {
    const res = await fetch('https://sink.internal', { method: 'POST', body: message.body });
    if (res.status >= 500) {
      message.requeue();
      await res.body?.cancel();
      return;
    }
    message.finish();
    await res.body?.cancel();
  } catch {
    message.requeue();
  }
}` },
                 ] }],
    },
    {
      name: 'a retry loop without continue: released at the end of the loop body',
      code: `
declare function sleep(ms: number): Promise<void>;
export async function fetchWithRetry(url: string) {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    lastError = new Error(\`HTTP \${res.status}\`);
    await sleep(100 * 2 ** attempt);
  }
  throw lastError;
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
declare function sleep(ms: number): Promise<void>;
export async function fetchWithRetry(url: string) {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    lastError = new Error(\`HTTP \${res.status}\`);
    await sleep(100 * 2 ** attempt);
    await res.arrayBuffer();
  }
  throw lastError;
}` },
                   { messageId: 'suggestCancel', output: `
declare function sleep(ms: number): Promise<void>;
export async function fetchWithRetry(url: string) {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    lastError = new Error(\`HTTP \${res.status}\`);
    await sleep(100 * 2 ** attempt);
    await res.body?.cancel();
  }
  throw lastError;
}` },
                 ] }],
    },
    {
      name: 'a status helper that may throw: the call in a try that releases and throws again',
      code: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function getInvoice(id: string) {
  const res = await fetch(\`https://billing.internal/invoices/\${id}\`);
  assertOk(res);
  return res.json();
}`,
      errors: [{ messageId: 'helperThrows', suggestions: [
                   { messageId: 'suggestRead', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function getInvoice(id: string) {
  const res = await fetch(\`https://billing.internal/invoices/\${id}\`);
  try {
    assertOk(res);
  } catch (error) {
    await res.arrayBuffer();
    throw error;
  }
  return res.json();
}` },
                   { messageId: 'suggestCancel', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function getInvoice(id: string) {
  const res = await fetch(\`https://billing.internal/invoices/\${id}\`);
  try {
    assertOk(res);
  } catch (error) {
    await res.body?.cancel();
    throw error;
  }
  return res.json();
}` },
                 ] }],
    },
    {
      name: 'a path leak and a throwing helper: one suggestion fixes both',
      code: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  assertOk(res);
  return res.status;
}`,
      errors: [{ messageId: 'neverConsumed', suggestions: [
                   { messageId: 'suggestRead', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  try {
    assertOk(res);
  } catch (error) {
    await res.arrayBuffer();
    throw error;
  }
  await res.arrayBuffer();
  return res.status;
}` },
                   { messageId: 'suggestCancel', output: `
function assertOk(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
}
export async function charge(url: string) {
  const res = await fetch(url, { method: 'POST' });
  try {
    assertOk(res);
  } catch (error) {
    await res.body?.cancel();
    throw error;
  }
  await res.body?.cancel();
  return res.status;
}` },
                 ] }],
    },
    {
      name: 'a dropped request with .catch(): read in a .then() before it',
      code: `
export function ping(url: string) {
  fetch(url, { method: 'POST' }).catch(() => {});
}`,
      errors: [{ messageId: 'discarded', suggestions: [
                   { messageId: 'suggestRead', output: `
export function ping(url: string) {
  fetch(url, { method: 'POST' }).then(async (response) => { await response.arrayBuffer(); return response; }).catch(() => {});
}` },
                   { messageId: 'suggestCancel', output: `
export function ping(url: string) {
  fetch(url, { method: 'POST' }).then(async (response) => { await response.body?.cancel(); return response; }).catch(() => {});
}` },
                 ] }],
    },
    {
      name: 'undici request() destructured without its body',
      code: `
import { request } from 'undici';
export async function statusOf(url: string) {
  const { statusCode } = await request(url);
  return statusCode;
}`,
      errors: [{ messageId: 'discarded', suggestions: [
                   { messageId: 'suggestDump', output: `
import { request } from 'undici';
export async function statusOf(url: string) {
  const { statusCode } = await request(url).then(async (response) => { await response.body.dump(); return response; });
  return statusCode;
}` },
                 ] }],
    },
    {
      name: 'a .then() callback that only looks at the status',
      code: `
export function notifyLater(url: string) {
  return fetch(url, { method: 'POST' }).then((res) => res.status);
}`,
      errors: [{ messageId: 'neverConsumed', suggestions: [
                   { messageId: 'suggestRead', output: `
export function notifyLater(url: string) {
  return fetch(url, { method: 'POST' }).then(async (response) => { await response.arrayBuffer(); return response; }).then((res) => res.status);
}` },
                   { messageId: 'suggestCancel', output: `
export function notifyLater(url: string) {
  return fetch(url, { method: 'POST' }).then(async (response) => { await response.body?.cancel(); return response; }).then((res) => res.status);
}` },
                 ] }],
    },
    {
      name: 'a .then() callback that leaks on one path: the release is not awaited there',
      code: `
export function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  });
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [
                   { messageId: 'suggestRead', output: `
export function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) { void res.arrayBuffer().catch(() => {}); throw new Error(String(res.status)); }
    return res.json();
  });
}` },
                   { messageId: 'suggestCancel', output: `
export function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) { void res.body?.cancel(); throw new Error(String(res.status)); }
    return res.json();
  });
}` },
                 ] }],
    },
    {
      name: 'a collection of responses read for their status only',
      code: `
export async function allHealthy(urls: readonly string[]) {
  const responses = await Promise.all([fetch(urls[0]!), fetch(urls[1]!)]);
  return responses.every((res) => res.ok);
}`,
      errors: [{ messageId: 'collectedUnread', suggestions: [
                   { messageId: 'suggestRead', output: `
export async function allHealthy(urls: readonly string[]) {
  const responses = await Promise.all([fetch(urls[0]!).then(async (response) => { await response.arrayBuffer(); return response; }), fetch(urls[1]!).then(async (response) => { await response.arrayBuffer(); return response; })]);
  return responses.every((res) => res.ok);
}` },
                   { messageId: 'suggestCancel', output: `
export async function allHealthy(urls: readonly string[]) {
  const responses = await Promise.all([fetch(urls[0]!).then(async (response) => { await response.body?.cancel(); return response; }), fetch(urls[1]!).then(async (response) => { await response.body?.cancel(); return response; })]);
  return responses.every((res) => res.ok);
}` },
                 ] }],
    },
    {
      name: 'a kept response replaced on the next attempt: released with ?. before it is replaced',
      code: `
declare function sleep(ms: number): Promise<void>;
export async function fetchWithBackoff(url: string) {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const res = await fetch(url);
    if (res.status === 429) {
      last = res;
      await sleep(100);
      continue;
    }
    return res.json();
  }
  return last?.status;
}`,
      errors: [{ messageId: 'replacedUnread', suggestions: [
                   { messageId: 'suggestRead', output: `
declare function sleep(ms: number): Promise<void>;
export async function fetchWithBackoff(url: string) {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const res = await fetch(url);
    if (res.status === 429) {
      await last?.arrayBuffer();
      last = res;
      await sleep(100);
      continue;
    }
    return res.json();
  }
  await last?.arrayBuffer();
  return last?.status;
}` },
                   { messageId: 'suggestCancel', output: `
declare function sleep(ms: number): Promise<void>;
export async function fetchWithBackoff(url: string) {
  let last: Response | undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const res = await fetch(url);
    if (res.status === 429) {
      await last?.body?.cancel();
      last = res;
      await sleep(100);
      continue;
    }
    return res.json();
  }
  await last?.body?.cancel();
  return last?.status;
}` },
                 ] }],
    },
    // Negative: a block end reached after the body was read on another branch gets no release
    // there (it would read the body twice), so no suggestion can cover every leaking place.
    {
      name: 'no suggestion where a release at the block end would run after a read',
      code: `
export async function sync(url: string, log: (s: number) => void) {
  try {
    const res = await fetch(url);
    if (res.headers.get('x-mode') === 'full') {
      await res.json();
    } else {
      log(res.status);
    }
  } catch {
    log(0);
  }
}`,
      errors: [{ messageId: 'unconsumedOnPath', suggestions: [] }],
    },
    // Negative: a helper call that is not a statement of its own is not wrapped.
    {
      name: 'no try/catch around a helper whose result is used',
      code: `
function ensureOk(res: Response): Response {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res;
}
export async function getStock(id: string) {
  const res = await fetch(\`https://stock.internal/\${id}\`);
  const checked = ensureOk(res).headers.get('etag');
  return [checked, await res.json()];
}`,
      errors: [{ messageId: 'helperThrows', suggestions: [] }],
    },
  ],
});
