/**
 * Calls that take a client and give back something that still holds it: tracing wrappers return
 * the very client they instrument, holders keep it inside the object they build. A client passed
 * to one of these lives exactly as long as the call's result. Data only;
 * `client-lifetime/client-constructions.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

/** AWS X-Ray `captureAWSv3Client(client)` / `captureAWSClient(client)` return `client`, instrumented. */
export const IDENTITY_WRAPPERS: readonly PackageExportSpec[] = [
  { from: 'package', package: 'aws-xray-sdk', name: ['captureAWSv3Client', 'captureAWSClient'] },
  { from: 'package', package: 'aws-xray-sdk-core', name: ['captureAWSv3Client', 'captureAWSClient'] },
];

/**
 * The same contract as a method of a tracer instance: Powertools for AWS Lambda
 * `tracer.captureAWSv3Client(client)` (the instance usually comes from a project module). The
 * names are distinctive enough to be matched on any receiver.
 */
export const IDENTITY_WRAPPER_METHODS: ReadonlySet<string> = new Set(['captureAWSv3Client', 'captureAWSClient']);

/**
 * Calls whose result keeps the client passed to them: `DynamoDBDocumentClient.from(client)` sends
 * through `client`; `new Upload({ client, params })` (`@aws-sdk/lib-storage`) uploads through it.
 */
export const CLIENT_HOLDER_FACTORIES: readonly PackageExportSpec[] = [
  { from: 'package', package: '@aws-sdk/lib-dynamodb', name: ['DynamoDBDocumentClient.from', 'DynamoDBDocument.from'] },
  { from: 'package', package: '@aws-sdk/lib-storage', name: 'Upload' },
];

/**
 * Calls that use the client passed to them for that call only and keep nothing:
 * `getSignedUrl(client, command)` (`@aws-sdk/s3-request-presigner`) signs with the client's
 * region and credentials and returns a string; `createPresignedPost(client, params)`
 * (`@aws-sdk/s3-presigned-post`) likewise. A client built for one of these is used once.
 */
export const CLIENT_USING_CALLS: readonly PackageExportSpec[] = [
  { from: 'package', package: '@aws-sdk/s3-request-presigner', name: 'getSignedUrl' },
  { from: 'package', package: '@aws-sdk/s3-presigned-post', name: 'createPresignedPost' },
];
