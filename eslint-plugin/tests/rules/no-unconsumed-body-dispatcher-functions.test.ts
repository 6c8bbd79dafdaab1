/**
 * no-unconsumed-body on undici dispatchers a function of the file gives back: one whose declared
 * return type is a dispatcher class (`function poolFor(origin: string): Pool`, whatever cache it
 * looks in), or one whose every `return` gives the same dispatcher. Quiet: a union return type, an
 * async function (its promise is not followed), a function that returns something else.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

/** A typed factory over a Map cache. */
const POOL_FOR = `import { Pool } from 'undici';
const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 4 });
    pools.set(origin, pool);
  }
  return pool;
}
export async function refresh(origin: string, index: string) {
  const { statusCode, body } = await poolFor(origin).request({ path: \`/\${index}/_refresh\`, method: 'POST' });
  if (statusCode !== 200) throw new Error(\`refresh of \${index} failed: \${statusCode}\`);
  await body.json();
}`;

/** An untyped function that returns a module-level pool. */
const SEARCH_POOL = `import { Pool } from 'undici';
const search = new Pool('https://search.internal');
function searchPool() {
  return search;
}
export async function count(index: string) {
  const { statusCode, body } = await searchPool().request({ path: \`/\${index}/_count\`, method: 'GET' });
  if (statusCode >= 400) return 0;
  return ((await body.json()) as { count: number }).count;
}`;

ruleTester.run('no-unconsumed-body (dispatchers returned by functions of the file)', rule as never, {
  valid: [
    POOL_FOR.replace("  if (statusCode !== 200) throw new Error(`refresh of ${index} failed: ${statusCode}`);", "  if (statusCode !== 200) { await body.dump(); throw new Error(`refresh of ${index} failed: ${statusCode}`); }"),
    POOL_FOR.replace('function poolFor(origin: string): Pool {', 'function poolFor(origin: string): Pool | undefined {').replace('poolFor(origin).request', 'poolFor(origin)!.request'),
    SEARCH_POOL.replace('function searchPool() {', 'async function searchPool() {').replace('await searchPool().request', 'await (await searchPool()).request'),
    SEARCH_POOL.replace("import { Pool } from 'undici';\n", '').replace(
      "const search = new Pool('https://search.internal');",
      'const search = { request: async (_: unknown) => ({ statusCode: 200, body: { json: async () => ({ count: 1 }), dump: async () => {} } }) };',
    ),
  ],
  invalid: [
    {
      code: POOL_FOR,
      errors: [{ messageId: 'unconsumedOnPath', line: 12, suggestions: [{ messageId: 'suggestDump', output: POOL_FOR.replace("  if (statusCode !== 200) throw new Error(`refresh of ${index} failed: ${statusCode}`);", "  if (statusCode !== 200) { await body.dump(); throw new Error(`refresh of ${index} failed: ${statusCode}`); }") }] }],
    },
    {
      code: SEARCH_POOL,
      errors: [{ messageId: 'unconsumedOnPath', line: 7, suggestions: [{ messageId: 'suggestDump', output: SEARCH_POOL.replace("  if (statusCode >= 400) return 0;", "  if (statusCode >= 400) { await body.dump(); return 0; }") }] }],
    },
  ],
});
