/**
 * no-client-per-request and code that runs once per process although nothing in the file calls it
 * at startup: a signal or exit handler, a CLI command's action, Next.js `generateStaticParams` (build
 * time), and the functions of a script's entry file (`if (require.main === module) seed()`) even
 * when the file exports them. A pool built and used once there is not rebuilt per request. The same
 * shapes registered per request (`process.on('message')`, an exported function of a file that is not
 * a script entry) stay reported.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;

const ruleTester = new RuleTester();
const hoist = (output: string) => [{ messageId: 'hoistToModuleScope' as const, output }];
const commonjs = { parser: espree as never, ecmaVersion: 2024 as const, sourceType: 'commonjs' as const };

const seedScript = (guard: string) => `const { Pool } = require('undici');
async function seed() {
  const pool = new Pool('https://api.example.com');
  await pool.request({ path: '/seed', method: 'POST' });
  await pool.close();
}
module.exports = { seed };
${guard}`;

ruleTester.run('no-client-per-request (one-shot code)', rule as never, {
  valid: [
    {
      name: 'a SIGTERM handler runs once',
      code: `import { Agent, request } from 'undici';
process.on('SIGTERM', async () => {
  const agent = new Agent();
  await request('https://registry.example.com/deregister', { method: 'POST', dispatcher: agent });
  process.exit(0);
});`,
    },
    {
      name: 'a commander action runs once per process',
      code: `import { Command } from 'commander';
import { Pool } from 'undici';
const program = new Command();
program.command('deploy').description('deploy the app').action(async (name) => {
  const pool = new Pool('https://deploy.example.com');
  await pool.request({ path: '/deploy/' + name, method: 'POST' });
});
program.parse();`,
    },
    {
      name: 'a yargs command handler runs once per process',
      code: `import yargs from 'yargs';
import { Pool } from 'undici';
yargs(process.argv.slice(2))
  .command('show <id>', 'print one item', (y) => y.positional('id', { type: 'string' }), async (argv) => {
    const pool = new Pool('https://items.example.com');
    const { body } = await pool.request({ path: '/items/' + argv.id, method: 'GET' });
    console.log(await body.text());
  })
  .parse();`,
    },
    {
      name: 'the handler of a yargs command module is not a Lambda handler',
      code: `import https from 'node:https';
export const command = 'export <out>';
export const describe = 'download every item';
export const builder = {};
export async function handler(argv: { url: string }) {
  const agent = new https.Agent({ keepAlive: true });
  try {
    await download(argv.url, agent);
  } finally {
    agent.destroy();
  }
}`,
    },
    {
      name: 'the run() of an oclif command runs once per process',
      code: `import { Command, Flags } from '@oclif/core';
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
export default class Count extends Command {
  static flags = { bucket: Flags.string({ required: true }) };
  async run(): Promise<void> {
    const { flags } = await this.parse(Count);
    const s3 = new S3Client({});
    const page = await s3.send(new ListObjectsV2Command({ Bucket: flags.bucket }));
    this.log(String(page.KeyCount));
  }
}`,
    },
    {
      name: 'a CommonJS yargs command module',
      code: `const https = require('node:https');
exports.command = 'export <out>';
exports.handler = async (argv) => {
  const agent = new https.Agent({ keepAlive: true });
  await download(argv.url, agent);
};`,
      languageOptions: commonjs,
    },
    {
      name: 'Next.js generateStaticParams runs at build time',
      code: `import { Agent, request } from 'undici';
export async function generateStaticParams() {
  const agent = new Agent();
  const { body } = await request('https://cms.example.com/slugs', { dispatcher: agent });
  return (await body.json()).map((slug) => ({ slug }));
}`,
    },
    {
      name: 'an exported function of a script entry file',
      code: seedScript(`if (require.main === module) seed();`),
      languageOptions: commonjs,
    },
    {
      name: 'a script entry file whose module is the function (module.exports = seed)',
      code: seedScript(`if (require.main === module) seed();`).replace('module.exports = { seed };', 'module.exports = seed;'),
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // A create/build function named after what it creates for its caller (a CRUD operation), not
    // after infrastructure: per call, not startup.
    {
      code: `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
module.exports.createFolder = async (name) => {
  const client = new S3Client({ region: process.env.AWS_REGION });
  return client.send(new PutObjectCommand({ Bucket: 'contents', Key: \`\${name}/\` }));
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          data: {
            client: 'new S3Client()',
            where: 'in `createFolder()`, which uses it for one call and then drops it',
            advice: 'Create it once at module scope and reuse it.',
          },
          suggestions: hoist(`const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const sharedS3Client = new S3Client({ region: process.env.AWS_REGION });

module.exports.createFolder = async (name) => {
  const client = sharedS3Client;
  return client.send(new PutObjectCommand({ Bucket: 'contents', Key: \`\${name}/\` }));
};`),
        },
      ],
    },
    {
      name: 'the same exported function in a file that is not a script entry',
      code: seedScript(''),
      languageOptions: commonjs,
      errors: [{ messageId: 'poolPerRequest', line: 3 }],
    },
    {
      name: "process.on('message') fires once per message",
      code: `import { Agent, request } from 'undici';
process.on('message', async (job) => {
  const agent = new Agent();
  await request(job.url, { method: 'POST', dispatcher: agent });
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 3,
          suggestions: hoist(`import { Agent, request } from 'undici';
const sharedAgent = new Agent();

process.on('message', async (job) => {
  const agent = sharedAgent;
  await request(job.url, { method: 'POST', dispatcher: agent });
});`),
        },
      ],
    },
    {
      name: 'a Slack Bolt slash command runs per command: its listeners take no description',
      code: `import { App } from '@slack/bolt';
import { Agent, request } from 'undici';
const app = new App({ token: process.env.SLACK_TOKEN, signingSecret: process.env.SLACK_SECRET });
app.command('/ticket', async ({ ack }) => ack(), async ({ command }) => command, async ({ command }) => {
  const agent = new Agent();
  await request('https://tickets.example.com', { method: 'POST', body: command.text, dispatcher: agent });
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          suggestions: hoist(`import { App } from '@slack/bolt';
import { Agent, request } from 'undici';
const sharedAgent = new Agent();

const app = new App({ token: process.env.SLACK_TOKEN, signingSecret: process.env.SLACK_SECRET });
app.command('/ticket', async ({ ack }) => ack(), async ({ command }) => command, async ({ command }) => {
  const agent = sharedAgent;
  await request('https://tickets.example.com', { method: 'POST', body: command.text, dispatcher: agent });
});`),
        },
      ],
    },
    {
      name: 'an exported handler without a yargs command export is still a Lambda handler',
      code: `import https from 'node:https';
export const describe = 'not a command module';
export async function handler(event: { url: string }) {
  const agent = new https.Agent({ keepAlive: true });
  await download(event.url, agent);
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          suggestions: hoist(`import https from 'node:https';
const sharedHttpsAgent = new https.Agent({ keepAlive: true });

export const describe = 'not a command module';
export async function handler(event: { url: string }) {
  const agent = sharedHttpsAgent;
  await download(event.url, agent);
}`),
        },
      ],
    },
    {
      name: 'run() of a class that is no oclif command runs whenever it is called',
      code: `import { Job } from './jobs';
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
export class CountJob extends Job {
  async run(bucket: string) {
    const s3 = new S3Client({});
    return s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  }
}`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          suggestions: hoist(`import { Job } from './jobs';
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
const sharedS3Client = new S3Client({});

export class CountJob extends Job {
  async run(bucket: string) {
    const s3 = sharedS3Client;
    return s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  }
}`),
        },
      ],
    },
    {
      name: 'an action that is not a CLI command (a store action) is not one-shot',
      code: `import { Agent, request } from 'undici';
export const store = createStore();
store.on('checkout').action(async (cart) => {
  const agent = new Agent();
  await request('https://pay.example.com', { method: 'POST', body: JSON.stringify(cart), dispatcher: agent });
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 4,
          suggestions: hoist(`import { Agent, request } from 'undici';
const sharedAgent = new Agent();

export const store = createStore();
store.on('checkout').action(async (cart) => {
  const agent = sharedAgent;
  await request('https://pay.example.com', { method: 'POST', body: JSON.stringify(cart), dispatcher: agent });
});`),
        },
      ],
    },
  ],
});
