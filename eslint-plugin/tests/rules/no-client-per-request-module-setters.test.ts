/**
 * no-client-per-request on imported setters that rebuild their module's client: lib/s3-service.js's
 * `exports.setConfig = (config) => (exports.client = new S3Client(config))` (also
 * `module.exports.setConfig = function (c) { client = new S3Client(c) }` and ESM
 * `export function setConfig(c) { client = new S3Client(c) }`) called on every request, or on every
 * run of a method that goes on to use the module (lambda-api's `API#run()`). Quiet: module scope, a
 * constructor, a lazy guard in the setter or at the call, startup code, a reconfiguration that does
 * not use the module, an unresolvable module. In one file, a setter a route calls is reported at its
 * construction, and a route that itself replaces the client stays a reconfiguration. The imported
 * modules are written to a temp project;
 * RuleTester lints the importing file under that project's path.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
import { removeProject, writeProject } from '../support/temp-project';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const commonjs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;

const root = writeProject({
  'lib/s3-service.js': `'use strict';
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');

exports.client = new S3Client();
exports.setConfig = (config) => (exports.client = new S3Client(config));

exports.getObject = (params) => ({
  promise: async () => exports.client.send(new GetObjectCommand(params)),
});
`,
  'lib/storage.js': `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
let client = new S3Client({});
module.exports.setConfig = function (c) {
  client = new S3Client(c);
};
module.exports.put = (key, body) => client.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));
`,
  'lib/uploads.ts': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
let client = new S3Client({});
export function setConfig(c: { region: string }) {
  client = new S3Client(c);
}
export function upload(key: string) {
  return client.send(new PutObjectCommand({ Bucket: 'b', Key: key }));
}
`,
  'lib/lazy.js': `const { S3Client } = require('@aws-sdk/client-s3');
let client;
exports.setConfig = (c) => {
  if (!client) client = new S3Client(c);
};
exports.get = () => client;
`,
  // The linted files must exist for cross-file analysis; RuleTester lints each case's `code` under these names.
  ...Object.fromEntries(['index.js', 'handler.js', 'handler.ts', 'server.js', 'setup.js'].map((file) => [file, '// linted from the test case\n'])),
});
after(() => removeProject(root));

const at = (file: string) => path.join(root, file);

/** lambda-api's API class: `run()` is called once per Lambda invocation by the exported handler. */
const API = (run: string) => `'use strict';
const S3 = require('./lib/s3-service');
class API {
  constructor(props = {}) {
    this._s3Config = props.s3Config;
    this._routes = {};
  }
  get(path, handler) {
    this._routes['GET ' + path] = handler;
  }
${run}
}
module.exports = (opts) => new API(opts);
`;

const ruleTester = new RuleTester();

