/**
 * no-client-per-request in the hooks an HTTP client library runs for every request it sends: an
 * axios request interceptor, a got `init`/`beforeRequest` hook, a node-fetch agent function
 * (`agent: (url) => new https.Agent()`) and Apollo's `RESTDataSource#willSendRequest`. An agent built
 * there is built per request. Quiet: the same hooks handing out a shared agent, a response
 * interceptor, and a look-alike `willSendRequest` of a class that does not extend `RESTDataSource`.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const hoistAdvice = 'Create it once at module scope and reuse it.';

ruleTester.run('no-client-per-request (client library hooks)', rule as never, {
  valid: [
    `import https from 'node:https';
import axios from 'axios';
const agent = new https.Agent({ keepAlive: true });
export const api = axios.create({ baseURL: 'https://internal.example' });
api.interceptors.request.use((config) => {
  config.httpsAgent = agent;
  return config;
});`,
    `import https from 'node:https';
import http from 'node:http';
import fetch from 'node-fetch';
const httpAgent = new http.Agent({ keepAlive: true });
const httpsAgent = new https.Agent({ keepAlive: true });
export const get = (url: string) => fetch(url, { agent: (parsed) => (parsed.protocol === 'http:' ? httpAgent : httpsAgent) });`,
    `import got from 'got';
import https from 'node:https';
const agent = { https: new https.Agent({ keepAlive: true }) };
export const client = got.extend({ hooks: { beforeRequest: [(options) => { options.agent = agent; }] } });`,
    `import https from 'node:https';
class Billing {
  willSendRequest(_path: string, request: { agent?: https.Agent }) {
    request.agent = new https.Agent({ keepAlive: true });
  }
}
export default Billing;`,
    `import { RESTDataSource } from '@apollo/datasource-rest';
export class BillingAPI extends RESTDataSource {
  override willSendRequest(_path: string, request: { headers: Record<string, string> }) {
    request.headers['x-api-key'] = process.env.BILLING_KEY!;
  }
}`,
  ],
  invalid: [
    {
      code: `import https from 'node:https';
import axios from 'axios';
export const api = axios.create({ baseURL: 'https://internal.example' });
api.interceptors.request.use((config) => {
  config.httpsAgent = new https.Agent({ keepAlive: true, ca: process.env.INTERNAL_CA });
  return config;
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          data: {
            client: 'new https.Agent()',
            where: 'in the request interceptor registered with `api.interceptors.request.use()` (run for every request), which keeps it on `config.httpsAgent` for that request only',
            advice: hoistAdvice,
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import https from 'node:https';
import axios from 'axios';
const sharedHttpsAgent = new https.Agent({ keepAlive: true, ca: process.env.INTERNAL_CA });

export const api = axios.create({ baseURL: 'https://internal.example' });
api.interceptors.request.use((config) => {
  config.httpsAgent = sharedHttpsAgent;
  return config;
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'node:https';
import got from 'got';
export const client = got.extend({
  hooks: {
    beforeRequest: [
      (options) => {
        options.agent = { https: new https.Agent({ keepAlive: true }) };
      },
    ],
  },
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 7,
          data: {
            client: 'new https.Agent()',
            where: 'in the got `beforeRequest` hook (run for every request), which keeps it on `options.agent` for that request only',
            advice: hoistAdvice,
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import https from 'node:https';
import got from 'got';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

export const client = got.extend({
  hooks: {
    beforeRequest: [
      (options) => {
        options.agent = { https: sharedHttpsAgent };
      },
    ],
  },
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'node:https';
import fetch from 'node-fetch';
export function get(url: string) {
  return fetch(url, { agent: (parsedUrl) => new https.Agent({ keepAlive: true }) });
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          data: {
            client: 'new https.Agent()',
            where: 'in the `agent` function (called for every request), which returns a new one every time',
            advice: hoistAdvice,
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import https from 'node:https';
import fetch from 'node-fetch';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

export function get(url: string) {
  return fetch(url, { agent: (parsedUrl) => sharedHttpsAgent });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'node:https';
import { RESTDataSource } from '@apollo/datasource-rest';
export class BillingAPI extends RESTDataSource {
  override baseURL = 'https://billing.internal/';
  override willSendRequest(_path: string, request: { agent?: https.Agent }) {
    request.agent = new https.Agent({ keepAlive: true, ca: process.env.BILLING_CA });
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 6,
          data: {
            client: 'new https.Agent()',
            where: 'in `willSendRequest()` (run by the data source for every request), which keeps it on `request.agent` for that request only',
            advice: hoistAdvice,
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import https from 'node:https';
import { RESTDataSource } from '@apollo/datasource-rest';
const sharedHttpsAgent = new https.Agent({ keepAlive: true, ca: process.env.BILLING_CA });

export class BillingAPI extends RESTDataSource {
  override baseURL = 'https://billing.internal/';
  override willSendRequest(_path: string, request: { agent?: https.Agent }) {
    request.agent = sharedHttpsAgent;
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
