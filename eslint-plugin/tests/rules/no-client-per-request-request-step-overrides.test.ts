/**
 * no-client-per-request: a subclass method that its base class calls for every request and that
 * returns fresh request options holding a new pool (`prepareRequest() { const requestInit = {};
 * requestInit.agent = new https.Agent(); return requestInit; }`) builds a pool per request, like
 * the same construction read as `.agent` of a factory's result. Only an override (the class extends
 * another, nothing in this file calls it) named for one request, returning fresh options, counts.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const AGENT = 'new https.Agent({ keepAlive: true })';

const STEP = `import * as https from 'https';
import { FetchHttpClient } from './fetchHttpClient';

export class NodeFetchHttpClient extends FetchHttpClient {
  async prepareRequest(request: { keepAlive?: boolean }) {
    const requestInit: { agent?: https.Agent } = {};
    if (request.keepAlive) {
      requestInit.agent = ${AGENT};
    }
    return requestInit;
  }
}`;
const LITERAL = `import * as https from 'https';
import { BaseClient } from './base-client';

export class Client extends BaseClient {
  buildFetchOptions(url: string) {
    return { method: 'GET', agent: ${AGENT} };
  }
}`;
// The guard reads the fresh options object of this call: it caches nothing across requests.
const GUARDED = STEP.replace(
  `      requestInit.agent = ${AGENT};`,
  `      if (requestInit.agent) {
        requestInit.agent.maxSockets = 8;
      } else {
        requestInit.agent = ${AGENT};
      }`,
);
const hoisted = (code: string) =>
  code
    .replace(AGENT, 'sharedHttpsAgent')
    .split('\n')
    .toSpliced(2, 0, `const sharedHttpsAgent = ${AGENT};`)
    .join('\n');

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (request step overrides)', rule as never, {
  valid: [
    {
      name: 'a class that extends nothing: who calls the method is unknown',
      code: STEP.replace(' extends FetchHttpClient', '').replace("import { FetchHttpClient } from './fetchHttpClient';\n", ''),
    },
    {
      name: 'a method whose name does not say it works on one request',
      code: STEP.replace('prepareRequest', 'defaultAgentOptions'),
    },
    {
      name: 'a method called once from the constructor of this file',
      code: STEP.replace(
        '  async prepareRequest(',
        '  private readonly init = this.prepareRequest({ keepAlive: true });\n\n  async prepareRequest(',
      ),
    },
    {
      name: 'options that are not fresh (kept on the instance) keep the agent',
      code: STEP.replace('const requestInit: { agent?: https.Agent } = {};', 'const requestInit = this.defaults;'),
    },
    {
      name: 'a guard on a module-level object is a cache: built once, on the first request',
      code: `import * as https from 'https';
import express from 'express';
const pools: { agent?: https.Agent } = {};
const app = express();
app.get('/proxy', (req, res) => {
  const options = {};
  if (pools.agent) {
    options.agent = pools.agent;
  } else {
    pools.agent = ${AGENT};
  }
  res.json(options);
});`,
    },
    {
      name: 'a static method is no step of a base class pipeline',
      code: STEP.replace('async prepareRequest(', 'static async prepareRequest('),
    },
  ],
  invalid: [
    {
      name: 'a guard on the fresh options of this call is no cache',
      code: GUARDED,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 11,
          data: {
            client: 'new https.Agent()',
            where:
              'in `NodeFetchHttpClient.prepareRequest()`, which its base class calls for each request and which returns it in new request options (`requestInit.agent`)',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: hoisted(GUARDED) }],
        },
      ],
    },
    {
      name: 'prepareRequest() returning a fresh requestInit with a new agent',
      code: STEP,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 8,
          data: {
            client: 'new https.Agent()',
            where:
              'in `NodeFetchHttpClient.prepareRequest()`, which its base class calls for each request and which returns it in new request options (`requestInit.agent`)',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: hoisted(STEP) }],
        },
      ],
    },
    {
      name: 'an options literal returned with the agent in it',
      code: LITERAL,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 6,
          data: {
            client: 'new https.Agent()',
            where: 'in `Client.buildFetchOptions()`, which its base class calls for each request and which returns it in new request options (`agent`)',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: [{ messageId: 'hoistToModuleScope', output: hoisted(LITERAL) }],
        },
      ],
    },
  ],
});
