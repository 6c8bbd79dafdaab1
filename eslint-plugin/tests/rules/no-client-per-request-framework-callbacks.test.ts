/**
 * no-client-per-request in callbacks that frameworks run once per event or call, recognised only on
 * a receiver known to be the framework's object: Probot `app.on(event, handler)` (typed, or the
 * exported app function's parameter with a handler using a Probot context), MCP SDK
 * `server.registerTool(name, config, handler)` (on a `McpServer`, or on an untyped parameter when
 * the call has the SDK's shape), express-http-proxy option callbacks,
 * http-proxy-middleware `on.proxyReq`, and a Node-RED node's `'input'` listener. The client is
 * handed to an unknown helper (`send(agent, ...)`), so only the context can make it per request.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const AGENT = 'new Agent({ connections: 4 })';
/** Moves `AGENT` right after the imports (the first `importLines` lines) as `sharedAgent`. */
const hoisted = (code: string, importLines: number) =>
  code
    .replace(`const agent = ${AGENT};`, 'const agent = sharedAgent;')
    .split('\n')
    .toSpliced(importLines, 0, `const sharedAgent = ${AGENT};`)
    .join('\n');
const perRun = (name: string, code: string, line: number, where: string, importLines = 3) => ({
  name,
  code,
  errors: [
    {
      messageId: 'poolPerRequest' as const,
      line,
      data: { client: 'new Agent()', where, advice: 'Create it once at module scope and reuse it.' },
      suggestions: [{ messageId: 'hoistToModuleScope' as const, output: hoisted(code, importLines) }],
    },
  ],
});

const PROBOT = `import type { Probot } from 'probot';
import { Agent } from 'undici';
import { send } from './send';

export = (app: Probot) => {
  app.on('pull_request.labeled', async (context) => {
    const agent = ${AGENT};
    await send(agent, context.payload);
  });
};`;

const PROBOT_JS = `const { Agent } = require('undici');
const { send } = require('./send');

module.exports = (app) => {
  app.on(['issues.opened', 'issues.edited'], async (context) => {
    const agent = ${AGENT};
    await send(agent, context.payload.issue);
  });
};`;

const MCP = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Agent } from 'undici';
import { send } from './send';

const server = new McpServer({ name: 'run', version: '1.0.0' });
server.registerTool('list_services', { description: 'Lists services' }, async ({ project }) => {
  const agent = ${AGENT};
  return send(agent, project);
});`;

const MCP_JS = `import { Agent } from 'undici';
import { send } from './send';

export const registerTools = (server) => {
  server.registerTool('list_services', { description: 'Lists services', inputSchema: {} }, async ({ project }) => {
    const agent = ${AGENT};
    return send(agent, project);
  });
};`;

const MCP_TYPED = `import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Agent } from 'undici';
import { send } from './send';

export function registerTools(server: McpServer) {
  server.tool('deploy', async ({ project }) => {
    const agent = ${AGENT};
    return send(agent, project);
  });
}`;

const EXPRESS_HTTP_PROXY = `import express from 'express';
import proxy from 'express-http-proxy';
import { Agent } from 'undici';

const app = express();
app.use('/proxy', proxy('https://example.com', {
  proxyReqOptDecorator: (proxyReqOpts) => {
    const agent = ${AGENT};
    proxyReqOpts.dispatcher = agent;
    return proxyReqOpts;
  },
}));`;

const PROXY_MIDDLEWARE = `import { createProxyMiddleware } from 'http-proxy-middleware';
import { Agent } from 'undici';
import { send } from './send';

export const proxy = createProxyMiddleware({
  target: 'https://example.com',
  on: {
    proxyReq: (proxyReq, req) => {
      const agent = ${AGENT};
      send(agent, req.url);
    },
  },
});`;

const NODE_RED = `const { Agent } = require('undici');
const { send } = require('./send');

