/**
 * Test assertions that a response has a given status: `expect(res.status).toBe(204)` (Jest, Vitest,
 * `expect` of `@playwright/test`), chai's `expect(res.status).to.equal(204)`, and node:assert / tap
 * style `assert.equal(res.status, 204)`, `t.equal(res.statusCode, 204)`. When the status asserted
 * is one that never carries a body (204, 205, 304), the code after the assertion runs only for a
 * bodyless response: there is nothing left to read. Data only; `body-paths/status-assertions.ts`
 * reads it.
 */

/** Matchers chained on `expect(actual)` (directly, or after chai's `.to` / `.to.be`). */
export const EXPECT_EQUALITY_MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eq', 'eql']);

/** Assertion functions and methods taking `(actual, expected)`. */
export const EQUALITY_ASSERTIONS: ReadonlySet<string> = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'is', 'same', 'equals']);
