/**
 * no-unconsumed-body on status-checking helpers that throw on a non-2xx response without reading
 * or releasing its body, reached other than as a call on a bound response
 * (@dotcom-reliability-kit/fetch-error-handler's documented usage):
 *
 * - passed by reference as the `.then()` callback: `await fetch(url).then(handleFetchErrors)`;
 * - given the promise, which it awaits: `await handleFetchErrors(fetch(url))`;
 * - made by a factory: `const handle = createFetchErrorHandler()`, in this file or imported
 *   (`export const handleFetchErrors = createFetchErrorHandler()`).
 *
 * Reported at the variable (or the `.then()` / helper call when the response is not bound), with no
 * suggestion: the response never reaches a variable on the throwing path, so nothing here can
 * release it. Quiet: helpers that read or release the body before throwing, helpers that give the
 * response back on every path, helpers that keep the response in the error they throw, and
 * helpers that use the promise other than by awaiting it.
 *
 * Also: a counted retry loop whose release is guarded by "another iteration follows" (`attempt <
 * max` in `for (...; attempt <= max; attempt++)`) does not come back round on the unguarded branch.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule, { CLIENT_LABEL, CONSEQUENCE } from '../../src/rules/no-unconsumed-body';
import { removeProject, writeProject } from '../support/temp-project';

const ruleTester = new RuleTester();

/** The message data of a `helperThrows` finding for a fetch response. */
const throwsData = (helper: string, line: number, client: 'fetch' | 'node-fetch' = 'fetch') => ({
  client: CLIENT_LABEL[client],
  consequence: CONSEQUENCE[client],
  origin: '',
  helper,
  line,
});

/** Throws on a non-ok response without reading it; gives the response back otherwise. */
const HANDLE_ERRORS = `async function handleErrors(response: Response) {
  if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
  return response;
}`;

/** Awaits the promise it is given, then as HANDLE_ERRORS. */
const HANDLE_PROMISE = `async function handlePromise(input: Promise<Response>) {
  const response = await input;
  if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
  return response;
}`;

/** fetch-error-handler's shape: a factory whose handler takes a response or a promise of one. */
const FACTORY = `function createFetchErrorHandler(options: { system?: string } = {}) {
  const systems = options.system ? [options.system] : [];
  return async function handleFetchErrors(input: unknown) {
    let response: any = input;
    if (isPromise(input)) {
      try {
        response = await input;
      } catch (error) {
        throw Object.assign(new Error('fetch failed'), { systems, cause: error });
      }
    }
    if (!isFetchResponse(response)) throw new TypeError('not a response');
    if (!response.ok) {
      throw Object.assign(new Error(\`The upstream service responded with a \${response.status} status\`), {
        systems,
        upstreamUrl: response.url,
      });
    }
    return response;
  };
}
function isPromise(value: any) {
  return value instanceof Promise || typeof value?.then === 'function';
}
function isFetchResponse(value: any) {
  return Boolean(value) && typeof value.ok === 'boolean' && typeof value.status === 'number';
}`;

