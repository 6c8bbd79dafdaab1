/**
 * Which expressions build an HTTP client, identified by import source only:
 *
 *   pool       `new https.Agent()`, `new Pool(origin)` from undici, `new S3Client()` from
 *              `@aws-sdk/client-s3`, ... (POOL_OWNERS plus user-configured constructors), and
 *              `twilio(sid, token)` (POOL_OWNER_FACTORIES: a call that constructs one)
 *   wrapper    `axios.create()`, `got.extend()`, `ky.create()`: configuration over the global agent
 *   builder    `new Service()` / `makeClient()` of project code that builds a pool every time it runs
 *              (a class whose constructor or fields build one, an imported factory): see
 *              client-builders.ts
 *   sharedAgentClient  `new AWS.S3()` (aws-sdk v2), `new BlobServiceClient()` /
 *              `BlobServiceClient.fromConnectionString()` (Azure SDK), `new Stripe()`, `new OpenAI()`,
 *              `new Anthropic()`, Supabase's `createClient()`: a service client that sends through one process-wide agent or the
 *              global fetch, so building it repeats setup, not connections
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { findExportSpec, matchesExportSpec, type ExportSpec } from '../imports/export-spec';
import type { BuiltClient } from './client-builders';
import { AZURE_SDK_CLIENT_FACTORIES, AZURE_SDK_CLIENTS } from '../libraries/azure-sdk';
import { AWS_SDK_V2_CLIENTS, AWS_SDK_V2_NON_CLIENT_NAME, AWS_SDK_V2_NON_CLIENTS } from '../libraries/aws-sdk-v2';
import { CLIENT_HOLDER_FACTORIES, CLIENT_USING_CALLS, IDENTITY_WRAPPER_METHODS, IDENTITY_WRAPPERS } from '../libraries/client-wrappers';
import { GLOBAL_AGENT_PROPERTIES, GLOBAL_DISPATCHER_SETTERS } from '../libraries/process-wide-clients';
import { REQUEST_CALLS, TYPED_REQUEST_CLIENTS } from '../libraries/request-calls';
import { SHARED_TRANSPORT_SDKS, type SharedTransportSdk } from '../libraries/shared-transport-sdks';
import { THIN_WRAPPER_FACTORIES } from '../libraries/thin-wrappers';
import { resolveModuleRefs } from '../imports/module-refs';
import { isChainedAgentCall } from './chained-agent-requests';
import { isPinnedDnsDispatcher } from './pinned-dns-dispatchers';
import { POOL_OWNER_FACTORIES } from '../libraries/pool-owners';
import { fixedInitializer } from '../../ast/fixed-initializer';
import { declaredTypeName } from '../../ast/declared-type-name';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type SharedAgentSdk = 'aws-sdk v2' | 'Azure SDK' | SharedTransportSdk['sdk'];

export type ClientConstruction =
  | { readonly kind: 'pool'; readonly node: TSESTree.NewExpression | TSESTree.CallExpression }
  | { readonly kind: 'wrapper'; readonly node: TSESTree.CallExpression }
  | {
      readonly kind: 'sharedAgentClient';
      readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
      /** The SDK whose clients share one process-wide HTTP client. */
      readonly sdk: SharedAgentSdk;
    }
  | {
      /** `new Service()` / `makeClient()` of project code that builds a pool on every run. */
      readonly kind: 'builder';
      readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
      /** Where the pool is built (this file or another module of the project). */
      readonly built: BuiltClient;
    };

export class ClientMatcher {
  constructor(
    private readonly sourceCode: SourceCode,
    private readonly poolOwners: readonly ExportSpec[],
  ) {}

  /** `new X(...)` where X is a pool owner; `twilio(sid, token)`, a call that constructs one. */
  isPoolConstruction(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return false;
    const refs = resolveModuleRefs(node.callee, this.sourceCode.getScope(node));
    const owners = node.type === AST_NODE_TYPES.NewExpression ? [...this.poolOwners, ...POOL_OWNER_FACTORIES] : POOL_OWNER_FACTORIES;
    if (!refs?.some((ref) => findExportSpec(ref, owners) !== undefined)) return false;
    // A dispatcher pinned to this call's resolved address is per call by design.
    return node.type !== AST_NODE_TYPES.NewExpression || !isPinnedDnsDispatcher(node, refs, this.sourceCode);
  }

  /** `new AWS.S3()`, `new BlobServiceClient()`: a client of an SDK whose clients share one agent. */
  isSharedAgentClientConstruction(node: TSESTree.Node): node is TSESTree.NewExpression | TSESTree.CallExpression {
    return (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) && this.sharedAgentSdk(node) !== undefined;
  }

