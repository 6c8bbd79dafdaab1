/**
 * no-disabled-keepalive on reverse proxies built without an `agent`: http-proxy falls back to
 * `agent: false` and `Connection: close`, so every proxied request opens a new connection to the
 * target; http-proxy-middleware passes its options to http-proxy. Quiet when an agent is given
 * (any value), when the options are not all written out, and for http-proxy when a `web()` / `ws()`
 * call may bring an agent of its own or the server leaves sight.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-disabled-keepalive';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

const ruleTester = new RuleTester();
const commonjs = { parser: espree as never, ecmaVersion: 2024 as const, sourceType: 'commonjs' as const };
const proxyData = (name: string, tls: string) => ({ name, tls });

ruleTester.run('no-disabled-keepalive (reverse proxies without an agent)', rule as never, {
  valid: [
    `import httpProxy from 'http-proxy';
import https from 'node:https';
const agent = new https.Agent({ keepAlive: true });
const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', agent });
export const forward = (req: any, res: any) => proxy.web(req, res);`,
    // the agent comes with each call
    `import httpProxy from 'http-proxy';
import { agent } from './agents';
const proxy = httpProxy.createProxyServer({});
export const forward = (req: any, res: any) => proxy.web(req, res, { target: 'https://api.internal', agent });`,
    // per-call options we cannot see into
    `import httpProxy from 'http-proxy';
const proxy = httpProxy.createProxyServer({ changeOrigin: true });
export const forward = (req: any, res: any, options: object) => proxy.web(req, res, options);`,
    // the server leaves sight: its users may pass an agent per call
    `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'https://api.internal' });`,
    `import httpProxy from 'http-proxy';
const proxy = httpProxy.createProxyServer({ target: 'https://api.internal' });
proxy.options.agent = sharedAgent;`,
    // options not all written out
    `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware({ ...defaults, target: 'https://api.internal' });`,
    `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware(options);`,
    `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware({ target: 'https://api.internal', agent: undefined });`,
    // look-alikes
    `import { createProxyServer } from './my-proxy';
export const proxy = createProxyServer({ target: 'https://api.internal' });
proxy.listen(8000);`,
    {
      code: `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware({ target: 'https://api.internal' });`,
      options: [{ checkAgentFalse: false }],
    },
  ],
  invalid: [
    {
      code: `import httpProxy from 'http-proxy';
const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', changeOrigin: true });
export const forward = (req: any, res: any) => proxy.web(req, res, (err: Error) => res.writeHead(502).end(String(err)));`,
      errors: [{ messageId: 'proxyWithoutAgent', line: 2, column: 15, data: proxyData('httpProxy.createProxyServer()', '+TLS') }],
    },
    {
      code: `const httpProxy = require('http-proxy');
httpProxy.createProxyServer({ target: 'http://localhost:9000' }).listen(8000);`,
      languageOptions: commonjs,
      errors: [{ messageId: 'proxyWithoutAgent', line: 2, column: 1, data: proxyData('httpProxy.createProxyServer()', '') }],
    },
    {
      code: `const { createProxyServer } = require('http-proxy');
const proxy = createProxyServer({ target: 'http://backend:8080', ws: true });
proxy.on('error', (err) => console.error(err));
module.exports = (req, res) => proxy.web(req, res, { target: 'http://backend:8080' });`,
      languageOptions: commonjs,
      errors: [{ messageId: 'proxyWithoutAgent', line: 2, data: proxyData('createProxyServer()', '') }],
    },
    {
      code: `import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
const app = express();
app.use('/api', createProxyMiddleware({ target: 'https://api.internal', changeOrigin: true }));
app.use(createProxyMiddleware('/legacy', { target: 'https://legacy.internal' }));`,
      errors: [
        { messageId: 'proxyWithoutAgent', line: 4, data: proxyData('createProxyMiddleware()', '+TLS') },
        { messageId: 'proxyWithoutAgent', line: 5, data: proxyData('createProxyMiddleware()', '+TLS') },
      ],
    },
  ],
});
