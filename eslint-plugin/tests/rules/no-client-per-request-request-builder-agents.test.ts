/**
 * no-client-per-request: superagent's `.agent(agent)` sets the agent of the one request it is called
 * on, so it uses the agent (it does not hand it over): an agent built in the function and given to
 * `superagent.get(url).agent(agent)` serves one request and is dropped. The receiver must be a
 * chain from the import, a variable holding one, or named after the library.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const HOIST = 'Create it once at module scope and reuse it.';

const CHAIN = `import https from 'node:https';
import superagent from 'superagent';

export async function getJson(url) {
  const agent = new https.Agent({ keepAlive: true });
  const res = await superagent.get(url).query({ a: 1 }).agent(agent);
  return res.body;
}`;
const hoisted = (code: string) =>
  code
    .replace('const agent = new https.Agent({ keepAlive: true });', 'const agent = sharedHttpsAgent;')
    .replace("import superagent from 'superagent';\n", "import superagent from 'superagent';\nconst sharedHttpsAgent = new https.Agent({ keepAlive: true });\n");
const VARIABLE = CHAIN.replace(
  'const res = await superagent.get(url).query({ a: 1 }).agent(agent);',
  'const request = superagent.get(url);\n  const res = await request.agent(agent);',
);
const NAMED = `import https from 'node:https';

export function withAgent(superagentRequest) {
  const agent = new https.Agent({ keepAlive: true });
  return superagentRequest.agent(agent);
}`;

const used = (name: string, code: string, line: number, where: string) => ({
  name,
  code,
  errors: [
    {
      messageId: 'poolPerRequest' as const,
      line,
      data: { client: 'new https.Agent()', where, advice: HOIST },
      suggestions: [
        {
          messageId: 'hoistToModuleScope' as const,
          output: code.includes("from 'superagent'")
            ? hoisted(code)
            : code
                .replace('const agent = new https.Agent({ keepAlive: true });', 'const agent = sharedHttpsAgent;')
                .replace("import https from 'node:https';\n", "import https from 'node:https';\nconst sharedHttpsAgent = new https.Agent({ keepAlive: true });\n"),
        },
      ],
    },
  ],
});

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (request builder agents)', rule as never, {
  valid: [
    {
      name: '.agent(agent) on an object of another module hands the agent over',
      code: CHAIN.replace("import superagent from 'superagent';", "import superagent from './http-client';"),
    },
    {
      name: '.agent(agent) on an unknown parameter with another name hands the agent over',
      code: NAMED.replaceAll('superagentRequest', 'builder'),
    },
    {
      name: 'a request variable that is reassigned is not known to be a superagent request',
      code: VARIABLE.replace('const request = superagent.get(url);', 'let request = superagent.get(url);\n  request = makeRequest(request);'),
    },
  ],
  invalid: [
    used('superagent.get(url).agent(agent) in a chain', CHAIN, 5, 'in `getJson()`, which uses it for one call and then drops it'),
    used('.agent(agent) on a variable holding a superagent request', VARIABLE, 5, 'in `getJson()`, which uses it for one call and then drops it'),
    used('.agent(agent) on a parameter named after superagent', NAMED, 4, 'in `withAgent()`, which uses it for one call and then drops it'),
  ],
});
