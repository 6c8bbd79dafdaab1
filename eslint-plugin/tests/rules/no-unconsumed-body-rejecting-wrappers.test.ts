/**
 * no-unconsumed-body on a wrapper method that rejects instead of returning on one path
 * (\`return Promise.reject(new Error(...))\`: the caller's \`await\` throws and no response comes
 * back), and on \`Promise.all\` elements written on lines of their own, which are reported at the
 * element (the request whose body is left unread) rather than at the destructuring pattern.
 * Quiet: a `reject()` of another object (the method is then no wrapper), every response read or released.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const FETCHER = `export class ClusterFetcher {
  constructor(private readonly base: string, private readonly token?: string) {}
  private fetchResource(path: string): Promise<Response> {
    if (!this.token) {
      return Promise.reject(new Error(\`no token for \${this.base}\`));
    }
    return fetch(this.base + path, { headers: { authorization: \`Bearer \${this.token}\` } });
  }
  private async describe(res: Response) {
    return { status: res.status, body: await res.text() };
  }
  async podStatus(ns: string) {
    const [metrics, pods] = await Promise.all([
      this.fetchResource(\`/apis/metrics.k8s.io/v1beta1/namespaces/\${ns}/pods\`),
      this.fetchResource(\`/api/v1/namespaces/\${ns}/pods\`),
    ]);
    if (metrics.ok && pods.ok) return { metrics: await metrics.json(), pods: await pods.json() };
    if (metrics.ok) return this.describe(pods);
    return this.describe(metrics);
  }
}`;

ruleTester.run('no-unconsumed-body (wrappers that reject, Promise.all elements)', rule as never, {
  valid: [
    // another library's reject may resolve with anything: the method is not a response wrapper
    "import { Deferred } from './deferred';\n" + FETCHER.replace('return Promise.reject(new Error(', 'return Deferred.reject(new Error('),
    FETCHER.replace(
      "    if (metrics.ok) return this.describe(pods);\n    return this.describe(metrics);",
      "    if (metrics.ok) { await metrics.body?.cancel(); return this.describe(pods); }\n    await pods.body?.cancel();\n    return this.describe(metrics);",
    ),
  ],
  invalid: [
    {
      code: FETCHER,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 14,
          suggestions: [
            { messageId: 'suggestRead', output: FETCHER.replace("    if (metrics.ok) return this.describe(pods);", "    if (metrics.ok) { await metrics.arrayBuffer(); return this.describe(pods); }") },
            { messageId: 'suggestCancel', output: FETCHER.replace("    if (metrics.ok) return this.describe(pods);", "    if (metrics.ok) { await metrics.body?.cancel(); return this.describe(pods); }") },
          ],
        },
        {
          messageId: 'unconsumedOnPath',
          line: 15,
          suggestions: [
            { messageId: 'suggestRead', output: FETCHER.replace("    return this.describe(metrics);", "    await pods.arrayBuffer();\n    return this.describe(metrics);") },
            { messageId: 'suggestCancel', output: FETCHER.replace("    return this.describe(metrics);", "    await pods.body?.cancel();\n    return this.describe(metrics);") },
          ],
        },
      ],
    },
  ],
});
