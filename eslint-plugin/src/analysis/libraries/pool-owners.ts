/**
 * Constructors that own a connection pool: building one opens (and keeps) its own sockets, so a new
 * instance per request means a new TCP+TLS handshake per request.
 * Facts and sources: docs/library-facts.md ("Which constructors own a connection pool").
 */
import type { PackageExportSpec } from '../imports/export-spec';

export type PoolFamily =
  /** node:http(s) Agent and its subclasses: `keepAlive` defaults to false. */
  | 'node-agent'
  /** A subclass of http.Agent that turns keep-alive on by default (agentkeepalive). */
  | 'keepalive-agent'
  /** A proxy agent (subclass of http.Agent). */
  | 'proxy-agent'
  /** undici dispatchers: keep-alive on by default, `pipelining: 0` turns it off. */
  | 'undici'
  /** AWS SDK v3 clients and their NodeHttpHandler: each builds an https.Agent. */
  | 'aws-sdk'
  /** Google Cloud gRPC clients (google-gax): each instance opens its own gRPC channel and auth client. */
  | 'google-cloud-grpc'
  /** SDK clients that build their own agent or connection pool per instance (Elasticsearch, OpenSearch, Twilio). */
  | 'sdk-client'
  /** Azure Service Bus and Event Hubs clients: each instance opens its own AMQP connection (TCP+TLS, then AMQP and CBS auth). */
  | 'azure-amqp'
  /** Added by the user through options or settings. */
  | 'custom';

export interface PoolOwnerSpec extends PackageExportSpec {
  readonly family: PoolFamily;
}

export const POOL_OWNERS: readonly PoolOwnerSpec[] = [
  { from: 'package', package: 'http', name: 'Agent', family: 'node-agent' },
  { from: 'package', package: 'https', name: 'Agent', family: 'node-agent' },
  {
    from: 'package',
    package: 'undici',
    name: [
      'Agent',
      'Pool',
      'Client',
      'BalancedPool',
      'ProxyAgent',
      'EnvHttpProxyAgent',
      'RetryAgent',
      'H2CClient',
    ],
    family: 'undici',
  },
  {
    from: 'package',
    package: 'agentkeepalive',
    name: ['default', 'HttpsAgent', 'HttpAgent'],
    family: 'keepalive-agent',
  },
  { from: 'package', package: 'https-proxy-agent', name: ['default', 'HttpsProxyAgent'], family: 'proxy-agent' },
  { from: 'package', package: 'http-proxy-agent', name: ['default', 'HttpProxyAgent'], family: 'proxy-agent' },
  { from: 'package', package: 'socks-proxy-agent', name: ['default', 'SocksProxyAgent'], family: 'proxy-agent' },
  { from: 'package', package: 'proxy-agent', name: ['default', 'ProxyAgent'], family: 'proxy-agent' },
  { from: 'package', package: 'hpagent', name: ['HttpsProxyAgent', 'HttpProxyAgent'], family: 'proxy-agent' },
  { from: 'package', package: '@aws-sdk/client-*', name: '*Client', family: 'aws-sdk' },
  // The aggregated clients (`new S3()`, `new DynamoDB()`) extend the bare ones and own the same pool.
  {
    from: 'package',
    package: '@aws-sdk/client-*',
    name: [
      'S3', 'DynamoDB', 'SQS', 'SNS', 'SES', 'SESv2', 'Lambda', 'SSM', 'SecretsManager', 'KMS', 'STS',
      'Kinesis', 'Firehose', 'EventBridge', 'SFN', 'CloudWatch', 'CloudWatchLogs', 'Athena', 'Glue',
      'ECS', 'EC2', 'Textract', 'Rekognition', 'Comprehend', 'Translate', 'Polly', 'ApiGatewayManagementApi',
      'CognitoIdentityProvider', 'IoTDataPlane', 'TimestreamWrite', 'BedrockRuntime',
    ],
    family: 'aws-sdk',
  },
  {
    from: 'package',
    package: '@smithy/node-http-handler',
    name: ['NodeHttpHandler', 'NodeHttp2Handler'],
    family: 'aws-sdk',
  },
  {
    from: 'package',
    package: '@aws-sdk/node-http-handler',
    name: ['NodeHttpHandler', 'NodeHttp2Handler'],
    family: 'aws-sdk',
  },
  // The generated clients of `@google-cloud/*` (`new ServicesClient()`, `new v2.ServicesClient()`,
  // `new SecretManagerServiceClient()`) and the handwritten gRPC clients built on them.
  { from: 'package', package: '@google-cloud/*', name: ['*Client', 'v*.*Client'], family: 'google-cloud-grpc' },
  { from: 'package', package: '@google-cloud/datastore', name: 'Datastore', family: 'google-cloud-grpc' },
  { from: 'package', package: '@google-cloud/pubsub', name: 'PubSub', family: 'google-cloud-grpc' },
  { from: 'package', package: '@google-cloud/firestore', name: ['Firestore', 'default'], family: 'google-cloud-grpc' },
  { from: 'package', package: '@google-cloud/spanner', name: 'Spanner', family: 'google-cloud-grpc' },
  { from: 'package', package: '@google-cloud/bigtable', name: 'Bigtable', family: 'google-cloud-grpc' },
  { from: 'package', package: '@elastic/elasticsearch', name: 'Client', family: 'sdk-client' },
  { from: 'package', package: '@opensearch-project/opensearch', name: 'Client', family: 'sdk-client' },
  // The legacy `elasticsearch` package: each connection's HttpConnector builds its own agent.
  { from: 'package', package: 'elasticsearch', name: 'Client', family: 'sdk-client' },
  // `new Twilio(sid, token)`: its RequestClient builds its own https.Agent.
  { from: 'package', package: 'twilio', name: 'Twilio', family: 'sdk-client' },
  // `close()` of each "closes the underlying AMQP connection"; senders and receivers created from a
  // client share its connection (`client.createSender(queue)` builds none).
  { from: 'package', package: '@azure/service-bus', name: 'ServiceBusClient', family: 'azure-amqp' },
  {
    from: 'package',
    package: '@azure/event-hubs',
    name: ['EventHubProducerClient', 'EventHubConsumerClient', 'EventHubBufferedProducerClient'],
    family: 'azure-amqp',
  },
];

/**
 * Functions that build a connection-owning client when called (no `new`): `twilio(sid, token)`
 * returns `new Twilio(sid, token)`.
 */
export const POOL_OWNER_FACTORIES: readonly PoolOwnerSpec[] = [
  { from: 'package', package: 'twilio', name: 'default', family: 'sdk-client' },
];
