/**
 * no-client-per-request in Lambda handlers exported under a name of their own
 * (`export async function handleDdbToEsEvent(event)`): the deployment, not the code, names the
 * function Lambda runs, so an export counts as a handler only when its shape says so — a first
 * parameter named `event`/`evt` from which it reads a field only an AWS event has (`Records`,
 * `pathParameters`, `queryStringParameters`, `requestContext`, ...). The aws-sdk v2 client used
 * here is reported only in a per-request context, so each case tests the context alone.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const S3 = `import AWS from 'aws-sdk';\n`;

/** `code` reported at `line` in the Lambda handler `name`, with the hoisting suggestion. */
const reported = (name: string, line: number, code: string) => {
  const lines = code.replace('const s3 = new AWS.S3();', 'const s3 = sharedAWSS3;').split('\n');
  const afterImports = lines.findLastIndex((text) => text.startsWith('import ')) + 1;
  const output = lines.toSpliced(afterImports, 0, 'const sharedAWSS3 = new AWS.S3();', '').join('\n');
  return {
    code,
    errors: [
      {
        messageId: 'sdkClientPerRequest' as const,
        line,
        data: { client: 'new AWS.S3()', sdk: 'aws-sdk v2', where: `in the Lambda handler \`${name}\`, once per event` },
        suggestions: [{ messageId: 'hoistToModuleScope' as const, output }],
      },
    ],
  };
};

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (Lambda handlers exported under their own name)', rule as never, {
  valid: [
    {
      name: 'an exported DOM-style event handler reads no AWS event field',
      code: `${S3}export function onUpload(event) {
  const s3 = new AWS.S3();
  return s3.putObject({ Bucket: 'b', Key: event.target.name, Body: event.target.files[0] }).promise();
}`,
    },
    {
      name: 'a first parameter with another name is not an event, whatever it reads',
      code: `${S3}export async function copyAll(batch) {
  const s3 = new AWS.S3();
  for (const record of batch.Records) await s3.copyObject({ Bucket: 'b', Key: record.key, CopySource: record.from }).promise();
}`,
    },
    {
      name: 'a function that reads event.Records but is not exported is not a handler by itself',
      code: `${S3}async function handleBatch(event) {
  const s3 = new AWS.S3();
  for (const record of event.Records) await s3.deleteObject({ Bucket: 'b', Key: record.s3.object.key }).promise();
}
export const start = () => handleBatch;`,
    },
    {
      name: 'the event is read as an AWS event only by its own fields: event.records (lower case) is not one',
      code: `${S3}export async function replay(event) {
  const s3 = new AWS.S3();
  for (const record of event.records) await s3.putObject({ Bucket: 'b', Key: record.id, Body: record.body }).promise();
}`,
    },
    {
      name: 'a handler under its own name that uses a client built once',
      code: `${S3}const s3 = new AWS.S3();
export async function handleDdbToEsEvent(event) {
  for (const record of event.Records) await s3.putObject({ Bucket: 'b', Key: record.eventID, Body: JSON.stringify(record) }).promise();
}`,
    },
  ],
  invalid: [
    {
      name: 'a DynamoDB-stream handler exported as a named function reads event.Records',
      ...reported('handleDdbToEsEvent', 3, `${S3}export async function handleDdbToEsEvent(event: any) {
  const s3 = new AWS.S3();
  for (let i = 0; i < event.Records.length; i += 1) {
    await s3.putObject({ Bucket: 'b', Key: event.Records[i].eventID, Body: JSON.stringify(event.Records[i]) }).promise();
  }
}`),
    },
    {
      name: 'an API Gateway handler exported as a const arrow reads event.pathParameters',
      ...reported('getItem', 3, `${S3}export const getItem = async (event, context) => {
  const s3 = new AWS.S3();
  const object = await s3.getObject({ Bucket: 'b', Key: event.pathParameters.id }).promise();
  return { statusCode: 200, body: object.Body.toString() };
};`),
    },
    {
      name: 'a CommonJS export named after its job, with an evt parameter, reads evt.requestContext',
      ...reported('audit', 3, `${S3}exports.audit = async function (evt) {
  const s3 = new AWS.S3();
  await s3.putObject({ Bucket: 'audit', Key: evt.requestContext.requestId, Body: evt.body }).promise();
  return { statusCode: 204 };
};`),
    },
  ],
});
