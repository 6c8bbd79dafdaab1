import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-disabled-keepalive';

const ruleTester = new RuleTester(); // @typescript-eslint/parser
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const plainJs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;

const KUBE_CONFIG = `import https from 'https';
export class KubeConfig {
  applyToHTTPSOptions(opts) {
    const agentOptions = {};
    agentOptions.ca = opts.ca;
    agentOptions.cert = opts.cert;
    opts.agent = this.createAgent(agentOptions);
  }
  async applySecurityAuthentication(context) {
    const agentOptions = {};
    agentOptions.rejectUnauthorized = false;
    context.setAgent(this.createAgent(agentOptions));
  }
  createAgent(agentOptions) {
    return new https.Agent(agentOptions);
  }
}`;

const TWO_CLASSES = `import https from 'https';
export class Direct {
  createAgent(options) { return new https.Agent(options); }
  apply() { return this.createAgent({ ca: 'x' }); }
}
export class Pooled {
  createAgent(options) { this.agent ??= new https.Agent(options); return this.agent; }
  apply() { return this.createAgent({ keepAlive: true }); }
}`;

const MAKE_AGENT = `const http = require('http');
function makeAgent(host, options) {
  return new http.Agent(options);
}
module.exports = { local: makeAgent('localhost', { maxSockets: 5 }) };`;

const AGENT_FOR = `import { SocksProxyAgent } from 'socks-proxy-agent';
import https from 'https';
export class Client {
  agentFor(proxyUrl: string | undefined, agentOptions) {
    if (proxyUrl) {
      const proxied = agentOptions;
      proxied.timeout = 5000;
      return new SocksProxyAgent(proxyUrl, proxied);
    }
    return new https.Agent(agentOptions);
  }
  send(proxyUrl?: string) {
    const run = () => this.agentFor(proxyUrl, { servername: 'api' });
    return run();
  }
}`;

// SAP cloud-sdk's agent config (fixed upstream): the caller's options spread from helpers of the file.
const AGENT_CONFIG = `import http from 'http';
import https from 'https';
type Destination = { url: string; trustAll?: boolean; ca?: string; pfx?: Buffer };
export function getAgentConfig(destination: Destination) {
  const certificateOptions = {
    ...trustStoreOptions(destination),
    ...keyStoreOptions(destination),
  };
  return createAgent(destination, certificateOptions);
}
function trustStoreOptions(destination: Destination) {
  if (destination.url.startsWith('http:')) return {};
  if (destination.trustAll) return { rejectUnauthorized: false };
  return destination.ca ? { rejectUnauthorized: true, ca: [destination.ca] } : { rejectUnauthorized: true };
}
function keyStoreOptions(destination: Destination) {
  if (!destination.pfx) return;
  return { pfx: destination.pfx };
}
function createAgent(destination: Destination, options: https.AgentOptions) {
  return destination.url.startsWith('https:') ? { httpsAgent: new https.Agent(options) } : { httpAgent: new http.Agent(options) };
}`;

const HTTP_CLIENT = `import { Agent, type AgentOptions, request } from 'https';
import fs from 'fs';
export class HttpClient {
  private agentOptions!: AgentOptions;
  send(url: string, body: string) {
    const req = request(url, { method: 'POST', agent: new Agent(this.agentOptions) });
    req.end(body);
    return req;
  }
  installCertificate(path: string) {
    if (path === 'unencrypted') {
      this.agentOptions = { rejectUnauthorized: false };
    } else {
      this.agentOptions = { ca: fs.readFileSync(path), servername: 'terminal' };
    }
  }
}`;

