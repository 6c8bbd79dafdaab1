/**
 * Where an agent's keep-alive setting is written, per constructor: which argument holds the options
 * passed on to `http.Agent`, and what `keepAlive` is when those options leave it out. Facts and
 * their sources: docs/library-facts.md ("Keep-alive defaults of agent constructors").
 */
import type { ExportSpec, PackageExportSpec } from '../imports/export-spec';
import { POOL_OWNERS } from './pool-owners';

export type AgentKind =
  /** node:http(s) Agent (and user-configured subclasses). */
  | 'node-agent'
  /** agentkeepalive: keep-alive unless `keepAlive: false`. */
  | 'keepalive-agent'
  /** Proxy agents built on http.Agent: keep-alive only with `keepAlive: true`. */
  | 'proxy-agent';

export interface AgentOptionsSpec {
  /** The constructor (user-configured ones may be any export spec). */
  readonly agent: ExportSpec;
  readonly kind: AgentKind;
  /** Zero-based index of the argument holding the agent options. */
  readonly optionsArgument: number;
  /** What `keepAlive` is when the options do not set it. */
  readonly keepAliveDefault: boolean;
  /**
   * A first argument of this shape, when it is the only argument or the options position itself, may
   * belong to an older major version with another signature, whose options the rule does not read:
   * one object literal (https-proxy-agent and http-proxy-agent before 6, socks-proxy-agent before 8
   * took a single options object; since then an object first argument is the proxy, options second),
   * or a string where options are expected (proxy-agent before 6 took a proxy URI).
   */
  readonly otherSignatureFirstArgument?: 'object' | 'string';
  /** The constructor throws without options (hpagent reads `proxy` from them): nothing to add. */
  readonly optionsRequired?: boolean;
}

export const AGENT_OPTIONS: readonly AgentOptionsSpec[] = [
  {
    agent: { from: 'package', package: 'http', name: 'Agent' },
    kind: 'node-agent',
    optionsArgument: 0,
    keepAliveDefault: false,
  },
  {
    agent: { from: 'package', package: 'https', name: 'Agent' },
    kind: 'node-agent',
    optionsArgument: 0,
    keepAliveDefault: false,
  },
  {
    // `options.keepAlive = options.keepAlive !== false` in its constructor.
    agent: { from: 'package', package: 'agentkeepalive', name: ['default', 'HttpAgent', 'HttpsAgent'] },
    kind: 'keepalive-agent',
    optionsArgument: 0,
    keepAliveDefault: true,
  },
  {
    // `new HttpsProxyAgent(proxy, opts)` since 6: agent-base 7's Agent calls `super(opts)` on http.Agent.
    agent: { from: 'package', package: 'https-proxy-agent', name: 'HttpsProxyAgent' },
    kind: 'proxy-agent',
    optionsArgument: 1,
    keepAliveDefault: false,
    otherSignatureFirstArgument: 'object',
  },
  {
    agent: { from: 'package', package: 'http-proxy-agent', name: 'HttpProxyAgent' },
    kind: 'proxy-agent',
    optionsArgument: 1,
    keepAliveDefault: false,
    otherSignatureFirstArgument: 'object',
  },
  {
    agent: { from: 'package', package: 'socks-proxy-agent', name: 'SocksProxyAgent' },
    kind: 'proxy-agent',
    optionsArgument: 1,
    keepAliveDefault: false,
    otherSignatureFirstArgument: 'object',
  },
  {
    // `new ProxyAgent(opts)`: passes `opts` to agent-base and to the agents it builds per proxy.
    agent: { from: 'package', package: 'proxy-agent', name: 'ProxyAgent' },
    kind: 'proxy-agent',
    optionsArgument: 0,
    keepAliveDefault: false,
    otherSignatureFirstArgument: 'string',
  },
  {
    // `new HttpsProxyAgent({ proxy, ...agentOptions })`: the rest goes to http(s).Agent.
    agent: { from: 'package', package: 'hpagent', name: ['HttpsProxyAgent', 'HttpProxyAgent'] },
    kind: 'proxy-agent',
    optionsArgument: 0,
    keepAliveDefault: false,
    optionsRequired: true,
  },
];

/**
 * AWS SDK v3 options that are turned into an agent: `new NodeHttpHandler({ httpsAgent: {...} })`,
 * and `new S3Client({ requestHandler: {...} })` where the handler options are written out. The SDK
 * builds `new https.Agent({ keepAlive: true, maxSockets: 50, ...httpsAgent })`, so keep-alive is on
 * unless those options say `keepAlive: false`.
 */
export const AWS_REQUEST_HANDLERS: readonly PackageExportSpec[] = [
  { from: 'package', package: '@smithy/node-http-handler', name: 'NodeHttpHandler' },
  { from: 'package', package: '@aws-sdk/node-http-handler', name: 'NodeHttpHandler' },
];
export const AWS_CLIENTS: PackageExportSpec = { from: 'package', package: '@aws-sdk/client-*', name: '*Client' };
/** Handler option names whose object-literal value is agent options. */
export const AWS_AGENT_OPTION_NAMES: readonly string[] = ['httpsAgent', 'httpAgent'];
/** Client option name whose object-literal value is request handler options. */
export const AWS_REQUEST_HANDLER_OPTION = 'requestHandler';

/**
 * `maxCachedSessions: 0` on an https.Agent turns off TLS session resumption: every connection does a
 * full handshake. Agents written that way want a fresh handshake per request (certificate checkers
 * read the peer certificate of each one), so leaving keep-alive off is the point, not an accident.
 */
export const FULL_HANDSHAKE_OPTION = 'maxCachedSessions';

/** undici dispatchers whose options accept `pipelining` (0 turns keep-alive off). */
export const UNDICI_DISPATCHERS = POOL_OWNERS.filter((owner) => owner.family === 'undici');
/** undici constructors whose options are the first argument (the others take an origin first; RetryAgent takes a dispatcher). */
export const UNDICI_OPTIONS_FIRST: ReadonlySet<string> = new Set(['Agent', 'ProxyAgent', 'EnvHttpProxyAgent']);
export const UNDICI_WRAPPING_DISPATCHERS: ReadonlySet<string> = new Set(['RetryAgent']);
/** superagent sets request headers with `.set(name, value)` / `.set({ ... })` on its request chain. */
export const SUPERAGENT = 'superagent';
