/**
 * AWS SDK for JavaScript v2 (`aws-sdk`) service clients: `new AWS.S3()`, `new S3()` from
 * 'aws-sdk/clients/s3', `new AWS.DynamoDB.DocumentClient()`. Unlike v3 clients they own no pool:
 * every v2 client sends through one agent the SDK creates once per process, so building one per
 * request repeats client setup (configuration, credential resolution, API model loading) but opens
 * no extra connections. Data only; `client-lifetime/client-constructions.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

export const AWS_SDK_V2_CLIENTS: readonly PackageExportSpec[] = [
  // `AWS.S3`, `AWS.DynamoDB`, ... (one path segment: `AWS.S3.ManagedUpload` is a per-upload object).
  { from: 'package', package: 'aws-sdk', name: ['*', 'DynamoDB.DocumentClient'] },
  { from: 'package', package: 'aws-sdk/clients/*', name: ['default', 'DocumentClient'] },
];

/**
 * Exports of `aws-sdk` that are constructed but are not service clients: configuration,
 * credentials, endpoints, requests and the SDK's own plumbing (also every `*Credentials` class).
 */
export const AWS_SDK_V2_NON_CLIENTS: ReadonlySet<string> = new Set([
  'Config',
  'Credentials',
  'CredentialProviderChain',
  'Endpoint',
  'EventListeners',
  'HttpRequest',
  'HttpResponse',
  'HttpClient',
  'MetadataService',
  'NodeHttpClient',
  'ParamValidator',
  'Request',
  'Response',
  'ResourceWaiter',
  'SequentialExecutor',
  'Service',
  'Signers',
  'Token',
  'TokenProviderChain',
]);
export const AWS_SDK_V2_NON_CLIENT_NAME = /Credentials$|^[a-z]/;
