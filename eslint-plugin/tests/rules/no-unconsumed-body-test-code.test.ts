/**
 * no-unconsumed-body leaves test code alone, like no-client-per-request: a test file
 * (`*.test.ts`, `*.spec.js`, `*_test.js`, `__tests__/`) and the callbacks of `it()`, `test()`, `beforeEach()`, ...
 * send each request once, against a server of their own, so an unread body costs no reuse. The
 * same request outside test code is still reported.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const statusOnly = `export async function check(base: string) {
  const res = await fetch(\`\${base}/api/health\`);
  return res.status;
}`;

ruleTester.run('no-unconsumed-body (test code)', rule as never, {
  valid: [
    { filename: '/repo/test/routes.test.ts', code: statusOnly },
    { filename: '/repo/src/__tests__/health.ts', code: statusOnly },
    { filename: '/repo/test/z_integration_test.js', code: statusOnly },
    {
      filename: '/repo/test/routes.ts',
      code: `import { it } from 'node:test';
import assert from 'node:assert/strict';
it('answers the health check', async () => {
  const res = await fetch('http://127.0.0.1:3000/api/health');
  assert.equal(res.status, 200);
});`,
    },
    {
      filename: '/repo/test/sync.ts',
      code: `import { request, MockAgent } from 'undici';
const agent = new MockAgent();
describe('sync', () => {
  beforeEach(async () => {
    const { statusCode } = await request('https://crm.internal/accounts/1/sync', { method: 'POST', dispatcher: agent });
    if (statusCode !== 204) throw new Error('setup failed');
  });
});`,
    },
  ],
  invalid: [
    {
      filename: '/repo/src/health.ts',
      code: statusOnly,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 2,
          suggestions: [
            {
              messageId: 'suggestRead',
              output: `export async function check(base: string) {
  const res = await fetch(\`\${base}/api/health\`);
  await res.arrayBuffer();
  return res.status;
}`,
            },
            {
              messageId: 'suggestCancel',
              output: `export async function check(base: string) {
  const res = await fetch(\`\${base}/api/health\`);
  await res.body?.cancel();
  return res.status;
}`,
            },
          ],
        },
      ],
    },
  ],
});
