/**
 * no-unconsumed-body where a `try`/`finally` sits inside a `try` that has a `catch` (discovery code
 * that falls back to a default on any error). ESLint ends the returning path in the inner
 * `finally` block and still links that block to the outer `catch` (the block itself may throw):
 * a `return` before the body is read leaves through that block, and must be seen as leaving.
 */
import { RuleTester } from '../support/rule-tester';
import rule, { CLIENT_LABEL, CONSEQUENCE } from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const fetchData = (line: number) => ({ client: CLIENT_LABEL.fetch, consequence: CONSEQUENCE.fetch, origin: '', line });

/** `{{release}}` marks where a suggestion writes its release; `{{guard}}` is the failure branch. */
const DISCOVER = `export async function discover(url: string) {
  try {
    const response = await fetch(url);
    try {
      if (!response.ok) {{{guard}}
        return [];
      }
      return await response.json();
    } finally {
      console.log('discovery done');
    }
  } catch {
    return [];
  }
}`;
const discover = (guard: string) => DISCOVER.replace('{{guard}}', guard);

/** A same-file guard that hands back the response with a release function for its own timer. */
const GUARDED = `async function guardedFetch(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  const response = await fetch(url);
  return { response, release: async () => clearTimeout(timer) };
}
export async function discoverModels(url: string) {
  try {
    const { response, release } = await guardedFetch(url);
    try {
      if (!response.ok) {{{guard}}
        return [];
      }
      return await response.json();
    } finally {
      await release();
    }
  } catch {
    return [];
  }
}`;
const guarded = (guard: string) => GUARDED.replace('{{guard}}', guard);

ruleTester.run('no-unconsumed-body (a try with finally inside a try with catch)', rule as never, {
  valid: [
    // the failure branch releases the body before returning
    discover(`
        await response.body?.cancel();`),
    // the inner finally releases the body on every path
    `export async function discover(url: string) {
  try {
    const response = await fetch(url);
    try {
      if (!response.ok) return [];
      return await response.json();
    } finally {
      await response.body?.cancel();
    }
  } catch {
    return [];
  }
}`,
    // every path reads the body; only the implicit throw reaches the finally without a return
    `export async function discover(url: string) {
  try {
    const response = await fetch(url);
    try {
      return await response.json();
    } finally {
      console.log('discovery done');
    }
  } catch {
    return [];
  }
}`,
    // the wrapper's response is released on the failure branch
    guarded(`
        await response.body?.cancel();`),
  ],
  invalid: [
    {
      code: discover(''),
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          data: fetchData(6),
          suggestions: [
            { messageId: 'suggestRead', output: discover(`
        await response.arrayBuffer();`) },
            { messageId: 'suggestCancel', output: discover(`
        await response.body?.cancel();`) },
          ],
        },
      ],
    },
    {
      code: guarded(''),
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 9,
          suggestions: [
            { messageId: 'suggestRead', output: guarded(`
        await response.arrayBuffer();`) },
            { messageId: 'suggestCancel', output: guarded(`
        await response.body?.cancel();`) },
          ],
        },
      ],
    },
  ],
});