ruleTester.run('no-unconsumed-body (status helpers that throw, in this file)', rule as never, {
  valid: [
    // The helper reads the body before throwing.
    {
      code: `async function handleErrors(response: Response) {
  if (!response.ok) {
    const text = await response.text();
    throw new Error(\`HTTP \${response.status}: \${text}\`);
  }
  return response;
}
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(handleErrors);
  return response.json();
}`,
    },
    // The helper cancels the body before throwing (given the promise).
    {
      code: `async function handlePromise(input: Promise<Response>) {
  const response = await input;
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(\`HTTP \${response.status}\`);
  }
  return response;
}
export async function getPerson(id: string) {
  const response = await handlePromise(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}`,
    },
    // The helper gives the response back untouched on every path.
    {
      code: `function traced(response: Response) {
  console.log(response.status, response.url);
  return response;
}
async function settled(input: Promise<Response>) {
  const response = await input;
  console.log(response.status);
  return response;
}
export async function a(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(traced);
  return response.json();
}
export async function b(id: string) {
  const response = await settled(fetch(\`https://people.internal/\${id}\`));
  return response.text();
}`,
    },
    // The thrown error keeps the response: whoever catches it owns the body.
    {
      code: `function checkStatus(response: Response) {
  if (response.ok) return response;
  const error: any = new Error(response.statusText);
  error.response = response;
  throw error;
}
export function getJson(url: string) {
  return fetch(url).then(checkStatus).then((response) => response.json());
}`,
    },
    // A helper that chains on the promise instead of awaiting it: not followed.
    {
      code: `function handleLater(input: Promise<Response>) {
  return input.then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response;
  });
}
export async function getPerson(id: string) {
  const response = await handleLater(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}`,
    },
    // A factory whose handler drains the body before throwing.
    {
      code: `function createHandler() {
  return async (response: Response) => {
    if (!response.ok) {
      await response.arrayBuffer();
      throw new Error(String(response.status));
    }
    return response;
  };
}
const handle = createHandler();
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`);
  const ok = await handle(response);
  return ok.json();
}`,
    },
    // A factory that may return different handlers is not read.
    {
      code: `function createHandler(strict: boolean) {
  if (strict) return async (response: Response) => { if (!response.ok) throw new Error('bad'); return response; };
  return (response: Response) => response;
}
const handle = createHandler(true);
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(handle);
  return response.json();
}`,
    },
    // An unknown callback: someone else's body.
    {
      code: `import { handleErrors } from 'some-package';
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(handleErrors);
  return response.json();
}`,
    },
  ],
  invalid: [
    // (a) The helper as the `.then()` callback.
    {
      code: `${HANDLE_ERRORS}
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(handleErrors);
  return response.json();
}`,
      errors: [{ messageId: 'helperThrows', line: 6, data: throwsData('handleErrors', 6), suggestions: [] }],
    },
    // (a) Then a `.then()` callback that reads the body: the throw comes first.
    {
      code: `${HANDLE_ERRORS}
export function getPerson(id: string) {
  return fetch(\`https://people.internal/\${id}\`)
    .then(handleErrors)
    .then((response) => response.json());
}`,
      errors: [{ messageId: 'helperThrows', line: 8, data: throwsData('handleErrors', 7), suggestions: [] }],
    },
    // (a) Returned as it is: the caller never sees the response the helper threw on.
    {
      code: `${HANDLE_ERRORS}
export function getPerson(id: string) {
  return fetch(\`https://people.internal/\${id}\`).then(handleErrors);
}`,
      errors: [{ messageId: 'helperThrows', line: 6, column: 10, data: throwsData('handleErrors', 6), suggestions: [] }],
    },
    // (a) A callback that only looks at the status and gives something else back: the response is dropped.
    {
      code: `function statusOf(response: Response) {
  if (response.status >= 500) throw new Error('upstream down');
  return response.status;
}
export async function ping(url: string) {
  return fetch(url).then(statusOf);
}`,
      errors: [{ messageId: 'discarded', line: 6, column: 10, suggestions: [] }],
    },
    // (b) The helper given the promise.
    {
      code: `${HANDLE_PROMISE}
export async function getPerson(id: string) {
  const response = await handlePromise(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}`,
      errors: [{ messageId: 'helperThrows', line: 7, data: throwsData('handlePromise', 7), suggestions: [] }],
    },
    // (a), (b), (c): fetch-error-handler's handler, made by a factory of this file, in its three documented uses.
    {
      code: `${FACTORY}
const handleFetchErrors = createFetchErrorHandler();
const handlePeopleErrors = createFetchErrorHandler({ system: 'people-api' });
export async function getPerson(id: string) {
  const response = await handlePeopleErrors(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}
export async function getConcept(id: string) {
  const response = await fetch(\`https://concepts.internal/\${id}\`).then(handleFetchErrors);
  return response.json();
}
export async function getOrg(id: string) {
  const response = await fetch(\`https://orgs.internal/\${id}\`);
  const checked = await handleFetchErrors(response);
  return checked.json();
}`,
      errors: [
        { messageId: 'helperThrows', line: 31, data: throwsData('handlePeopleErrors', 31), suggestions: [] },
        { messageId: 'helperThrows', line: 35, data: throwsData('handleFetchErrors', 35), suggestions: [] },
        { messageId: 'helperThrows', line: 39, data: throwsData('handleFetchErrors', 40), suggestions: [] },
      ],
    },
  ],
});

