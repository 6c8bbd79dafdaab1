/**
 * no-client-per-request on imported per-call helpers: lib/storage.ts's `downloadFile(key)` does
 * `const client = getClient(); await client.send(cmd)` where `getClient()` returns `new S3Client()`
 * every time, so each call builds a pool, uses it once and drops it. A route handler, Lambda handler
 * or loop that calls the helper is reported at the call, naming where the pool is built. Quiet: a
 * helper over a memoised or module-level client, one that returns the client (a factory, judged as
 * such), one that hands it to code we cannot see, one that keeps it, an SDK client over a shared
 * transport, a call at module scope or in startup code, and a helper of the same file (reported at
 * its construction instead). The imported modules are written to a temp project; RuleTester lints the
 * importing file under that project's path.
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
  'lib/storage.ts': `import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';
import { register } from 'client-registry';

function getClient(): S3Client {
  return new S3Client({ region: process.env.REGION });
}

export async function downloadFile(key: string): Promise<Uint8Array | null> {
  try {
    const client = getClient();
    const response = await client.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
    return (await response.Body?.transformToByteArray()) ?? null;
  } catch {
    return null;
  }
}

export const uploadFile = async (key: string, body: string) => {
  await getClient().send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));
};

export async function signedUrl(key: string) {
  return presign(getClient(), new GetObjectCommand({ Bucket: 'b', Key: key }));
}

export async function registered(key: string) {
  return register(getClient(), key);
}

export function makeClient() {
  return getClient();
}
`,
  'lib/shared-storage.ts': `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

let client: S3Client | undefined;
function getClient(): S3Client {
  client ??= new S3Client({});
  return client;
}
const s3 = new S3Client({});

export async function downloadFile(key: string) {
  return getClient().send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}
export async function headFile(key: string) {
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}
`,
  'lib/keeping-storage.ts': `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const clients: S3Client[] = [];
export async function downloadFile(key: string) {
  const client = new S3Client({});
  clients.push(client);
  return client.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}
`,
  'lib/http.js': `const { Pool } = require('undici');
exports.getJson = async (origin, path) => {
  const pool = new Pool(origin, { connections: 4 });
  const { body } = await pool.request({ path, method: 'GET' });
  return body.json();
};
`,
  'lib/stripe.ts': `import Stripe from 'stripe';
export async function charge(amount: number) {
  const stripe = new Stripe(process.env.STRIPE_KEY!);
  return stripe.charges.create({ amount, currency: 'eur' });
}
`,
  'lib/status-api.ts': `import axios from 'axios';
export async function status(service: string) {
  const api = axios.create({ baseURL: 'https://status.example.com', timeout: 2000 });
  const res = await api.get('/services/' + service);
  return res.data;
}
`,
  // The linted files must exist for cross-file analysis; RuleTester lints each case's `code` under these names.
  ...Object.fromEntries(['routes.ts', 'handler.js', 'worker.ts', 'setup.ts'].map((file) => [file, '// linted from the test case\n'])),
});
after(() => removeProject(root));

const at = (file: string) => path.join(root, file);

const ruleTester = new RuleTester();

ruleTester.run('no-client-per-request (imported per-call helpers)', rule as never, {
  valid: [
    // The fix: the helper reuses one memoised or module-level client.
    {
      code: `import express from 'express';
import { downloadFile, headFile } from './lib/shared-storage';
const app = express();
app.get('/files/:key', async (req, res) => {
  res.json(await downloadFile(req.params.key));
  res.json(await headFile(req.params.key));
});`,
      filename: at('routes.ts'),
    },
    // The helper keeps every client it builds (a leak of its own, not a pool per request).
    {
      code: `import express from 'express';
import { downloadFile } from './lib/keeping-storage';
const app = express();
app.get('/files/:key', async (req, res) => res.json(await downloadFile(req.params.key)));`,
      filename: at('routes.ts'),
    },
    // The client goes to a package function we cannot see into (it may keep it).
    {
      code: `import express from 'express';
import { registered } from './lib/storage';
const app = express();
app.get('/files/:key/url', async (req, res) => res.json({ url: await registered(req.params.key) }));`,
      filename: at('routes.ts'),
    },
    // A thin wrapper built per call in a helper costs next to nothing: not reported.
    {
      code: `import express from 'express';
import { status } from './lib/status-api';
const app = express();
app.get('/status/:name', async (req, res) => res.json(await status(req.params.name)));`,
      filename: at('routes.ts'),
    },
    // Module scope and startup code run once.
    {
      code: `import { downloadFile } from './lib/storage';
const manifest = await downloadFile('manifest.json');
export async function init() {
  return downloadFile('config.json');
}
init();
console.log(manifest);`,
      filename: at('setup.ts'),
    },
  ],
  invalid: [
    // A helper of this file is reported at its construction, not at the handler's call.
    {
      code: `import express from 'express';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const app = express();
async function downloadFile(key: string) {
  const s3 = makeS3();
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}
function makeS3() {
  return new S3Client({});
}
app.get('/files/:key', async (req, res) => res.json(await downloadFile(req.params.key)));`,
      filename: at('routes.ts'),
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 9,
          column: 10,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              data: { name: 'sharedS3Client' },
              output: `import express from 'express';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

const app = express();
async function downloadFile(key: string) {
  const s3 = makeS3();
  return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}
function makeS3() {
  return sharedS3Client;
}
app.get('/files/:key', async (req, res) => res.json(await downloadFile(req.params.key)));`,
            },
          ],
        },
      ],
    },
    {
      code: `import express from 'express';
import { downloadFile, uploadFile } from './lib/storage';
const app = express();
app.get('/files/:key', async (req, res) => {
  const bytes = await downloadFile(req.params.key);
  if (!bytes) return void res.status(404).end();
  res.send(Buffer.from(bytes));
});
app.put('/files/:key', async (req, res) => {
  await uploadFile(req.params.key, req.body);
  res.status(204).end();
});`,
      filename: at('routes.ts'),
      errors: [
        {
          messageId: 'helperPerRequest',
          line: 5,
          column: 23,
          data: {
            client: 'downloadFile',
            pool: 'new S3Client()',
            at: 'in lib/storage.ts:6',
            where: 'in the request handler registered with `app.get()`',
          },
        },
        {
          messageId: 'helperPerRequest',
          line: 10,
          column: 9,
          data: {
            client: 'uploadFile',
            pool: 'new S3Client()',
            at: 'in lib/storage.ts:6',
            where: 'in the request handler registered with `app.put()`',
          },
        },
      ],
    },
    // The presigner signs with the client and keeps nothing: the helper uses its client once.
    {
      code: `import express from 'express';
import { signedUrl } from './lib/storage';
const app = express();
app.get('/files/:key/url', async (req, res) => res.json({ url: await signedUrl(req.params.key) }));`,
      filename: at('routes.ts'),
      errors: [
        {
          messageId: 'helperPerRequest',
          line: 4,
          column: 70,
          data: {
            client: 'signedUrl',
            pool: 'new S3Client()',
            at: 'in lib/storage.ts:6',
            where: 'in the request handler registered with `app.get()`',
          },
        },
      ],
    },
    // An SDK client over the process-wide transport, built and used per call in a helper: repeated
    // setup on every request, reported as such (no suggestion: the helper's call is per-request work).
    {
      code: `import express from 'express';
import { charge } from './lib/stripe';
const app = express();
app.post('/pay', async (req, res) => res.json(await charge(req.body.amount)));`,
      filename: at('routes.ts'),
      errors: [
        {
          messageId: 'sdkBuilderPerRequest',
          line: 4,
          column: 53,
          data: {
            client: 'charge()',
            sdk: 'Stripe SDK',
            built: 'new Stripe()',
            at: 'in lib/stripe.ts:3',
            where: 'in the request handler registered with `app.post()`',
          },
          suggestions: [],
        },
      ],
    },
    // CommonJS: a pool built and used inside the helper itself, called from a Lambda handler.
    {
      code: `const { getJson } = require('./lib/http');
exports.handler = async (event) => getJson(process.env.API_ORIGIN, '/users/' + event.userId);`,
      filename: at('handler.js'),
      ...commonjs,
      errors: [
        {
          messageId: 'helperPerRequest',
          line: 2,
          column: 36,
          data: { client: 'getJson', pool: 'new Pool()', at: 'in lib/http.js:3', where: 'in the AWS Lambda handler, once per event' },
        },
      ],
    },
    // Every iteration of a loop over data.
    {
      code: `import * as storage from './lib/storage';
export async function backup(keys: string[]) {
  for (const key of keys) {
    await storage.downloadFile(key);
  }
}`,
      filename: at('worker.ts'),
      errors: [{ messageId: 'helperPerRequest', line: 4, column: 11 }],
    },
  ],
});
