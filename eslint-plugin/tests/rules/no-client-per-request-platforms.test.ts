/**
 * no-client-per-request on serverless platforms and SDKs real code uses: Azure Functions v4 and
 * Google Cloud Functions registrations (recognised by import only), and Azure SDK clients, which
 * share one process-wide HTTP client and so are reported as repeated setup, like aws-sdk v2.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const hoist = (output: string) => [{ messageId: 'hoistToModuleScope' as const, output }];

const BLOB = `BlobServiceClient.fromConnectionString(process.env.STORAGE)`;
const USE = `await blobs.getContainerClient('uploads').uploadBlockBlob('a', 'b', 1);`;
/** A setup-only client is reported only in a per-request context, so these test the registration. */
const perRun = (where: string, line: number, code: string) => ({
  name: where,
  code,
  errors: [
    {
      messageId: 'sdkClientPerRequest' as const,
      line,
      data: { client: 'BlobServiceClient.fromConnectionString()', sdk: 'Azure SDK', where },
      // Every case loads two modules first; the client moves right after them.
      suggestions: hoist(
        code
          .replace(`const blobs = ${BLOB};`, 'const blobs = sharedBlobServiceClient;')
          .split('\n')
          .toSpliced(2, 0, `const sharedBlobServiceClient = ${BLOB};`, '')
          .join('\n'),
      ),
    },
  ],
});

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (platforms)', rule as never, {
  valid: [
    {
      name: 'app.http of an unknown module is not a registration',
      code: `import { app } from './my-app';
import { BlobServiceClient } from '@azure/storage-blob';
app.http('upload', { handler: async (request) => {
  const blobs = ${BLOB};
  ${USE}
} });`,
    },
    {
      name: 'functions.http of an unknown module is not a registration',
      code: `import * as functions from './functions';
import { BlobServiceClient } from '@azure/storage-blob';
functions.http('upload', async (req, res) => {
  const blobs = ${BLOB};
  ${USE}
  res.end();
});`,
    },
    {
      // With `res.end()` it would be: see no-client-per-request-cloud-functions.test.ts.
      name: 'a bare exported (req, res) function that never answers is not taken for a Cloud Function',
      code: `import { BlobServiceClient } from '@azure/storage-blob';
exports.upload = async (req, res) => {
  const blobs = ${BLOB};
  ${USE}
  console.log(req.url, res.headersSent);
};`,
    },
    {
      name: 'an Azure SDK client at module scope',
      code: `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
const blobs = ${BLOB};
app.http('upload', { handler: async (request) => {
  ${USE}
  return { status: 204 };
} });`,
    },
    {
      name: 'an Azure SDK client built from request data (per-tenant credentials)',
      code: `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
app.http('upload', { handler: async (request) => {
  const blobs = BlobServiceClient.fromConnectionString(request.headers.get('x-tenant'));
  ${USE}
  return { status: 204 };
} });`,
    },
    {
      name: 'an Azure SDK client built in a helper that runs once (not per request)',
      code: `import { SecretClient } from '@azure/keyvault-secrets';
export async function loadSecret() {
  const secrets = new SecretClient(process.env.VAULT_URL, process.env.CREDENTIAL);
  return (await secrets.getSecret('db')).value;
}`,
    },
    {
      name: 'getContainerClient() of a shared client is not a construction',
      code: `import express from 'express';
import { BlobServiceClient } from '@azure/storage-blob';
const blobs = ${BLOB};
const app = express();
app.post('/upload', async (req, res) => {
  const container = blobs.getContainerClient('uploads');
  await container.uploadBlockBlob('a', 'b', 1);
  res.end();
});`,
    },
  ],
  invalid: [
    perRun(
      "in the `handler` function passed to `app.http()`, once per request",
      4,
      `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
app.http('upload', { methods: ['POST'], handler: async (request) => {
  const blobs = ${BLOB};
  ${USE}
  return { status: 204 };
} });`,
    ),
    perRun(
      'in the handler passed to `app.storageQueue()`',
      4,
      `const { app } = require('@azure/functions');
const { BlobServiceClient } = require('@azure/storage-blob');
async function onItem(item) {
  const blobs = ${BLOB};
  ${USE}
}
app.storageQueue('items', { queueName: 'items', connection: 'STORAGE', handler: onItem });`,
    ),
    perRun(
      'in the function registered with `app.post()`',
      4,
      `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
app.post('orders', async (request) => {
  const blobs = ${BLOB};
  ${USE}
  return { status: 204 };
});`,
    ),
    perRun(
      "in the `handler` function passed to `app.timer()`, once per tick",
      4,
      `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
app.timer('sync', { schedule: '0 */5 * * * *', handler: async () => {
  const blobs = ${BLOB};
  ${USE}
} });`,
    ),
    perRun(
      'in the handler passed to `app.serviceBusQueue()`',
      4,
      `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
app.serviceBusQueue('orders', { queueName: 'orders', connection: 'SB', handler: async (message) => {
  const blobs = ${BLOB};
  ${USE}
} });`,
    ),
    perRun(
      'in the handler passed to `app.eventHub()`',
      4,
      `import { app } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';
app.eventHub('events', { eventHubName: 'events', connection: 'EH', handler: async (event) => {
  const blobs = ${BLOB};
  ${USE}
} });`,
    ),
    perRun(
      'in the function registered with `functions.http()`',
      4,
      `import * as functions from '@google-cloud/functions-framework';
import { BlobServiceClient } from '@azure/storage-blob';
functions.http('upload', async (req, res) => {
  const blobs = ${BLOB};
  ${USE}
  res.end();
});`,
    ),
    perRun(
      'in the function registered with `functions.cloudEvent()`',
      4,
      `const functions = require('@google-cloud/functions-framework');
const { BlobServiceClient } = require('@azure/storage-blob');
functions.cloudEvent('onUpload', async (event) => {
  const blobs = ${BLOB};
  ${USE}
});`,
    ),
    {
      name: 'a pool built from request data in an Azure Functions handler is still a pool',
      code: `import { app } from '@azure/functions';
import { Pool } from 'undici';
app.http('users', { handler: async (request) => {
  const pool = new Pool(request.query.get('origin'));
  return { body: await (await pool.request({ path: '/', method: 'GET' })).body.text() };
} });`,
      errors: [{ messageId: 'poolPerRequest', line: 4 }],
    },
    {
      name: 'Azure SDK constructor in an Express route',
      code: `import express from 'express';
import { CosmosClient } from '@azure/cosmos';
const app = express();
app.get('/items', async (req, res) => {
  const cosmos = new CosmosClient({ endpoint: process.env.COSMOS_URL, key: process.env.COSMOS_KEY });
  res.json(await cosmos.database('db').container('items').items.readAll().fetchAll());
});`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 5,
          data: { client: 'new CosmosClient()', sdk: 'Azure SDK', where: 'in the request handler registered with `app.get()`' },
          suggestions: hoist(`import express from 'express';
import { CosmosClient } from '@azure/cosmos';
const sharedCosmosClient = new CosmosClient({ endpoint: process.env.COSMOS_URL, key: process.env.COSMOS_KEY });

const app = express();
app.get('/items', async (req, res) => {
  const cosmos = sharedCosmosClient;
  res.json(await cosmos.database('db').container('items').items.readAll().fetchAll());
});`),
        },
      ],
    },
  ],
});