ruleTester.run('no-client-per-request (imported setters that rebuild a module client)', rule as never, {
  valid: [
    // The fix: configured once, in the constructor; `run()` only uses the module.
    {
      code: `'use strict';
const S3 = require('./lib/s3-service');
class API {
  constructor(props = {}) {
    if (props.s3Config) S3.setConfig(props.s3Config);
    this._s3 = S3;
    this._routes = {};
  }
  async run(event) {
    const route = this._routes[event.path];
    return route({ event, s3: S3 });
  }
}
module.exports = (opts) => new API(opts);`,
      filename: at('index.js'),
      ...commonjs,
    },
    // Module scope runs once.
    {
      code: `const S3 = require('./lib/s3-service');
S3.setConfig({ region: 'eu-west-1' });
exports.handler = async (event) => S3.getObject({ Bucket: 'b', Key: event.key }).promise();`,
      filename: at('handler.js'),
      ...commonjs,
    },
    // A guard at the call: only while nothing is configured yet.
    {
      code: `const S3 = require('./lib/s3-service');
let configured = false;
exports.handler = async (event) => {
  if (!configured) {
    S3.setConfig({ region: process.env.REGION });
    configured = true;
  }
  return S3.getObject({ Bucket: 'b', Key: event.key }).promise();
};`,
      filename: at('handler.js'),
      ...commonjs,
    },
    // A setter that builds lazily keeps the first client.
    {
      code: `const lazy = require('./lib/lazy');
exports.handler = async (event) => {
  lazy.setConfig({ region: event.region });
  return lazy.get();
};`,
      filename: at('handler.js'),
      ...commonjs,
    },
    // Startup code, and a reconfiguration that does not go on to use the module.
    {
      code: `const S3 = require('./lib/s3-service');
function init(config) {
  S3.setConfig(config);
  return S3.getObject({ Bucket: 'b', Key: 'warmup' }).promise();
}
class Settings {
  apply(config) {
    S3.setConfig(config.s3);
    this.applied = true;
  }
}
module.exports = { init, Settings };`,
      filename: at('setup.js'),
      ...commonjs,
    },
    // Same file: a route that itself replaces a client other functions read is a reconfiguration;
    // a setter called only at module scope runs once.
    {
      code: `const https = require('https');
const express = require('express');
let agent = new https.Agent({ keepAlive: true });
function setAgent(options) { agent = new https.Agent(options); }
setAgent({ keepAlive: true, maxSockets: 8 });
const forward = (url) => https.get(url, { agent }, (res) => res.resume());
const app = express();
app.post('/admin/agent', (req, res) => {
  agent = new https.Agent(req.body);
  res.sendStatus(204);
});
app.get('/forward', (req, res) => {
  forward(req.query.url);
  res.end();
});`,
      filename: at('server.js'),
      ...commonjs,
    },
    // A module that cannot be resolved keeps the single-file behaviour.
    {
      code: `const S3 = require('./lib/missing');
exports.handler = async (event) => {
  S3.setConfig({ region: event.region });
  return S3.getObject({ Key: event.key });
};`,
      filename: at('handler.js'),
      ...commonjs,
    },
  ],
  invalid: [
    // lambda-api: `run()` rebuilds the S3 client on every invocation, then hands the module to the route.
    {
      code: API(`  async run(event, context) {
    if (this._s3Config) S3.setConfig(this._s3Config);
    const route = this._routes[\`\${event.httpMethod} \${event.path}\`];
    if (!route) return { statusCode: 404, body: '' };
    const body = await route({ event, context, s3: S3 });
    return { statusCode: 200, body: JSON.stringify(body) };
  }`),
      filename: at('index.js'),
      ...commonjs,
      errors: [
        {
          messageId: 'setterPerRequest',
          line: 12,
          column: 25,
          data: {
            client: 'S3.setConfig',
            place: '`exports.client`',
            pool: 'new S3Client()',
            at: 'in lib/s3-service.js:5',
            where: 'in `API.run()`, which goes on to use that module on every run',
          },
        },
      ],
    },
    // Called in an Express route: per request.
    {
      code: `const express = require('express');
const storage = require('./lib/storage');
const app = express();
app.post('/files/:key', async (req, res) => {
  storage.setConfig({ region: req.app.locals.region });
  await storage.put(req.params.key, req.body);
  res.sendStatus(204);
});`,
      filename: at('server.js'),
      ...commonjs,
      errors: [{ messageId: 'setterPerRequest', line: 5, column: 3 }],
    },
    // Same file: a setter a route calls on every request rebuilds the client every request.
    {
      code: `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const express = require('express');
let client = new S3Client({});
function setConfig(config) {
  client = new S3Client(config);
}
const getObject = (params) => client.send(new GetObjectCommand(params));
const app = express();
app.get('/file', async (req, res) => {
  setConfig({ region: 'eu-west-1' });
  res.json(await getObject({ Bucket: 'assets', Key: req.query.key }));
});`,
      filename: at('server.js'),
      ...commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 12,
          data: {
            client: 'new S3Client()',
            where: 'in `setConfig()`, called from the request handler registered with `app.get()`, replacing `client` each time',
            advice: 'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
    // ESM named import in a Lambda handler.
    {
      code: `import { setConfig, upload } from './lib/uploads';
export const handler = async (event: { key: string }) => {
  setConfig({ region: 'eu-west-1' });
  return upload(event.key);
};`,
      filename: at('handler.ts'),
      errors: [{ messageId: 'setterPerRequest', line: 3, column: 3, data: { client: 'setConfig', place: '`client`', pool: 'new S3Client()', at: 'in lib/uploads.ts:4', where: 'in the AWS Lambda handler, once per event' } }],
    },
  ],
});
