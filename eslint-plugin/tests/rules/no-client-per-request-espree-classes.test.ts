/**
 * Class methods parsed by espree, ESLint's default parser: its MethodDefinition nodes have no
 * `decorators` property (typescript-eslint's always do), and looking for handler decorators there
 * used to throw. Every plain JavaScript class method whose client the rule judges goes through it.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const languageOptions = { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } as const;
const ruleTester = new RuleTester();

ruleTester.run('no-client-per-request (class methods parsed by espree)', rule as never, {
  valid: [
    {
      code: `const https = require('https');
class Forwarder {
  constructor() { this.agent = new https.Agent({ keepAlive: true }); }
  send(url) { https.get(url, { agent: this.agent }, (res) => res.resume()); }
}
module.exports = Forwarder;`,
      languageOptions,
    },
  ],
  invalid: [
    {
      code: `const https = require('https');
class Forwarder {
  send(url) {
    const agent = new https.Agent({ keepAlive: true });
    https.get(url, { agent }, (res) => res.resume());
  }
}
module.exports = Forwarder;`,
      languageOptions,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `const https = require('https');
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

class Forwarder {
  send(url) {
    const agent = sharedHttpsAgent;
    https.get(url, { agent }, (res) => res.resume());
  }
}
module.exports = Forwarder;`,
            },
          ],
        },
      ],
    },
  ],
});
