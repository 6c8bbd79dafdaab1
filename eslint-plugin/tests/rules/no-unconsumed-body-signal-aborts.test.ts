/**
 * no-unconsumed-body: aborting a request after its response arrived releases the body (the stream
 * errors and the socket is destroyed). A request made with the signal of an AbortController of the
 * same function is released by `controller.abort()` and by calls of a local function that aborts.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

/** A request whose early exit leaves its body unread: reported, released before that `return false`. */
const leaksOnEarlyExit = (code: string) => ({
  code,
  errors: [
    {
      messageId: 'unconsumedOnPath' as const,
      line: 4,
      suggestions: [
        { messageId: 'suggestRead' as const, output: code.replace('    return false;', '    await res.arrayBuffer();\n    return false;') },
        { messageId: 'suggestCancel' as const, output: code.replace('    return false;', '    await res.body?.cancel();\n    return false;') },
      ],
    },
  ],
});

ruleTester.run('no-unconsumed-body (requests released by aborting their signal)', rule as never, {
  valid: [
    // the watch pattern: the error path aborts through a local "done once" function
    `export async function watch(url: string, onLine: (line: string) => void, done: (err: unknown) => void) {
  const controller = new AbortController();
  const init: RequestInit = {};
  init.signal = AbortSignal.any([controller.signal, AbortSignal.timeout(30_000)]);
  let finished = false;
  const finish = (err: unknown) => {
    if (finished) return;
    finished = true;
    controller.abort();
    done(err);
  };
  try {
    const response = await fetch(url, init);
    if (response.status !== 200) throw new Error(\`watch failed: \${response.status}\`);
    for await (const chunk of response.body!) onLine(String(chunk));
    finish(null);
  } catch (err) {
    finish(err);
  }
  return controller;
}`,
    // the signal in the literal, aborted on the early exit
    `export async function probe(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (!res.ok) {
    controller.abort();
    return false;
  }
  return (await res.text()).length > 0;
}`,
  ],
  invalid: [
    // another controller is aborted: this request keeps its body
    leaksOnEarlyExit(`export async function probe(url: string) {
  const controller = new AbortController();
  const other = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (!res.ok) {
    other.abort();
    return false;
  }
  return (await res.text()).length > 0;
}`),
    // the signal was set after the request: it does not reach it
    leaksOnEarlyExit(`export async function probe(url: string) {
  const controller = new AbortController();
  const init: RequestInit = {};
  const res = await fetch(url, init);
  init.signal = controller.signal;
  if (!res.ok) {
    controller.abort();
    return false;
  }
  return (await res.text()).length > 0;
}`),
  ],
});
