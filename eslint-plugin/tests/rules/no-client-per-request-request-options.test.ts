/**
 * no-client-per-request on a pool put into request options built for one call and handed to a
 * callee the rule cannot read: `const fetchOptions = { ... }; fetchOptions.dispatcher =
 * createHttpsAgent(tls); await fetchWithCache(url, fetchOptions)` (promptfoo's HTTP provider, where
 * `fetchWithCache` lives in a module that does not resolve). The option names `agent`, `dispatcher`,
 * `httpAgent` and `httpsAgent` make the object request options, and an awaited (or callback) call
 * makes it a request: the pool serves that one request. Quiet: the options are kept (`this.opts`,
 * a module variable, returned, pushed), the pool is memoised, the object is not fresh, the key is no
 * request option, the call does not look like a request.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
import { removeProject, writeProject } from '../support/temp-project';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const commonjs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;

/** promptfoo's TLS agent factory; `../cache` (fetchWithCache) is missing from the project. */
const root = writeProject({
  'src/providers/httpTls.ts': `import fs from 'node:fs';
import { Agent } from 'undici';
export interface TlsConfig { caPath?: string; rejectUnauthorized?: boolean }
export function createHttpsAgent(tls: TlsConfig): Agent {
  return new Agent({ connect: { ca: tls.caPath ? fs.readFileSync(tls.caPath) : undefined, rejectUnauthorized: tls.rejectUnauthorized ?? true } });
}
`,
  'src/providers/http.ts': '// linted from the test case\n',
});
after(() => removeProject(root));

const PROVIDER = (body: string) => `import { createHttpsAgent, type TlsConfig } from './httpTls';
import { fetchWithCache } from '../cache';
export class HttpProvider {
  constructor(private readonly url: string, private readonly config: { tls?: TlsConfig }) {}
  async callApi(prompt: string) {
    const fetchOptions: RequestInit & { dispatcher?: unknown } = { method: 'POST', body: JSON.stringify({ prompt }) };
${body}
  }
}`;

const HTTPS_HELPER = (body: string) => `import https from 'node:https';
import { fetchWithCache } from './cache';
let lastOptions: unknown;
export async function post(url: string, payload: unknown) {
  const options: Record<string, unknown> = { method: 'POST', body: JSON.stringify(payload) };
${body}
}`;

const ruleTester = new RuleTester();

ruleTester.run('no-client-per-request (pools in request options for one call)', rule as never, {
  valid: [
    // The provider keeps its agent (the fix): memoised on the instance.
    {
      code: `import { Agent } from 'undici';
import { fetchWithCache } from '../cache';
export class HttpProvider {
  private agent?: Agent;
  async callApi(url: string) {
    const fetchOptions: Record<string, unknown> = { method: 'POST' };
    fetchOptions.dispatcher = this.agent ??= new Agent();
    return (await fetchWithCache(url, fetchOptions)).data;
  }
}`,
    },
    // The options object is kept: on the instance, in a module variable, returned, in a collection.
    HTTPS_HELPER(`  options.agent = new https.Agent({ keepAlive: true });
  lastOptions = options;
  return (await fetchWithCache(url, options)).data;`),
    HTTPS_HELPER(`  options.agent = new https.Agent({ keepAlive: true });
  await fetchWithCache(url, options);
  return options;`),
    HTTPS_HELPER(`  options.agent = new https.Agent({ keepAlive: true });
  pending.push(options);
  await fetchWithCache(url, options);`),
    `import https from 'node:https';
import { fetchWithCache } from './cache';
export class Client {
  opts: Record<string, unknown> = {};
  async post(url: string) {
    const fetchOptions: Record<string, unknown> = { method: 'POST' };
    fetchOptions.agent = new https.Agent({ keepAlive: true });
    this.opts = fetchOptions;
    return fetchWithCache(url, fetchOptions);
  }
}`,
    // Not request options: another key, an object that is not fresh, a call that does not look like a request.
    HTTPS_HELPER(`  options.pool = new https.Agent({ keepAlive: true });
  await fetchWithCache(url, options);`),
    `import https from 'node:https';
import { fetchWithCache } from './cache';
const defaults: Record<string, unknown> = { method: 'GET' };
export async function get(url: string) {
  const options = defaults;
  options.agent = new https.Agent({ keepAlive: true });
  return (await fetchWithCache(url, options)).data;
}`,
    HTTPS_HELPER(`  options.agent = new https.Agent({ keepAlive: true });
  const client = createClient(options);
  registry.add(client);`),
  ],
  invalid: [
    // promptfoo: an imported factory's agent, on fresh options, for a callee in a missing module.
    {
      code: PROVIDER(`    if (this.config.tls) {
      fetchOptions.dispatcher = createHttpsAgent(this.config.tls);
    }
    const { data } = await fetchWithCache(this.url, fetchOptions);
    return { output: data };`),
      filename: path.join(root, 'src/providers/http.ts'),
      errors: [
        {
          messageId: 'factoryPerRequest',
          line: 8,
          column: 33,
          data: {
            client: 'createHttpsAgent',
            pool: 'new Agent()',
            at: 'in httpTls.ts:5',
            where: 'in `HttpProvider.callApi()`, which uses it for one call and then drops it',
            advice:
              'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
    // A same-file construction with the same options every time: hoisted by the suggestion.
    {
      code: HTTPS_HELPER(`  options.agent = new https.Agent({ keepAlive: true });
  return (await fetchWithCache(url, options)).data;`),
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 6,
          column: 19,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import https from 'node:https';
import { fetchWithCache } from './cache';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

let lastOptions: unknown;
export async function post(url: string, payload: unknown) {
  const options: Record<string, unknown> = { method: 'POST', body: JSON.stringify(payload) };
  options.agent = sharedHttpsAgent;
  return (await fetchWithCache(url, options)).data;
}`,
            },
          ],
        },
      ],
    },
    // An options literal given to an unreadable client, and a callback-style request.
    {
      code: `const { Agent } = require('undici');
const { send } = require('./transport');
async function notify(url, tls) {
  const agent = new Agent({ connect: tls });
  const res = await send(url, { method: 'POST', dispatcher: agent });
  return res.statusCode;
}
function legacy(url) {
  const agent = new (require('https').Agent)({ keepAlive: true });
  require('request')({ url, agent }, (err, res, body) => console.log(err, body));
}
module.exports = { notify, legacy };`,
      ...commonjs,
      errors: [
        { messageId: 'poolPerRequest', line: 4, column: 17 },
        { messageId: 'poolPerRequest', line: 9, column: 17 },
      ],
    },
  ],
});
