/**
 * Azure SDK for JavaScript service clients (`new BlobServiceClient(url, credential)`,
 * `BlobServiceClient.fromConnectionString(s)`, `new SecretClient(vaultUrl, credential)`,
 * `new CosmosClient(options)`). Like aws-sdk v2 clients they own no pool: unless given an
 * `httpClient` (or Cosmos an `agent`), every client sends through one HTTP client the SDK creates
 * once per process, so building one per request repeats client setup (pipeline, credential
 * policies) but opens no extra connections. Facts and sources: docs/library-facts.md. Data only;
 * `client-lifetime/client-constructions.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

/** Constructors of clients that build their own pipeline from a URL, credential or connection string. */
export const AZURE_SDK_CLIENTS: readonly PackageExportSpec[] = [
  {
    from: 'package',
    package: '@azure/storage-blob',
    name: ['BlobServiceClient', 'ContainerClient', 'BlobClient', 'BlockBlobClient', 'AppendBlobClient', 'PageBlobClient'],
  },
  { from: 'package', package: '@azure/storage-queue', name: ['QueueServiceClient', 'QueueClient'] },
  {
    from: 'package',
    package: '@azure/storage-file-share',
    name: ['ShareServiceClient', 'ShareClient', 'ShareDirectoryClient', 'ShareFileClient'],
  },
  {
    from: 'package',
    package: '@azure/storage-file-datalake',
    name: ['DataLakeServiceClient', 'DataLakeFileSystemClient', 'DataLakeDirectoryClient', 'DataLakeFileClient'],
  },
  { from: 'package', package: '@azure/data-tables', name: ['TableServiceClient', 'TableClient'] },
  { from: 'package', package: '@azure/keyvault-secrets', name: 'SecretClient' },
  { from: 'package', package: '@azure/keyvault-keys', name: ['KeyClient', 'CryptographyClient'] },
  { from: 'package', package: '@azure/keyvault-certificates', name: 'CertificateClient' },
  { from: 'package', package: '@azure/app-configuration', name: 'AppConfigurationClient' },
  { from: 'package', package: '@azure/cosmos', name: 'CosmosClient' },
];

/** Static factories that return a new client of the table above: `X.fromConnectionString(s)`. */
export const AZURE_SDK_CLIENT_FACTORIES: readonly PackageExportSpec[] = [
  {
    from: 'package',
    package: '@azure/storage-blob',
    name: ['BlobServiceClient.fromConnectionString'],
  },
  { from: 'package', package: '@azure/storage-queue', name: ['QueueServiceClient.fromConnectionString'] },
  { from: 'package', package: '@azure/storage-file-share', name: ['ShareServiceClient.fromConnectionString'] },
  { from: 'package', package: '@azure/storage-file-datalake', name: ['DataLakeServiceClient.fromConnectionString'] },
  {
    from: 'package',
    package: '@azure/data-tables',
    name: ['TableServiceClient.fromConnectionString', 'TableClient.fromConnectionString'],
  },
];

/** The method names of `AZURE_SDK_CLIENT_FACTORIES`, for a cheap pre-filter before import lookup. */
export const AZURE_SDK_CLIENT_FACTORY_METHODS: ReadonlySet<string> = new Set(['fromConnectionString']);

/**
 * Credentials of `@azure/identity` (`new DefaultAzureCredential()`, `new ClientSecretCredential(tenant,
 * id, secret)`, ...): configuration a client is built with. One written inline in a client's
 * arguments is the same on every call when its own arguments are, so the client can still be
 * built once (request-independent.ts).
 */
export const AZURE_CREDENTIALS: PackageExportSpec = { from: 'package', package: '@azure/identity', name: '*Credential' };
