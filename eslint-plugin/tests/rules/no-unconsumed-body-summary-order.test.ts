/**
 * no-unconsumed-body: what a function of the file returns is summarised once and cached, so the
 * answer must not depend on which question reached it first. Here the first call in the file
 * (`readServerInfo(base, {}, fetchImpl)` in `connect`) reaches `getWithRetry` through four wrappers,
 * deeper than the analysis follows; a summary cut short there used to be cached as "not a
 * response" and hid every finding below it. The suggested releases use `response?.` because the
 * code itself tests the response for absence (the wrappers may return nothing).
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const DISCOVERY = `export async function connect(base: URL, fetchImpl?: typeof fetch) {
  return readServerInfo(base, {}, fetchImpl);
}
export async function readServerInfo(base: URL, opts: { infoUrl?: string }, fetchImpl = fetch) {
  const response = await discoverWithFallback(base, 'server-info', fetchImpl, opts);
  if (!response || !response.ok) throw new Error('no server info');
  return response.json();
}
async function getWithRetry(url: URL, headers: Record<string, string> | undefined, fetchImpl = fetch): Promise<Response | undefined> {
  try {
    return await fetchImpl(url, { headers });
  } catch (error) {
    if (error instanceof TypeError && headers) return getWithRetry(url, undefined, fetchImpl);
    throw error;
  }
}
async function tryDiscovery(url: URL, version: string, fetchImpl = fetch) {
  return await getWithRetry(url, { 'x-version': version }, fetchImpl);
}
async function discoverWithFallback(base: URL, kind: string, fetchImpl: typeof fetch, opts: { infoUrl?: string }) {
  let response = await tryDiscovery(new URL(opts.infoUrl ?? \`/.well-known/\${kind}\`, base), '1', fetchImpl);
  if (!response || response.status === 404) response = await tryDiscovery(new URL(\`/.well-known/\${kind}\`, base), '1', fetchImpl);
  return response;
}
export async function readAuthInfo(base: URL, { fetchImpl = fetch } = {}) {
  for (const url of [new URL('/a', base), new URL('/b', base)]) {
    const response = await getWithRetry(url, {}, fetchImpl);
    if (!response) continue;
    if (!response.ok) {
      if (response.status < 500) continue;
      throw new Error(\`HTTP \${response.status}\`);
    }
    return response.json();
  }
  return undefined;
}`;

ruleTester.run('no-unconsumed-body (wrapper summaries do not depend on the order of questions)', rule as never, {
  valid: [
    // the same wrappers, every response read or released
    DISCOVERY.replace("if (!response || !response.ok) throw new Error('no server info');", "if (!response) throw new Error('no server info');\n  if (!response.ok) { await response.body?.cancel(); throw new Error('no server info'); }")
      .replace("if (!response || response.status === 404) response =", "if (!response || response.status === 404) await response?.body?.cancel(), response =")
      .replace("if (response.status < 500) continue;", "await response.body?.cancel();\n      if (response.status < 500) continue;"),
  ],
  invalid: [
    {
      code: DISCOVERY,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 5,
          suggestions: [
            { messageId: 'suggestRead', output: DISCOVERY.replace("  if (!response || !response.ok) throw new Error('no server info');", "  if (!response || !response.ok) { await response?.arrayBuffer(); throw new Error('no server info'); }") },
            { messageId: 'suggestCancel', output: DISCOVERY.replace("  if (!response || !response.ok) throw new Error('no server info');", "  if (!response || !response.ok) { await response?.body?.cancel(); throw new Error('no server info'); }") },
          ],
        },
        {
          messageId: 'replacedUnread',
          line: 21,
          suggestions: [
            { messageId: 'suggestRead', output: DISCOVERY.replace("  if (!response || response.status === 404) response = await tryDiscovery(new URL(`/.well-known/${kind}`, base), '1', fetchImpl);", "  if (!response || response.status === 404) { await response?.arrayBuffer(); response = await tryDiscovery(new URL(`/.well-known/${kind}`, base), '1', fetchImpl); }") },
            { messageId: 'suggestCancel', output: DISCOVERY.replace("  if (!response || response.status === 404) response = await tryDiscovery(new URL(`/.well-known/${kind}`, base), '1', fetchImpl);", "  if (!response || response.status === 404) { await response?.body?.cancel(); response = await tryDiscovery(new URL(`/.well-known/${kind}`, base), '1', fetchImpl); }") },
          ],
        },
        {
          messageId: 'unconsumedOnPath',
          line: 27,
          suggestions: [
            { messageId: 'suggestRead', output: DISCOVERY.replace("      if (response.status < 500) continue;", "      if (response.status < 500) { await response?.arrayBuffer(); continue; }\n      await response?.arrayBuffer();") },
            { messageId: 'suggestCancel', output: DISCOVERY.replace("      if (response.status < 500) continue;", "      if (response.status < 500) { await response?.body?.cancel(); continue; }\n      await response?.body?.cancel();") },
          ],
        },
      ],
    },
  ],
});
