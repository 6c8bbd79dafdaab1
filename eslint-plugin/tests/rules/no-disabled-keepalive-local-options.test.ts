import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-disabled-keepalive';

const ruleTester = new RuleTester(); // @typescript-eslint/parser

// The shape of the Serverless Framework's AWS config (fixed upstream by turning keep-alive on):
// options built in a local variable, keys added by Object.assign, two agents built from it.
const AWS_CONFIG = `import https from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
export function buildHttpOptions(proxy: string | undefined, caCerts: string[]) {
  const httpOptions: Record<string, unknown> = {};
  const agentOptions = {};
  if (caCerts.length > 0) {
    Object.assign(agentOptions, { rejectUnauthorized: true, ca: caCerts });
  }
  if (proxy) {
    httpOptions.httpsAgent = new HttpsProxyAgent(proxy, agentOptions);
  } else if (caCerts.length > 0) {
    httpOptions.httpsAgent = new https.Agent(agentOptions);
  }
  return httpOptions;
}`;

const KEY_BY_KEY = `const https = require('https');
function agentFor(ca, servername) {
  const options = { servername };
  options.ca = ca;
  options.timeout = 5000;
  return new https.Agent(options);
}
module.exports = { agentFor };`;

ruleTester.run('no-disabled-keepalive (options built in a local variable)', rule as never, {
  valid: [
    // a function of this file sets keepAlive on the object it is given
    `import https from 'https';
function configure(options) { options.keepAlive = true; }
const options = {};
configure(options);
export const agent = new https.Agent(options);`,
    // ... through Object.assign in an arrow, or one more function down
    `import https from 'https';
const withDefaults = (options) => Object.assign(options, { keepAlive: true });
function outer(options) { inner(options); }
function inner(options) { options.maxSockets = 10; }
const first = {};
withDefaults(first);
export const a = new https.Agent(first);
const second = { keepAlive: false };
outer(second);
export const b = new https.Agent(second);`,
    // keepAlive assigned by name later
    `import https from 'https';
export function make(ca: string) {
  const options = {};
  options.ca = ca;
  options.keepAlive = true;
  return new https.Agent(options);
}`,
    // keepAlive added by Object.assign
    `import https from 'https';
export function make(ca: string) {
  const options = {};
  Object.assign(options, { ca, keepAlive: true });
  return new https.Agent(options);
}`,
    // Object.assign from an object whose keys are not in sight
    `import https from 'https';
export function make(extra: object) {
  const options = {};
  Object.assign(options, extra);
  return new https.Agent(options);
}`,
    // Object.assign from a literal with a spread
    `import https from 'https';
export function make(extra: object) {
  const options = {};
  Object.assign(options, { ca: 'x', ...extra });
  return new https.Agent(options);
}`,
    // Object.assign's result is kept: keys may be added through it
    `import https from 'https';
export function make() {
  const options = {};
  const same = Object.assign(options, { ca: 'x' });
  same.keepAlive = true;
  return new https.Agent(options);
}`,
    // a computed key could be keepAlive
    `import https from 'https';
export function make(name: string) {
  const options = {};
  options[name] = true;
  return new https.Agent(options);
}`,
    // handed to another function first
    `import https from 'https';
import { applyDefaults } from './defaults';
export function make() {
  const options = {};
  applyDefaults(options);
  options.ca = 'x';
  return new https.Agent(options);
}`,
    // exported: another module may set keepAlive
    `import https from 'https';
export const agentOptions = {};
agentOptions.ca = 'x';
export const agent = new https.Agent(agentOptions);`,
    // reassigned
    `import https from 'https';
export function make(secure: boolean) {
  let options = {};
  options.ca = 'x';
  if (secure) options = { keepAlive: true };
  return new https.Agent(options);
}`,
    // a constructor whose keep-alive is on by default
    `import { Agent } from 'undici';
export function make() {
  const options = {};
  Object.assign(options, { connections: 4 });
  return new Agent(options);
}`,
  ],
  invalid: [
    {
      // a function of this file that only reads the object it is given changes nothing
      code: `import https from 'https';
function describe(options) { console.log('agent options', options); return Object.keys(options).length; }
const options = { maxSockets: 4 };
describe(options);
export const agent = new https.Agent(options);`,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 5,
          suggestions: [
            {
              messageId: 'addKeepAlive',
              output: `import https from 'https';
function describe(options) { console.log('agent options', options); return Object.keys(options).length; }
const options = { keepAlive: true, maxSockets: 4 };
describe(options);
export const agent = new https.Agent(options);`,
            },
          ],
        },
      ],
    },
    {
      code: AWS_CONFIG,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          line: 10,
          suggestions: [{ messageId: 'addKeepAlive', output: AWS_CONFIG.replace('const agentOptions = {};', 'const agentOptions = { keepAlive: true };') }],
        },
        {
          messageId: 'agentWithoutKeepAlive',
          line: 12,
          suggestions: [{ messageId: 'addKeepAlive', output: AWS_CONFIG.replace('const agentOptions = {};', 'const agentOptions = { keepAlive: true };') }],
        },
      ],
    },
    {
      code: KEY_BY_KEY,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 6,
          suggestions: [{ messageId: 'addKeepAlive', output: KEY_BY_KEY.replace('{ servername }', '{ keepAlive: true, servername }') }],
        },
      ],
    },
  ],
});
