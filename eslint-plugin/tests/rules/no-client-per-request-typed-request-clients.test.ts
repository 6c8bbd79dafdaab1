/**
 * no-client-per-request when the request goes through a request-library instance the code was
 * handed, known by its declared type: a parameter or field typed `Got` (got), `AxiosInstance`
 * (axios) or `KyInstance` (ky). Calling the instance, or one of its request methods, sends one
 * request with the agent in its options, so an agent built for that call is used once and dropped —
 * the shape of a monitor that builds `new https.Agent({ rejectUnauthorized })` per check. Quiet: a
 * method that makes a new instance keeping the agent (`client.extend({ agent })`), an instance of
 * another type, and an untyped one.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();

const HEADER = `import { type Got } from 'got';
import type { AxiosInstance } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
`;
const SHARED = 'const sharedHttpsAgent = new HttpsAgent({ keepAlive: true });\n\n';

const MONITOR = `${HEADER}export class Monitor {
  constructor(private got: Got, private readonly http: AxiosInstance) {}
  async check(url: string) {
    const options = { agent: { https: new HttpsAgent({ keepAlive: true }) } };
    return this.got(url, options);
  }
  async ping(url: string) {
    return this.http.get(url, { httpsAgent: new HttpsAgent({ keepAlive: true }) });
  }
}`;

const PROVIDER = `${HEADER}export class HttpProvider {
  constructor(private got: Got) {}
  async handle(url: string, insecure: boolean) {
    const options: Record<string, unknown> = { headers: {} };
    options.agent = { https: new HttpsAgent({ keepAlive: true, rejectUnauthorized: !insecure }) };
    return this.executeRequest(this.got, url, options);
  }
  private async executeRequest(client: Got, url: string, options: Record<string, unknown>) {
    const response = await client<string>(url, options);
    return response.body;
  }
}`;

/** The hoist suggestion's output: the shared agent after the imports, `written` replaced by `shared`. */
const hoisted = (code: string, written: string, shared: string) =>
  code.replace(HEADER, `${HEADER}${SHARED}`).replace(written, shared);

ruleTester.run('no-client-per-request (typed request clients)', rule as never, {
  valid: [
    // `extend` makes a new instance that keeps the agent
    `${HEADER}export function withAgent(client: Got) {
  const agent = new HttpsAgent({ keepAlive: true });
  return client.extend({ agent: { https: agent } });
}`,
    // an instance of another type, or of no declared type: the options may be kept
    `import type { Queue } from './queue';
import { Agent as HttpsAgent } from 'node:https';
export async function send(queue: Queue, url: string) {
  return queue(url, { agent: { https: new HttpsAgent({ keepAlive: true }) } });
}`,
    `import { Agent as HttpsAgent } from 'node:https';
export async function send(client, url: string) {
  return client(url, { agent: { https: new HttpsAgent({ keepAlive: true }) } });
}`,
    // a method that is not a request method of the type
    `import type { AxiosInstance } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
export function configure(http: AxiosInstance) {
  http.defaults.httpsAgent = new HttpsAgent({ keepAlive: true });
}`,
  ],
  invalid: [
    {
      code: MONITOR,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 7,
          suggestions: [
            { messageId: 'hoistToModuleScope', data: { name: 'sharedHttpsAgent' }, output: hoisted(MONITOR, '{ https: new HttpsAgent({ keepAlive: true }) }', '{ https: sharedHttpsAgent }') },
          ],
        },
        {
          messageId: 'poolPerRequest',
          line: 11,
          suggestions: [
            { messageId: 'hoistToModuleScope', data: { name: 'sharedHttpsAgent' }, output: hoisted(MONITOR, '{ httpsAgent: new HttpsAgent({ keepAlive: true }) }', '{ httpsAgent: sharedHttpsAgent }') },
          ],
        },
      ],
    },
    {
      // the instance type named through a namespace import
      code: `import type * as got from 'got';
import { Agent as HttpsAgent } from 'node:https';
export async function probe(client: got.Got, url: string, insecure: boolean) {
  return client(url, { agent: { https: new HttpsAgent({ keepAlive: true, rejectUnauthorized: !insecure }) } });
}`,
      errors: [{ messageId: 'poolPerRequest', line: 4, suggestions: [] }],
    },
    {
      // the agent put into options handed to a private helper that calls the instance it is given
      code: PROVIDER,
      errors: [{ messageId: 'poolPerRequest', line: 8, suggestions: [] }],
    },
  ],
});
