/**
 * no-unconsumed-body on responses a wrapper returns inside an object (openclaw's
 * `fetchWithSsrFGuard()`: `return { response, finalUrl, release: () => release(dispatcher) }`): the
 * caller's `const { response, release } = await guardedFetch(url)` or `result.response` must read
 * or release the body on every path, in the same file and through an imported wrapper. Calling the
 * returned `release()` does not count: it closes the wrapper's dispatcher or clears its timer and
 * never touches the body. Quiet counterparts: the caller reads or cancels the body on every path
 * (also in a `finally`), passes the whole object on, or destructures it with a rest element; the
 * wrapper's object also carries the body (`body: res.body`), reads it (`text: await res.text()`),
 * holds two responses, or its `release()` cancels the body itself; the objects are collected by
 * `Promise.all`; the module cannot be resolved.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';
import { removeProject, writeProject } from '../support/temp-project';

const ruleTester = new RuleTester();

/** A wrapper of the same file that returns the response with a release function beside it. */
const GUARDED = `async function guardedFetch(url: string) {
  const timer = setTimeout(() => undefined, 5000);
  const response = await fetch(url);
  return { response, release: () => clearTimeout(timer) };
}
`;

ruleTester.run('no-unconsumed-body (responses returned inside an object, same file)', rule as never, {
  valid: [
    // The wrapper itself hands the response on.
    { code: GUARDED },
    // The body is cancelled before the throw, read otherwise; release() in the finally.
    {
      code: `${GUARDED}export async function check(url: string) {
  const { response, release } = await guardedFetch(url);
  try {
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(\`HTTP \${response.status}\`);
    }
    return await response.json();
  } finally {
    release();
  }
}`,
    },
    // A finally that cancels an unread body covers every exit.
    {
      code: `${GUARDED}export async function probe(url: string) {
  const { response, release } = await guardedFetch(url);
  try {
    if (!response.ok) return { ok: false };
    return { ok: true, info: await response.json() };
  } finally {
    if (!response.bodyUsed) void response.body?.cancel();
    release();
  }
}`,
    },
    // Through the object: read on every path.
    {
      code: `${GUARDED}export async function read(url: string) {
  const result = await guardedFetch(url);
  if (!result.response.ok) {
    await result.response.arrayBuffer();
    return null;
  }
  return result.response.json();
}`,
    },
    // The whole object goes to other code: its body is theirs now.
    { code: `${GUARDED}export async function passOn(url: string) {
  const result = await guardedFetch(url);
  return result;
}` },
    { code: `${GUARDED}export async function passOn(url: string) {
  const result = await guardedFetch(url);
  if (!result.response.ok) return consume(result);
  return result.response.text();
}` },
    // A rest element may carry anything along.
    { code: `${GUARDED}export async function rest(url: string) {
  const { response, ...others } = await guardedFetch(url);
  keep(others);
  return response.status;
}` },
    // Not a response holder: the object also carries the body, or the wrapper read it.
    { code: `async function withBody(url: string) {
  const response = await fetch(url);
  return { response, body: response.body };
}
export async function status(url: string) {
  const { response } = await withBody(url);
  return response.status;
}` },
    { code: `async function withText(url: string) {
  const response = await fetch(url);
  return { response, text: await response.text() };
}
export async function status(url: string) {
  const { response } = await withText(url);
  return response.status;
}` },
    // Two responses in one object: which one the caller must read is not one answer.
    { code: `async function both(url: string) {
  return { primary: await fetch(url), mirror: await fetch(url + '?mirror') };
}
export async function status(url: string) {
  const { primary } = await both(url);
  return primary.status;
}` },
    // The returned release() cancels the body itself: the object is not a response holder.
    { code: `async function cancelling(url: string) {
  const response = await fetch(url);
  return { response, release: async () => { await response.body?.cancel(); } };
}
export async function status(url: string) {
  const { response, release } = await cancelling(url);
  try {
    return response.status;
  } finally {
    await release();
  }
}` },
    // Objects collected by Promise.all are not followed.
    { code: `${GUARDED}export async function all(urls: string[]) {
  const results = await Promise.all([guardedFetch(urls[0]), guardedFetch(urls[1])]);
  return results.length;
}` },
    // A metadata field beside the response does not change the hand-over; read on every path.
    { code: `async function withStatus(url: string) {
  const res = await fetch(url);
  return { res, status: res.status };
}
export async function json(url: string) {
  const { res, status } = await withStatus(url);
  if (status === 204) return null;
  return res.json();
}` },
  ],
  invalid: [
    // openclaw link-understanding: throws on !ok before reading; release() in the finally does not read the body.
    {
      code: `${GUARDED}export async function check(url: string) {
  const { response, release } = await guardedFetch(url);
  try {
    if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
    return await response.json();
  } finally {
    release();
  }
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 7,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `${GUARDED}export async function check(url: string) {
  const { response, release } = await guardedFetch(url);
  try {
    if (!response.ok) { await response.arrayBuffer(); throw new Error(\`HTTP \${response.status}\`); }
    return await response.json();
  } finally {
    release();
  }
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `${GUARDED}export async function check(url: string) {
  const { response, release } = await guardedFetch(url);
  try {
    if (!response.ok) { await response.body?.cancel(); throw new Error(\`HTTP \${response.status}\`); }
    return await response.json();
  } finally {
    release();
  }
}`,
            },
          ],
        },
      ],
    },
    // Through the object: `result.response` is the response, `result.release()` does not touch it.
    {
      code: `${GUARDED}export async function status(url: string) {
  const result = await guardedFetch(url);
  if (result.response.status !== 200) {
    result.release();
    return null;
  }
  return result.response.json();
}`,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 7,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `${GUARDED}export async function status(url: string) {
  const result = await guardedFetch(url);
  if (result.response.status !== 200) {
    result.release();
    await result.response.arrayBuffer();
    return null;
  }
  return result.response.json();
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `${GUARDED}export async function status(url: string) {
  const result = await guardedFetch(url);
  if (result.response.status !== 200) {
    result.release();
    await result.response.body?.cancel();
    return null;
  }
  return result.response.json();
}`,
            },
          ],
        },
      ],
    },
    // Only the status, on every path (the `res` of `{ res, status }` shapes too).
    {
      code: `async function withStatus(url: string) {
  const res = await fetch(url);
  return { res, status: res.status };
}
export async function isUp(url: string) {
  const { res } = await withStatus(url);
  return res.ok;
}`,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `async function withStatus(url: string) {
  const res = await fetch(url);
  return { res, status: res.status };
}
export async function isUp(url: string) {
  const { res } = await withStatus(url);
  await res.arrayBuffer();
  return res.ok;
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `async function withStatus(url: string) {
  const res = await fetch(url);
  return { res, status: res.status };
}
export async function isUp(url: string) {
  const { res } = await withStatus(url);
  await res.body?.cancel();
  return res.ok;
}`,
            },
          ],
        },
      ],
    },
    // The response is left out of the pattern, the object is dropped, or only another field is read.
    {
      code: `${GUARDED}export async function fire(url: string) {
  const { release } = await guardedFetch(url);
  release();
}`,
      errors: [{ messageId: 'discarded', line: 7, column: 9, suggestions: [] }],
    },
    {
      code: `${GUARDED}export async function fire(url: string) {
  await guardedFetch(url);
}`,
      errors: [{ messageId: 'discarded', line: 7, column: 9, suggestions: [] }],
    },
    {
      code: `${GUARDED}export async function isUp(url: string) {
  return (await guardedFetch(url)).response.ok;
}`,
      errors: [{ messageId: 'discarded', line: 7, column: 17, suggestions: [] }],
    },
    // `.then(({ response }) => ...)` reads only the status.
    {
      code: `${GUARDED}export function status(url: string) {
  return guardedFetch(url).then(({ response }) => response.status);
}`,
      errors: [{ messageId: 'neverConsumed', line: 7, column: 34, suggestions: [] }],
    },
  ],
});

/** openclaw's guard, reduced: a dispatcher per call, redirects cancelled, the response returned in an object. */
const FETCH_GUARD = `import { Agent, type Dispatcher } from 'undici';

async function closeDispatcher(dispatcher?: Dispatcher): Promise<void> {
  await dispatcher?.close().catch(() => undefined);
}

export async function fetchWithSsrFGuard(params: { url: string; init?: RequestInit; timeoutMs?: number }) {
  let currentUrl = params.url;
  while (true) {
    const dispatcher = new Agent({ connect: { timeout: params.timeoutMs } });
    const response = await fetch(currentUrl, { ...params.init, redirect: 'manual', dispatcher } as RequestInit);
    if (response.status === 301 || response.status === 302) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      await closeDispatcher(dispatcher);
      if (!location) throw new Error('redirect without location');
      currentUrl = new URL(location, currentUrl).toString();
      continue;
    }
    return { response, finalUrl: currentUrl, release: async () => closeDispatcher(dispatcher) };
  }
}
`;

const root = writeProject({
  'src/infra/net/fetch-guard.ts': FETCH_GUARD,
  'src/plugin-sdk/index.ts': `export { fetchWithSsrFGuard } from '../infra/net/fetch-guard';\n`,
  // The linted files must exist for cross-file analysis; RuleTester lints each case's `code` under these names.
  'src/link-understanding/runner.ts': '// linted from the test case\n',
});
after(() => removeProject(root));

const RUNNER = path.join(root, 'src/link-understanding/runner.ts');

ruleTester.run('no-unconsumed-body (responses returned inside an object, across modules)', rule as never, {
  valid: [
    // The fix: the body is cancelled before the throw; release() still runs in the finally.
    {
      code: `import { fetchWithSsrFGuard } from '../plugin-sdk';
export async function fetchLinkContent(url: string) {
  const { response, finalUrl, release } = await fetchWithSsrFGuard({ url });
  try {
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(\`Failed to fetch \${url}: HTTP \${response.status}\`);
    }
    return { url: finalUrl, text: await response.text() };
  } finally {
    await release();
  }
}`,
      filename: RUNNER,
    },
    // The wrapper's module cannot be resolved: single-file behaviour, an unknown callee.
    {
      code: `import { fetchWithSsrFGuard } from '../missing/fetch-guard';
export async function status(url: string) {
  const { response, release } = await fetchWithSsrFGuard({ url });
  try {
    return response.status;
  } finally {
    await release();
  }
}`,
      filename: RUNNER,
    },
  ],
  invalid: [
    // openclaw #109835: `if (!response.ok) throw` before the body is read, through the re-exporting barrel.
    {
      code: `import { fetchWithSsrFGuard } from '../plugin-sdk';
export async function fetchLinkContent(url: string) {
  const { response, finalUrl, release } = await fetchWithSsrFGuard({ url });
  try {
    if (!response.ok) {
      throw new Error(\`Failed to fetch \${url}: HTTP \${response.status}\`);
    }
    return { url: finalUrl, text: await response.text() };
  } finally {
    await release();
  }
}`,
      filename: RUNNER,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `import { fetchWithSsrFGuard } from '../plugin-sdk';
export async function fetchLinkContent(url: string) {
  const { response, finalUrl, release } = await fetchWithSsrFGuard({ url });
  try {
    if (!response.ok) {
      await response.arrayBuffer();
      throw new Error(\`Failed to fetch \${url}: HTTP \${response.status}\`);
    }
    return { url: finalUrl, text: await response.text() };
  } finally {
    await release();
  }
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `import { fetchWithSsrFGuard } from '../plugin-sdk';
export async function fetchLinkContent(url: string) {
  const { response, finalUrl, release } = await fetchWithSsrFGuard({ url });
  try {
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(\`Failed to fetch \${url}: HTTP \${response.status}\`);
    }
    return { url: finalUrl, text: await response.text() };
  } finally {
    await release();
  }
}`,
            },
          ],
        },
      ],
    },
    // openclaw #110521: `result.response` read only for its status.
    {
      code: `import { fetchWithSsrFGuard } from '../infra/net/fetch-guard';
export async function signedIn(baseUrl: string) {
  const result = await fetchWithSsrFGuard({ url: \`\${baseUrl}/api/me\`, init: { method: 'POST' } });
  try {
    return result.response.status !== 401;
  } finally {
    await result.release();
  }
}`,
      filename: RUNNER,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `import { fetchWithSsrFGuard } from '../infra/net/fetch-guard';
export async function signedIn(baseUrl: string) {
  const result = await fetchWithSsrFGuard({ url: \`\${baseUrl}/api/me\`, init: { method: 'POST' } });
  try {
    await result.response.arrayBuffer();
    return result.response.status !== 401;
  } finally {
    await result.release();
  }
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `import { fetchWithSsrFGuard } from '../infra/net/fetch-guard';
export async function signedIn(baseUrl: string) {
  const result = await fetchWithSsrFGuard({ url: \`\${baseUrl}/api/me\`, init: { method: 'POST' } });
  try {
    await result.response.body?.cancel();
    return result.response.status !== 401;
  } finally {
    await result.release();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