// Agent options that reach the constructor through a parameter: judged by what every call of the
// function (or `this.method()` of the class) in this file passes; options in a private field, by
// what the class assigns to it.
ruleTester.run('no-disabled-keepalive (options built by the callers or kept in a private field)', rule as never, {
  valid: [
    // a helper whose options are spread in sets keepAlive on one path
    AGENT_CONFIG.replace("if (destination.trustAll) return { rejectUnauthorized: false };", "if (destination.trustAll) return { rejectUnauthorized: false, keepAlive: true };"),
    // a helper that returns what it is given: its keys are not in sight
    AGENT_CONFIG.replace("if (!destination.pfx) return;", "if (!destination.pfx) return destination as https.AgentOptions;"),
    // a helper that calls itself: not followed
    AGENT_CONFIG.replace("if (!destination.pfx) return;", "if (!destination.pfx) return { ...keyStoreOptions({ ...destination, pfx: Buffer.alloc(0) }) };"),
    // a caller sets keepAlive
    `import https from 'https';
function makeAgent(options: https.AgentOptions) { return new https.Agent(options); }
export const a = makeAgent({ ca: 'x' });
export const b = makeAgent({ keepAlive: true });`,
    // keepAlive assigned after the literal
    `import https from 'https';
function makeAgent(options) { return new https.Agent(options); }
const options = { ca: 'x' };
options.keepAlive = true;
export const agent = makeAgent(options);`,
    // keepAlive set inside the function, through the parameter
    `import https from 'https';
function makeAgent(options) { options.keepAlive = true; return new https.Agent(options); }
export const agent = makeAgent({ ca: 'x' });`,
    // the options are handed to another function first: it may set keepAlive
    `import https from 'https';
declare function applyDefaults(o: object): void;
function makeAgent(options) { return new https.Agent(options); }
const options = {};
applyDefaults(options);
export const agent = makeAgent(options);`,
    `import https from 'https';
declare function applyDefaults(o: object): void;
function makeAgent(options) { applyDefaults(options); return new https.Agent(options); }
export const agent = makeAgent({ ca: 'x' });`,
    // a spread or a computed key could carry keepAlive
    `import https from 'https';
declare const defaults: object;
function makeAgent(options) { return new https.Agent(options); }
export const agent = makeAgent({ ...defaults, ca: 'x' });`,
    `import https from 'https';
declare const key: string;
function makeAgent(options) { return new https.Agent(options); }
const options = {};
options[key] = true;
export const agent = makeAgent(options);`,
    // a caller passes options we cannot see into
    `import https from 'https';
function makeAgent(options) { return new https.Agent(options); }
export const a = makeAgent({ ca: 'x' });
export function b(options: object) { return makeAgent(options); }`,
    // the function is also handed on: callers elsewhere are unknown
    `import https from 'https';
function makeAgent(options) { return new https.Agent(options); }
export const a = makeAgent({ ca: 'x' });
export const factories = [makeAgent];`,
    // no call in the file at all
    `import https from 'https'; export function makeAgent(options) { return new https.Agent(options); }`,
    // a method also called on another object (a subclass or another instance may pass keepAlive)
    `import https from 'https';
export class Config {
  createAgent(options) { return new https.Agent(options); }
  apply() { return this.createAgent({ ca: 'x' }); }
}
export const agent = new Config().createAgent({ keepAlive: true });`,
    `import https from 'https';
class Base { createAgent(options) { return new https.Agent(options); } run() { return this.createAgent({ ca: 'x' }); } }
export class Derived extends Base { run() { return super.createAgent({ keepAlive: true }); } }`,
    // a const alias of the parameter that sets keepAlive
    `import https from 'https';
function makeAgent(options) {
  const pooled = options;
  pooled.keepAlive = true;
  return new https.Agent(pooled);
}
export const agent = makeAgent({ ca: 'x' });`,
    // a subclass's this.createAgent() may be this class's method, with other options
    `import https from 'https';
export class Config {
  createAgent(options) { return new https.Agent(options); }
  apply() { return this.createAgent({ ca: 'x' }); }
}
export class PooledConfig extends Config {
  pooled() { return this.createAgent({ keepAlive: true }); }
}`,
    // this[name]() may call the method with anything
    `import https from 'https';
export class Config {
  createAgent(options) { return new https.Agent(options); }
  apply(name: 'createAgent') { this.createAgent({ ca: 'x' }); return this[name]({ keepAlive: true }); }
}`,
    // `this` inside a plain function nested in a method is not the instance
    `import https from 'https';
export class Config {
  createAgent(options) { return new https.Agent(options); }
  apply() { return [1].map(function () { return this.createAgent({ ca: 'x' }); }, { createAgent: () => 1 }); }
}`,
    // options in a class field: public (another module may set it), set to something unknown, or
    // given keepAlive by name
    `import { Agent, type AgentOptions } from 'https';
export class HttpClient {
  agentOptions: AgentOptions = { ca: 'x' };
  agent() { return new Agent(this.agentOptions); }
}`,
    `import { Agent, type AgentOptions } from 'https';
export class HttpClient {
  private agentOptions: AgentOptions = { ca: 'x' };
  configure(options: AgentOptions) { this.agentOptions = options; }
  agent() { return new Agent(this.agentOptions); }
}`,
    `import { Agent, type AgentOptions } from 'https';
export class HttpClient {
  #agentOptions: AgentOptions = { ca: 'x' };
  pooled() { this.#agentOptions.keepAlive = true; }
  agent() { return new Agent(this.#agentOptions); }
}`,
    `import { Agent, type AgentOptions } from 'https';
export class HttpClient {
  constructor(private agentOptions: AgentOptions) {}
  agent() { return new Agent(this.agentOptions); }
}`,
    // a default value or a destructured parameter is not followed
    `import https from 'https';
function makeAgent(options = { keepAlive: true }) { return new https.Agent(options); }
export const agent = makeAgent({ ca: 'x' });`,
    // maxCachedSessions: 0 asks for full handshakes on purpose
    `import https from 'https';
function makeAgent(options) { return new https.Agent(options); }
export const checker = makeAgent({ maxCachedSessions: 0 });`,
    // agentkeepalive keeps sockets alive by default
    `import Agent from 'agentkeepalive';
function makeAgent(options) { return new Agent(options); }
export const agent = makeAgent({ maxSockets: 10 });`,
  ],
  invalid: [
    {
      code: AGENT_CONFIG,
      errors: ['https.Agent', 'http.Agent'].map(() => ({
        messageId: 'agentWithoutKeepAlive' as const,
        line: 21,
        suggestions: [
          {
            messageId: 'addKeepAliveAtCallers' as const,
            data: { lines: 'line 5' },
            output: AGENT_CONFIG.replace('const certificateOptions = {\n', 'const certificateOptions = {\n    keepAlive: true,\n'),
          },
        ],
      })),
    },
    {
      // the shape of Adyen's node client: options kept in a private field, an agent per request
      code: HTTP_CLIENT,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 6,
          suggestions: [
            {
              messageId: 'addKeepAliveToField',
              data: { field: 'this.agentOptions', lines: 'lines 12, 14' },
              output: HTTP_CLIENT.replace('{ rejectUnauthorized: false }', '{ keepAlive: true, rejectUnauthorized: false }').replace(
                '{ ca: fs.readFileSync(path),',
                '{ keepAlive: true, ca: fs.readFileSync(path),',
              ),
            },
          ],
        },
      ],
    },
    {
      // the shape of @kubernetes/client-node's createAgent: options built key by key in each caller
      code: KUBE_CONFIG,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 15,
          suggestions: [
            {
              messageId: 'addKeepAliveAtCallers',
              data: { lines: 'lines 4, 10' },
              output: KUBE_CONFIG.replaceAll('const agentOptions = {};', 'const agentOptions = { keepAlive: true };'),
            },
          ],
        },
      ],
    },
    {
      // another class with a method of the same name (and no base class) calls its own method
      code: TWO_CLASSES,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 3,
          suggestions: [
            {
              messageId: 'addKeepAliveAtCallers',
              data: { lines: 'line 4' },
              output: TWO_CLASSES.replace("this.createAgent({ ca: 'x' })", "this.createAgent({ keepAlive: true, ca: 'x' })"),
            },
          ],
        },
      ],
    },
    {
      // a function of the file, one literal caller
      code: MAKE_AGENT,
      ...plainJs,
      errors: [
        {
          messageId: 'agentWithoutKeepAlive',
          line: 3,
          suggestions: [
            {
              messageId: 'addKeepAliveAtCallers',
              data: { lines: 'line 5' },
              output: MAKE_AGENT.replace('{ maxSockets: 5 }', '{ keepAlive: true, maxSockets: 5 }'),
            },
          ],
        },
      ],
    },
    {
      // the parameter under a const alias that only sets another key (the shape of hpagent's
      // `new HttpsProxyAgent(options)` in @kubernetes/client-node). The call sits in an arrow
      // inside a method: `this` is still the instance.
      code: AGENT_FOR,
      errors: [
        {
          messageId: 'proxyAgentWithoutKeepAlive',
          line: 8,
          suggestions: [
            {
              messageId: 'addKeepAliveAtCallers',
              data: { lines: 'line 13' },
              output: AGENT_FOR.replace("{ servername: 'api' }", "{ keepAlive: true, servername: 'api' }"),
            },
          ],
        },
        {
          messageId: 'agentWithoutKeepAlive',
          line: 10,
          suggestions: [
            {
              messageId: 'addKeepAliveAtCallers',
              data: { lines: 'line 13' },
              output: AGENT_FOR.replace("{ servername: 'api' }", "{ keepAlive: true, servername: 'api' }"),
            },
          ],
        },
      ],
    },
  ],
});
