/**
 * no-client-per-request for SDK clients that own their connections: Google Cloud gRPC clients
 * (`Datastore`, `PubSub`, `Firestore`, the generated `*Client` classes of `@google-cloud/*`) open
 * their own gRPC channel; Elasticsearch and OpenSearch `Client`s keep their own pool of node
 * connections, and a Twilio client builds its own https.Agent. SDK clients that send through one
 * process-wide agent or the global dispatcher (`@google-cloud/storage`, `@octokit/rest`) and
 * database pools are not reported as pools (openai and stripe: repeated setup, in their own tests).
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const HOIST = 'Create it once at module scope and reuse it.';
const KEYED =
  'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.';

/** An Express route building `construction` as `client` and calling `use` on it. */
const route = (imports: string, construction: string, use: string) => `import express from 'express';
${imports}

const app = express();
app.get('/items', async (req, res) => {
  const client = ${construction};
  res.json(await ${use});
});`;
const WHERE = 'in the request handler registered with `app.get()`';
const hoistedRoute = (imports: string, construction: string, use: string, name: string) =>
  route(imports, construction, use)
    .replace(`const client = ${construction};`, `const client = ${name};`)
    .replace(`${imports}\n`, `${imports}\nconst ${name} = ${construction};\n`);

const reported = (testName: string, imports: string, construction: string, use: string, client: string, name: string) => ({
  name: testName,
  code: route(imports, construction, use),
  errors: [
    {
      messageId: 'poolPerRequest' as const,
      line: 6,
      data: { client, where: WHERE, advice: HOIST },
      suggestions: [{ messageId: 'hoistToModuleScope' as const, output: hoistedRoute(imports, construction, use, name) }],
    },
  ],
});

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (SDK clients)', rule as never, {
  valid: [
    {
      name: 'a Datastore built once at module scope',
      code: `import { Datastore } from '@google-cloud/datastore';
const datastore = new Datastore();
export async function get(key) { return datastore.get(datastore.key(['Lock', key])); }`,
    },
    {
      name: 'a class named Datastore of the project is not the Google Cloud client',
      code: route(`import { Datastore } from './datastore';`, 'new Datastore()', "client.get('x')"),
    },
    {
      name: '@google-cloud/storage sends through one process-wide agent: not reported',
      code: route(`import { Storage } from '@google-cloud/storage';`, 'new Storage()', "client.bucket('b').getFiles()"),
    },
    {
      name: '@google-cloud/bigquery sends through one process-wide agent: not reported',
      code: route(`import { BigQuery } from '@google-cloud/bigquery';`, 'new BigQuery()', "client.query('SELECT 1')"),
    },
    {
      name: 'a non-client export of @google-cloud/* (a helper class) is not a pool',
      code: route(`import { Logging } from '@google-cloud/logging';`, 'new Logging()', "client.getEntries()"),
    },
    {
      name: '@octokit/rest sends through the global dispatcher: not reported (openai and stripe: repeated setup, see shared-transport-sdks tests)',
      code: route(`import { Octokit } from '@octokit/rest';`, 'new Octokit()', "client.repos.get({ owner: 'o', repo: 'r' })"),
    },
    {
      name: 'a Client of another package (pg) is not a search client',
      code: route(`import { Client } from 'pg';`, "new Client({ host: 'db' })", "client.query('SELECT 1')"),
    },
    {
      name: 'an Elasticsearch client built once and shared',
      code: `import { Client } from '@elastic/elasticsearch';
const es = new Client({ node: 'http://localhost:9200' });
export const search = (q) => es.search({ index: 'docs', q });`,
    },
  ],
  invalid: [
    reported('new Datastore() per request', `import { Datastore } from '@google-cloud/datastore';`, 'new Datastore()', "client.get(client.key(['Item', 'a']))", 'new Datastore()', 'sharedDatastore'),
    reported('new PubSub() per request', `import { PubSub } from '@google-cloud/pubsub';`, 'new PubSub()', "client.topic('t').publishMessage({ data: Buffer.from('x') })", 'new PubSub()', 'sharedPubSub'),
    reported('new Firestore() per request', `import { Firestore } from '@google-cloud/firestore';`, 'new Firestore()', "client.collection('items').get()", 'new Firestore()', 'sharedFirestore'),
    reported(
      'a generated @google-cloud/* client per request',
      `import { SecretManagerServiceClient } from '@google-cloud/secret-manager';`,
      'new SecretManagerServiceClient()',
      "client.accessSecretVersion({ name: 'n' })",
      'new SecretManagerServiceClient()',
      'sharedSecretManagerServiceClient',
    ),
    reported(
      'a versioned generated client (v2.ServicesClient) per request',
      `import { v2 } from '@google-cloud/run';`,
      'new v2.ServicesClient()',
      "client.listServices({ parent: 'p' })",
      'new v2.ServicesClient()',
      'sharedV2ServicesClient',
    ),
    reported(
      'an Elasticsearch client per request',
      `import { Client } from '@elastic/elasticsearch';`,
      "new Client({ node: 'http://localhost:9200' })",
      "client.search({ index: 'docs' })",
      'new Client()',
      'sharedClient',
    ),
    reported(
      'an OpenSearch client per request',
      `import { Client } from '@opensearch-project/opensearch';`,
      "new Client({ node: 'https://localhost:9200' })",
      "client.search({ index: 'docs' })",
      'new Client()',
      'sharedClient',
    ),
    reported(
      'a Twilio client per request (its RequestClient builds an https.Agent)',
      `import { Twilio } from 'twilio';`,
      'new Twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN)',
      "client.messages.create({ to: '+1', from: '+2', body: 'hi' })",
      'new Twilio()',
      'sharedTwilio',
    ),
    {
      name: 'a generated client from a dynamic import, used for one call (cloud-run-mcp)',
      code: `export async function listServices(projectId: string, location: string) {
  const { v2 } = await import('@google-cloud/run');
  const { ServicesClient } = v2;
  const runClient = new ServicesClient({ projectId });
  const [services] = await runClient.listServices({ parent: runClient.locationPath(projectId, location) });
  return services;
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          data: {
            client: 'new ServicesClient()',
            where: 'in `listServices()`, which uses it for one call and then drops it',
            advice: KEYED,
          },
          suggestions: [],
        },
      ],
    },
  ],
});
