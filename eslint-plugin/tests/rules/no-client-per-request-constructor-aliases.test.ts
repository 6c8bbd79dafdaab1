/**
 * no-client-per-request: a variable that only ever holds pool constructors (a `null` placeholder
 * aside) is a pool constructor: `let AgentClass = null; if (secure) AgentClass = HttpsAgent; else
 * AgentClass = HttpAgent; new AgentClass(options)`. One assignment of anything unknown makes it
 * unknown.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const KEYED =
  'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.';

const ALIAS = `import AgentKeepAlive from 'agentkeepalive';
import superagent from 'superagent';

export function get(url, secure) {
  let AgentClass = null;
  if (secure) {
    AgentClass = AgentKeepAlive.HttpsAgent;
  } else {
    AgentClass = AgentKeepAlive;
  }
  const agent = new AgentClass({ maxSockets: 4 });
  return superagent.get(url).agent(agent);
}`;

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (constructor aliases)', rule as never, {
  valid: [
    {
      name: 'an alias also assigned the result of an unknown call is unknown',
      code: ALIAS.replace('AgentClass = AgentKeepAlive;', 'AgentClass = pickAgentClass(url);'),
    },
    {
      name: 'an alias assigned a parameter is unknown',
      code: ALIAS.replace('AgentClass = AgentKeepAlive;', 'AgentClass = secure.Agent;'),
    },
  ],
  invalid: [
    {
      name: 'an alias assigned only pool constructors (and null)',
      code: ALIAS,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 11,
          data: {
            client: 'new AgentClass()',
            where: 'in `get()`, which uses it for one call and then drops it',
            advice: KEYED,
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'an alias declared with undefined and assigned in both branches of a conditional',
      code: ALIAS.replace('let AgentClass = null;', 'let AgentClass = undefined;'),
      errors: [{ messageId: 'poolPerRequest', line: 11, suggestions: [] }],
    },
  ],
});
