/**
 * no-client-per-request: an agent put on a request object that is built per call (a library's
 * request function inside its factory). The object's fate decides the agent's: a same-file helper
 * that ignores the object keeps nothing, and a call that was handed the object before the agent was
 * put on it (a logger, on every run) never saw the agent. Handed over after the agent is on it, or
 * added to a collection (which keeps the object and so what is put on it later), the object may
 * keep the agent: not reported.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

const ruleTester = new RuleTester();
const commonjs = { parser: espree as never, ecmaVersion: 2024 as const, sourceType: 'commonjs' as const };

const SEND = `const https = require('https');
const axios = require('axios');
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };
module.exports = function createClient(config) {
  const log = typeof config.log === 'function' ? config.log : () => {};
  const onResponse = function (response, request, done) {
    done(null, response.data);
  };
  function send(path, done) {
    const request = Object.assign({ method: 'GET', url: config.url + path }, config.defaults);
    log(request);
    request.httpsAgent = config.agent || new https.Agent(AGENT_OPTIONS);
    axios(request).then((response) => onResponse(response, request, done), done);
  }
  return { send };
};`;

/** Lines of SEND the cases rewrite. */
const START = 'module.exports = function createClient(config) {';
const OPTIONS = 'const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };';
const LOG = '    log(request);';
const AGENT = '    request.httpsAgent = config.agent || new https.Agent(AGENT_OPTIONS);';
const LOG_THEN_AGENT = `${LOG}\n${AGENT}`;
const AGENT_THEN_LOG = `${AGENT}\n${LOG}`;

ruleTester.run('no-client-per-request (agents on per-call request objects)', rule as never, {
  valid: [
    {
      name: 'the object is handed to the logger after the agent is on it',
      code: SEND.replace(LOG_THEN_AGENT, AGENT_THEN_LOG),
      languageOptions: commonjs,
    },
    {
      name: 'a collection that holds the object keeps the agent put on it later',
      code: SEND.replace(START, `${START}\n  const pending = [];`).replace(LOG, '    pending.push(request);'),
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'logged before the agent is put on it, then sent once',
      code: SEND,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 12,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'sharedHttpsAgent' },
              output: SEND.replace(OPTIONS, `${OPTIONS}\nconst sharedHttpsAgent = new https.Agent(AGENT_OPTIONS);\n`).replace(
                'config.agent || new https.Agent(AGENT_OPTIONS)',
                'config.agent || sharedHttpsAgent',
              ),
            },
          ],
        },
      ],
    },
  ],
});
