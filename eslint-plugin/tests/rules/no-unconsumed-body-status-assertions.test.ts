/**
 * no-unconsumed-body in tests that assert a bodyless status: `expect(res.status).toBe(204)` (Jest,
 * Vitest, chai's `.to.equal`) and `assert.equal(res.status, 204)`. A response that passes has no
 * body; one that fails ends the test. Any other asserted status leaves the body to release.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

/** A test that deletes a resource and then checks the response with `assertion` (`release` after it). */
const deleteTest = (assertion: string, release = '') => `import assert from 'node:assert/strict';
import { expect, it } from 'vitest';
it('deletes the item', async () => {
  const res = await fetch('http://127.0.0.1:3000/items/1', { method: 'DELETE' });
  ${assertion};${release}
});`;

/** `deleteTest(assertion)` reported at the response, with the read and cancel suggestions after the assertion. */
const reported = (assertion: string) => ({
  code: deleteTest(assertion),
  errors: [
    {
      messageId: 'neverConsumed' as const,
      line: 4,
      suggestions: [
        { messageId: 'suggestRead' as const, output: deleteTest(assertion, '\n  await res.arrayBuffer();') },
        { messageId: 'suggestCancel' as const, output: deleteTest(assertion, '\n  await res.body?.cancel();') },
      ],
    },
  ],
});

ruleTester.run('no-unconsumed-body (tests that assert a bodyless status)', rule as never, {
  valid: [
    deleteTest('expect(res.status).toBe(204)'),
    deleteTest('expect(res.status).toStrictEqual(304)'),
    deleteTest('expect(res.status).to.equal(204)'),
    deleteTest('assert.equal(res.status, 204)'),
    deleteTest('assert.strictEqual(205, res.status)'),
    // node:http: the status code asserted in a tap test
    `import http from 'node:http';
import t from 'tap';
t.test('deletes the item', (t) => {
  http.request('http://127.0.0.1:3000/items/1', { method: 'DELETE' }, (res) => {
    t.equal(res.statusCode, 204);
    t.end();
  }).end();
});`,
  ],
  invalid: [
    // a status that may carry a body
    reported('expect(res.status).toBe(200)'),
    // a comparison that is not an assertion lets the test go on either way
    reported('console.log(res.status === 204)'),
  ],
});
