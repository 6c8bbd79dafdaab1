/**
 * Reverse proxies that keep no connections to their target unless given an agent. http-proxy's
 * `setupOutgoing()` (lib/http-proxy/common.js) sets `outgoing.agent = options.agent || false` and,
 * with no agent, a `connection: close` header: every proxied request opens (and closes) a new
 * connection to the target. http-proxy-middleware hands its options to http-proxy, so the same holds
 * there. Facts and sources: docs/library-facts.md ("Reverse proxies").
 */
import type { PackageExportSpec } from '../imports/export-spec';

export interface ProxyServerSpec {
  readonly factory: PackageExportSpec;
  /**
   * Whether the proxy's `web()` / `ws()` calls take options of their own (http-proxy), which may
   * bring the agent per call; the factory's options are then read only when every such call is seen.
   */
  readonly perCallOptions: boolean;
}

export const PROXY_SERVERS: readonly ProxyServerSpec[] = [
  { factory: { from: 'package', package: 'http-proxy', name: ['createProxyServer', 'createProxy', 'createServer'] }, perCallOptions: true },
  // v1 `proxy(context, options)`, v2 `createProxyMiddleware(context, options)`, v3 `createProxyMiddleware(options)`.
  { factory: { from: 'package', package: 'http-proxy-middleware', name: ['createProxyMiddleware', 'legacyCreateProxyMiddleware', 'default'] }, perCallOptions: false },
];

/** Methods of an http-proxy server that proxy one request and may take per-call options as their third argument. */
export const PROXY_REQUEST_METHODS: ReadonlySet<string> = new Set(['web', 'ws']);
/** Methods of an http-proxy server that neither proxy nor change its options. */
export const PROXY_OTHER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'off', 'listen', 'close', 'removeListener', 'removeAllListeners']);
