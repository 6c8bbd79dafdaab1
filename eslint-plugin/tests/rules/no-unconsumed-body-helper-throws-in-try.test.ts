/**
 * no-unconsumed-body on a status helper that throws without reading the body, called inside a
 * `try`: the caller's `catch` or `finally` may release the body, but only if it can reach the
 * response. When the response lives in a variable declared inside the `try` block and never leaves
 * it (not thrown, stored or handed to other code), the handlers cannot name it: the helper's throw
 * leaves the body unread just as without the `try`.
 */
import { RuleTester } from '../support/rule-tester';
import rule, { CLIENT_LABEL, CONSEQUENCE } from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const ENSURE_OK = `function ensureOk(res: Response): Response {
  if (!res.ok) throw new Error(\`upstream answered \${res.status}\`);
  return res;
}`;

const throwsData = (line: number) => ({
  client: CLIENT_LABEL.fetch,
  consequence: CONSEQUENCE.fetch,
  origin: '',
  helper: 'ensureOk',
  line,
});

ruleTester.run('no-unconsumed-body (a throwing helper inside a try)', rule as never, {
  valid: [
    // declared before the try: the catch releases it
    `${ENSURE_OK}
export async function lookup(url: string) {
  const res = await fetch(url);
  try {
    ensureOk(res);
  } catch (error) {
    await res.body?.cancel();
    throw error;
  }
  return res.json();
}`,
    // declared inside, but thrown: the catch gets it
    `${ENSURE_OK}
export async function lookup(url: string) {
  try {
    const res = await fetch(url);
    if (res.status === 429) throw res;
    ensureOk(res);
    return await res.json();
  } catch (error) {
    if (error instanceof Response) await error.body?.cancel();
    return undefined;
  }
}`,
    // declared inside, but kept where the finally can reach it
    `${ENSURE_OK}
export async function lookup(url: string) {
  let last: Response | undefined;
  try {
    const res = await fetch(url);
    last = res;
    ensureOk(res);
    return await res.json();
  } finally {
    if (last && !last.bodyUsed) await last.body?.cancel();
  }
}`,
    // declared inside, handed to other code that may keep it
    `${ENSURE_OK}
const inFlight = new Set<Response>();
function track(res: Response) { inFlight.add(res); }
export async function lookup(url: string) {
  try {
    const res = await fetch(url);
    track(res);
    ensureOk(res);
    return await res.json();
  } catch {
    for (const res of inFlight) await res.body?.cancel();
    return undefined;
  }
}`,
    // the helper reads the body before throwing
    `async function ensureOkRead(res: Response) {
  if (!res.ok) throw new Error(await res.text());
}
export async function lookup(url: string, nack: () => void) {
  try {
    const res = await fetch(url);
    await ensureOkRead(res);
    return await res.json();
  } catch {
    nack();
  }
}`,
  ],
  invalid: [
    {
      code: `${ENSURE_OK}
export async function deliver(url: string, ack: () => void, nack: () => void) {
  try {
    const res = await fetch(url);
    ensureOk(res);
    const target = await res.json();
    ack();
    return target;
  } catch {
    nack();
  }
}`,
      errors: [
        {
          messageId: 'helperThrows',
          line: 7,
          data: throwsData(8),
          suggestions: [
            { messageId: 'suggestRead', output: `${ENSURE_OK}
export async function deliver(url: string, ack: () => void, nack: () => void) {
  try {
    const res = await fetch(url);
    try {
      ensureOk(res);
    } catch (error) {
      await res.arrayBuffer();
      throw error;
    }
    const target = await res.json();
    ack();
    return target;
  } catch {
    nack();
  }
}` },
            { messageId: 'suggestCancel', output: `${ENSURE_OK}
export async function deliver(url: string, ack: () => void, nack: () => void) {
  try {
    const res = await fetch(url);
    try {
      ensureOk(res);
    } catch (error) {
      await res.body?.cancel();
      throw error;
    }
    const target = await res.json();
    ack();
    return target;
  } catch {
    nack();
  }
}` },
          ],
        },
      ],
    },
  ],
});