// ---- the helper in another module of the project ------------------------------------------------

const root = writeProject({
  'src/fetch-error-handler.ts': `export ${FACTORY.replace('function isPromise', 'export function isPromise')}
export const handleFetchErrors = createFetchErrorHandler();
`,
  'src/draining-handler.ts': `export function createDrainingHandler() {
  return async function handleFetchErrors(input: Response | Promise<Response>) {
    const response = await input;
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(\`The upstream service responded with a \${response.status} status\`);
    }
    return response;
  };
}
export const handleDraining = createDrainingHandler();
`,
  'src/ensure.ts': `export function ensureOk(response: Response) {
  if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
  return response;
}
export async function ensureOkDraining(response: Response) {
  if (!response.ok) {
    await response.text();
    throw new Error(\`HTTP \${response.status}\`);
  }
  return response;
}
`,
  // The linted file must exist for cross-file analysis; RuleTester lints each case's `code` under its name.
  'src/people-api.ts': '// linted from the test case\n',
});
after(() => removeProject(root));

const PEOPLE_API = path.join(root, 'src/people-api.ts');

ruleTester.run('no-unconsumed-body (status helpers that throw, imported)', rule as never, {
  valid: [
    {
      code: `import { createDrainingHandler, handleDraining } from './draining-handler';
const handlePeopleErrors = createDrainingHandler();
export async function getPerson(id: string) {
  const response = await handlePeopleErrors(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}
export async function getConcept(id: string) {
  const response = await fetch(\`https://concepts.internal/\${id}\`).then(handleDraining);
  return response.json();
}`,
      filename: PEOPLE_API,
    },
    {
      code: `import { ensureOkDraining } from './ensure';
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(ensureOkDraining);
  return response.json();
}`,
      filename: PEOPLE_API,
    },
  ],
  invalid: [
    // A plain exported helper as the `.then()` callback.
    {
      code: `import { ensureOk } from './ensure';
export async function getPerson(id: string) {
  const response = await fetch(\`https://people.internal/\${id}\`).then(ensureOk);
  return response.json();
}`,
      filename: PEOPLE_API,
      errors: [{ messageId: 'helperThrows', line: 3, data: throwsData('ensureOk', 3), suggestions: [] }],
    },
    {
      code: `import { createFetchErrorHandler, handleFetchErrors } from './fetch-error-handler';
const handlePeopleErrors = createFetchErrorHandler({ system: 'people-api' });
export async function getPerson(id: string) {
  const response = await handlePeopleErrors(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}
export async function getConcept(id: string) {
  const response = await fetch(\`https://concepts.internal/\${id}\`).then(handleFetchErrors);
  return response.json();
}
export async function getOrg(id: string) {
  const response = await fetch(\`https://orgs.internal/\${id}\`);
  await handleFetchErrors(response);
  return response.json();
}`,
      filename: PEOPLE_API,
      errors: [
        { messageId: 'helperThrows', line: 4, data: throwsData('handlePeopleErrors', 4), suggestions: [] },
        { messageId: 'helperThrows', line: 8, data: throwsData('handleFetchErrors', 8), suggestions: [] },
        {
          messageId: 'helperThrows',
          line: 12,
          data: throwsData('handleFetchErrors', 13),
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `import { createFetchErrorHandler, handleFetchErrors } from './fetch-error-handler';
const handlePeopleErrors = createFetchErrorHandler({ system: 'people-api' });
export async function getPerson(id: string) {
  const response = await handlePeopleErrors(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}
export async function getConcept(id: string) {
  const response = await fetch(\`https://concepts.internal/\${id}\`).then(handleFetchErrors);
  return response.json();
}
export async function getOrg(id: string) {
  const response = await fetch(\`https://orgs.internal/\${id}\`);
  try {
    await handleFetchErrors(response);
  } catch (error) {
    await response.arrayBuffer();
    throw error;
  }
  return response.json();
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `import { createFetchErrorHandler, handleFetchErrors } from './fetch-error-handler';
const handlePeopleErrors = createFetchErrorHandler({ system: 'people-api' });
export async function getPerson(id: string) {
  const response = await handlePeopleErrors(fetch(\`https://people.internal/\${id}\`));
  return response.json();
}
export async function getConcept(id: string) {
  const response = await fetch(\`https://concepts.internal/\${id}\`).then(handleFetchErrors);
  return response.json();
}
export async function getOrg(id: string) {
  const response = await fetch(\`https://orgs.internal/\${id}\`);
  try {
    await handleFetchErrors(response);
  } catch (error) {
    await response.body?.cancel();
    throw error;
  }
  return response.json();
}`,
            },
          ],
        },
      ],
    },
  ],
});

// ---- counted retry loops ---------------------------------------------------------------------------

const retried = (guard: string, test = 'attempt <= max') => `async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
export async function fetchWithRetry(url: string, max = 2) {
  let last: Response | undefined;
  for (let attempt = 0; ${test}; attempt++) {
    last = await fetch(url);
    if (last.ok) return last;
    if (${guard}) {
      await last.body?.cancel();
      await sleep(100 * 2 ** attempt);
    }
  }
  return last;
}`;

ruleTester.run('no-unconsumed-body (retry loops whose release is guarded by the next iteration)', rule as never, {
  valid: [
    // BCUK-Bot's fetchWithRetry after the fix: the last attempt's response is returned.
    { code: retried('attempt < max') },
    { code: retried('attempt !== max') },
    { code: retried('max > attempt') },
    { code: retried('!(attempt >= max)') },
    { code: retried('attempt + 1 < max', 'attempt < max') },
    { code: retried('attempt < max - 1', 'attempt < max') },
    // The last attempt taken on the other branch of an `else`.
    {
      code: `export async function fetchWithRetry(url: string, max = 2) {
  for (let attempt = 0; attempt <= max; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    if (attempt === max) {
      return res;
    } else {
      await res.body?.cancel();
    }
  }
  throw new Error('unreachable');
}`,
    },
  ],
  invalid: [
    // No release at all: the failed response is dropped by the retry.
    {
      code: `export async function fetchWithRetry(url: string, max = 2) {
  let last: Response | undefined;
  for (let attempt = 0; attempt <= max; attempt++) {
    last = await fetch(url);
    if (last.ok) return last;
  }
  return last;
}`,
      errors: [{ messageId: 'retriedUnread', line: 4, suggestions: [] }],
    },
    // The guard leaves one attempt that still loops unreleased (`attempt + 1 < max` with `<= max`).
    { code: retried('attempt + 1 < max'), errors: [{ messageId: 'retriedUnread', line: 7, suggestions: [] }] },
    // The counter is also changed in the body: the guard tells nothing about the next test.
    {
      code: `export async function fetchWithRetry(url: string, max = 2) {
  let last: Response | undefined;
  for (let attempt = 0; attempt <= max; attempt++) {
    last = await fetch(url);
    if (last.ok) return last;
    if (last.status === 429) attempt -= 1;
    if (attempt < max) await last.body?.cancel();
  }
  return last;
}`,
      errors: [{ messageId: 'retriedUnread', line: 4, suggestions: [] }],
    },
    // The bound changes inside the loop.
    {
      code: `export async function fetchWithRetry(url: string, max = 2) {
  let last: Response | undefined;
  for (let attempt = 0; attempt <= max; attempt++) {
    last = await fetch(url);
    if (last.ok) return last;
    if (last.status === 503) max += 1;
    if (attempt < max) await last.body?.cancel();
  }
  return last;
}`,
      errors: [{ messageId: 'retriedUnread', line: 4, suggestions: [] }],
    },
    // The last attempt's response leaves the loop, and the function throws without reading it.
    {
      code: `export async function fetchWithRetry(url: string, max = 2) {
  let last: Response | undefined;
  for (let attempt = 0; attempt <= max; attempt++) {
    last = await fetch(url);
    if (last.ok) return last;
    if (attempt < max) await last.body?.cancel();
  }
  throw new Error(\`failed with \${last?.status}\`);
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 4 }],
    },
  ],
});
