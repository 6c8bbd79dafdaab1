/**
 * no-client-per-request in Google Cloud Functions and Firebase HTTP functions. Registrations are
 * recognised by import (`functions.http('name', fn)`, Firebase `functions.https.onRequest(fn)`,
 * `onRequest(opts, fn)`, `onCall(fn)`); a bare export (`exports.ingest = (req, res) => ...`) counts
 * only when its shape says it answers a request: parameters named `req`/`request` and
 * `res`/`response`, and a response method (`res.send()`, `res.status()`, ...) called on the second.
 * The aws-sdk v2 client used here is reported only in a per-request context, so each case tests
 * the context alone.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
const commonjs = { languageOptions: { parser: espree as never, ecmaVersion: 2024, sourceType: 'commonjs' } } as const;
const ruleTester = new RuleTester();

const S3 = `const AWS = require('aws-sdk');\n`;
/** A setup-only client: reported only where the function runs per request; moved after the `require`s. */
const perRun = (where: string, line: number, code: string) => {
  const lines = code.replace('const s3 = new AWS.S3();', 'const s3 = sharedAWSS3;').split('\n');
  const afterRequires = lines.findLastIndex((text) => text.includes('require(')) + 1;
  const output = lines.toSpliced(afterRequires, 0, 'const sharedAWSS3 = new AWS.S3();', '').join('\n');
  return {
    code,
    ...commonjs,
    errors: [
      {
        messageId: 'sdkClientPerRequest' as const,
        line,
        data: { client: 'new AWS.S3()', sdk: 'aws-sdk v2', where },
        suggestions: [{ messageId: 'hoistToModuleScope' as const, output }],
      },
    ],
  };
};

ruleTester.run('no-client-per-request (Cloud Functions and Firebase HTTP functions)', rule as never, {
  valid: [
    // Not shaped like a request handler: other parameter names, or a `(req, res)` helper that never answers.
    { code: `${S3}exports.merge = function (a, b) {
  const s3 = new AWS.S3();
  return s3.getObject({ Bucket: a, Key: b }).promise();
};`, ...commonjs },
    { code: `${S3}exports.describe = (req, res) => {
  const s3 = new AWS.S3();
  return s3.headObject({ Bucket: 'b', Key: req.query.key }).promise().then((head) => ({ req, res, head }));
};`, ...commonjs },
    // Shaped like a handler, but not exported: nothing shows it runs per request.
    { code: `${S3}function ingest(req, res) {
  const s3 = new AWS.S3();
  s3.putObject({ Bucket: 'b', Key: 'k', Body: req.body }).promise().then(() => res.sendStatus(204));
}
module.exports.start = () => ingest;`, ...commonjs },
    // A handler that uses a client built once.
    { code: `${S3}const s3 = new AWS.S3();
exports.ingest = async (req, res) => {
  await s3.putObject({ Bucket: 'b', Key: 'k', Body: req.body }).promise();
  res.status(204).end();
};`, ...commonjs },
    // `onRequest` of another package.
    { code: `${S3}const { onRequest } = require('./router');
exports.api = onRequest(async (req, res) => {
  const s3 = new AWS.S3();
  res.json(await s3.listBuckets().promise());
});`, ...commonjs },
  ],
  invalid: [
    perRun('in the exported HTTP handler `ingest`', 3, `${S3}exports.ingest = (req, res) => {
  const s3 = new AWS.S3();
  s3.putObject({ Bucket: 'b', Key: 'k', Body: req.body }).promise().then(() => res.sendStatus(204));
};`),
    perRun('in the exported HTTP handler `ingest`', 3, `${S3}module.exports.ingest = async function ingest(request, response) {
  const s3 = new AWS.S3();
  await s3.putObject({ Bucket: 'b', Key: 'k', Body: request.body }).promise();
  response.status(204).end();
};`),
    perRun('in the function registered with `functions.https.onRequest()`', 4, `${S3}const functions = require('firebase-functions');
exports.api = functions.https.onRequest(async (req, res) => {
  const s3 = new AWS.S3();
  res.json(await s3.listBuckets().promise());
});`),
    perRun('in the function registered with `onRequest()`', 4, `${S3}const { onRequest } = require('firebase-functions/v2/https');
exports.api = onRequest({ region: 'europe-west1' }, async (req, res) => {
  const s3 = new AWS.S3();
  res.json(await s3.listBuckets().promise());
});`),
    perRun('in the function registered with `https.onCall()`', 4, `${S3}const { https } = require('firebase-functions/v1');
exports.list = https.onCall(async (data) => {
  const s3 = new AWS.S3();
  return s3.listObjects({ Bucket: data.bucket }).promise();
});`),
    // ESM export, TypeScript parser.
    {
      code: `import AWS from 'aws-sdk';
export async function ingest(req: { body: string }, res: { sendStatus(code: number): void }) {
  const s3 = new AWS.S3();
  await s3.putObject({ Bucket: 'b', Key: 'k', Body: req.body }).promise();
  res.sendStatus(204);
}`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 3,
          data: { client: 'new AWS.S3()', sdk: 'aws-sdk v2', where: 'in the exported HTTP handler `ingest`' },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import AWS from 'aws-sdk';
const sharedAWSS3 = new AWS.S3();

export async function ingest(req: { body: string }, res: { sendStatus(code: number): void }) {
  const s3 = sharedAWSS3;
  await s3.putObject({ Bucket: 'b', Key: 'k', Body: req.body }).promise();
  res.sendStatus(204);
}`,
            },
          ],
        },
      ],
    },
  ],
});