module.exports = function (RED) {
  function HttpRequestNode(config) {
    RED.nodes.createNode(this, config);
    const node = this;
    node.on('input', function (msg, nodeSend, nodeDone) {
      const agent = ${AGENT};
      send(agent, msg).then(() => nodeDone());
    });
  }
  RED.nodes.registerType('http request', HttpRequestNode);
};`;

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (framework callbacks)', rule as never, {
  valid: [
    {
      name: 'app.on with a type of another package is not a Probot handler',
      code: PROBOT.replace("from 'probot'", "from './bot'"),
    },
    {
      name: 'an untyped app whose handler does not use a Probot context is not a Probot app',
      code: PROBOT_JS.replace('context.payload.issue', 'context.issue_id'),
    },
    {
      name: 'an untyped app.on in a function that is not the module export is not a Probot handler',
      code: PROBOT_JS.replace('module.exports = (app) => {', 'const register = (app) => {'),
    },
    {
      name: 'an untyped emitter.on with a Probot-like handler, not on the exported app parameter',
      code: PROBOT_JS.replace('module.exports = (app) => {\n  app.on(', 'module.exports = (app, emitter) => {\n  emitter.on('),
    },
    {
      name: 'registerTool on an object not built by the MCP SDK is not a tool handler',
      code: MCP.replace("from '@modelcontextprotocol/sdk/server/mcp.js'", "from './registry'"),
    },
    {
      name: 'an untyped registerTool without the SDK config object is not an MCP tool',
      code: MCP_JS.replace("{ description: 'Lists services', inputSchema: {} }", '{ retries: 2 }'),
    },
    {
      name: 'an untyped registerTool with two arguments is not an MCP tool',
      code: MCP_JS.replace("{ description: 'Lists services', inputSchema: {} }, ", ''),
    },
    {
      name: 'registerTool on a module-level registry of the project is not an MCP tool',
      code: MCP_JS.replace('export const registerTools = (server) => {', "import { server } from './registry';\nexport const registerTools = () => {"),
    },
    {
      name: 'an MCP tool registered without a static name is not recognised',
      code: MCP.replace("server.registerTool('list_services',", 'server.registerTool(toolName,'),
    },
    {
      name: 'proxyReqOptDecorator passed to a function of another module is not a proxy callback',
      code: EXPRESS_HTTP_PROXY.replace("from 'express-http-proxy'", "from './proxy'").replace(
        "app.use('/proxy', proxy(",
        'export const options = proxy(',
      ).replace('}));', '});'),
    },
    {
      name: 'on.proxyReq of another module is not a proxy callback',
      code: PROXY_MIDDLEWARE.replace("from 'http-proxy-middleware'", "from './proxy'"),
    },
    {
      name: "an 'input' listener outside a Node-RED node constructor is not a message handler",
      code: NODE_RED.replace('RED.nodes.createNode(this, config);', 'this.config = config;'),
    },
    {
      name: "an 'input' listener on an object other than the node is not a message handler",
      code: NODE_RED.replace("node.on('input'", "config.stream.on('input'"),
    },
  ],
  invalid: [
    perRun('Probot app.on handler (app: Probot)', PROBOT, 7, 'in the webhook handler registered with `app.on()`'),
    perRun(
      'Probot app written without types (module.exports = (app) => ..., context.payload)',
      PROBOT_JS,
      6,
      'in the webhook handler registered with `app.on()`',
      2,
    ),
    perRun('MCP tool of new McpServer()', MCP, 7, 'in the MCP handler registered with `server.registerTool()`'),
    perRun(
      'MCP tool registered on an untyped server parameter with the SDK shape',
      MCP_JS,
      6,
      'in the MCP handler registered with `server.registerTool()`',
      2,
    ),
    perRun('MCP tool on a parameter typed McpServer', MCP_TYPED, 7, 'in the MCP handler registered with `server.tool()`'),
    perRun(
      'express-http-proxy proxyReqOptDecorator',
      EXPRESS_HTTP_PROXY,
      8,
      'in the `proxyReqOptDecorator` function passed to `proxy()`, once per request, which keeps it on `proxyReqOpts.dispatcher` for that request only',
    ),
    perRun(
      'http-proxy-middleware on.proxyReq',
      PROXY_MIDDLEWARE,
      9,
      'in the `on.proxyReq` function passed to `createProxyMiddleware()`, once per request',
    ),
    perRun('Node-RED input listener', NODE_RED, 9, "in the 'input' listener registered with `node.on()`", 2),
  ],
});