  /**
   * The SDK of `new AWS.S3()`, `new DocumentClient()` (aws-sdk v2), `new BlobServiceClient()`,
   * `BlobServiceClient.fromConnectionString()` (Azure SDK), `new Stripe()`, Supabase's
   * `createClient()`, or undefined.
   */
  sharedAgentSdk(node: TSESTree.NewExpression | TSESTree.CallExpression): SharedAgentSdk | undefined {
    const refs = resolveModuleRefs(node.callee, this.sourceCode.getScope(node));
    if (!refs) return undefined;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (refs.some((ref) => findExportSpec(ref, AZURE_SDK_CLIENT_FACTORIES) !== undefined)) return 'Azure SDK';
      const factory = SHARED_TRANSPORT_SDKS.find(({ factories }) => factories && refs.some((ref) => findExportSpec(ref, [factories]) !== undefined));
      return factory?.sdk;
    }
    if (refs.some((ref) => findExportSpec(ref, AZURE_SDK_CLIENTS) !== undefined)) return 'Azure SDK';
    const transport = SHARED_TRANSPORT_SDKS.find(({ clients }) => clients && refs.some((ref) => findExportSpec(ref, [clients]) !== undefined));
    if (transport) return transport.sdk;
    const awsV2 = refs.some((ref) => {
      const name = ref.path.at(-1);
      if (name !== undefined && (AWS_SDK_V2_NON_CLIENTS.has(name) || AWS_SDK_V2_NON_CLIENT_NAME.test(name))) {
        return false;
      }
      return findExportSpec(ref, AWS_SDK_V2_CLIENTS) !== undefined;
    });
    return awsV2 ? 'aws-sdk v2' : undefined;
  }

  /** `axios.create(...)` and the other thin wrapper factories. */
  isWrapperConstruction(node: TSESTree.Node): node is TSESTree.CallExpression {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const refs = resolveModuleRefs(node.callee, this.sourceCode.getScope(node));
    return refs?.some((ref) => findExportSpec(ref, THIN_WRAPPER_FACTORIES) !== undefined) ?? false;
  }

  /** `captureAWSv3Client(client)`, `tracer.captureAWSv3Client(client)`: returns its argument. */
  isIdentityCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = stripWrappers(node.callee, { typeAssertions: false });
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticPropertyName(callee);
      if (method !== undefined && IDENTITY_WRAPPER_METHODS.has(method)) return true;
    }
    const refs = resolveModuleRefs(callee, this.sourceCode.getScope(node));
    return refs?.some((ref) => findExportSpec(ref, IDENTITY_WRAPPERS) !== undefined) ?? false;
  }

  /** `DynamoDBDocumentClient.from(client)`, `new Upload({ client })`: the result keeps the client. */
  isHolderFactoryCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const refs = resolveModuleRefs(node.callee, this.sourceCode.getScope(node));
    return refs?.some((ref) => findExportSpec(ref, CLIENT_HOLDER_FACTORIES) !== undefined) ?? false;
  }

  /** `setGlobalDispatcher(agent)`: the label of the process-wide place its argument at `index` goes to. */
  processWideInstall(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): string | undefined {
    if (call.type !== AST_NODE_TYPES.CallExpression || index !== 0) return undefined;
    const refs = resolveModuleRefs(call.callee, this.sourceCode.getScope(call));
    for (const ref of refs ?? []) {
      const setter = findExportSpec(ref, GLOBAL_DISPATCHER_SETTERS);
      if (setter) return setter.label;
    }
    return undefined;
  }

  /** `https.globalAgent = agent`: the label of the process-wide property `target` names. */
  processWideProperty(target: TSESTree.MemberExpression): string | undefined {
    const refs = resolveModuleRefs(target, this.sourceCode.getScope(target));
    const known = refs?.some((ref) => findExportSpec(ref, GLOBAL_AGENT_PROPERTIES) !== undefined) ?? false;
    return known ? `\`${this.sourceCode.getText(target).replace(/\s+/g, '')}\`` : undefined;
  }

  /** `fetch(url, { dispatcher })`, `https.get(url, { agent })`, `axios.get(url, { httpsAgent })`. */
  isRequestCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const scope = this.sourceCode.getScope(node);
    const refs = resolveModuleRefs(node.callee, scope);
    if (refs?.some((ref) => findExportSpec(ref, REQUEST_CALLS) !== undefined)) return true;
    // `getSignedUrl(client, command)`: uses the client for this call and keeps nothing.
    if (refs?.some((ref) => findExportSpec(ref, CLIENT_USING_CALLS) !== undefined)) return true;
    return (
      this.isWrapperInstanceCall(node.callee, scope) ||
      isChainedAgentCall(node, this.sourceCode) ||
      this.isTypedClientCall(node.callee, scope)
    );
  }

  /** `client(url, options)` / `this.http.get(url, options)` on a declaration typed `Got`, `AxiosInstance`, ... */
  private isTypedClientCall(callee: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    const receiver = callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && callee.object.type !== AST_NODE_TYPES.ThisExpression ? callee.object : callee;
    const typeName = declaredTypeName(receiver, scope);
    if (!typeName) return false;
    const refs = resolveModuleRefs(typeName, this.sourceCode.getScope(typeName));
    if (!refs || refs.length !== 1) return false;
    const client = TYPED_REQUEST_CLIENTS.find((candidate) => matchesExportSpec(refs[0]!, candidate.type));
    if (!client) return false;
    return receiver === callee ? client.callable : method !== undefined && client.methods.has(method);
  }

  /** `api.get(url, options)` / `api(options)` where `const api = axios.create(...)`. */
  private isWrapperInstanceCall(callee: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
    const target =
      callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.object : callee;
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const init = fixedInitializer(findVariable(scope, target));
    return init !== undefined && this.isWrapperConstruction(init);
  }

  /** Classifies `node` as a client construction, or undefined. */
  classify(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientConstruction | undefined {
    if (node.type === AST_NODE_TYPES.CallExpression && this.isWrapperConstruction(node)) return { kind: 'wrapper', node };
    if (this.isPoolConstruction(node)) return { kind: 'pool', node };
    const sdk = this.sharedAgentSdk(node);
    return sdk ? { kind: 'sharedAgentClient', node, sdk } : undefined;
  }
}
