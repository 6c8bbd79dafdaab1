/**
 * Calls that send one request through the agent / dispatcher given in their options and do not
 * keep it afterwards: `fetch(url, { dispatcher })`, `https.get(url, { agent }, cb)`,
 * `axios.get(url, { httpsAgent })`. Passing a pool to one of these uses it; passing it to any other
 * function hands it over (it may be stored and reused).
 */
import type { ExportSpec, PackageExportSpec } from '../imports/export-spec';

export const REQUEST_CALLS: readonly ExportSpec[] = [
  { from: 'global', name: 'fetch' },
  { from: 'package', package: 'http', name: ['request', 'get'] },
  { from: 'package', package: 'https', name: ['request', 'get'] },
  { from: 'package', package: 'follow-redirects', name: ['http.request', 'http.get', 'https.request', 'https.get'] },
  { from: 'package', package: 'undici', name: ['request', 'fetch', 'stream', 'pipeline', 'connect', 'upgrade'] },
  { from: 'package', package: 'node-fetch', name: 'default' },
  { from: 'package', package: 'cross-fetch', name: 'default' },
  { from: 'package', package: 'isomorphic-fetch', name: 'default' },
  { from: 'package', package: 'isomorphic-unfetch', name: 'default' },
  {
    from: 'package',
    package: 'axios',
    name: ['default', 'request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch'],
  },
  {
    from: 'package',
    package: 'got',
    name: ['default', 'get', 'post', 'put', 'patch', 'head', 'delete', 'stream', 'paginate'],
  },
  { from: 'package', package: 'ky', name: ['default', 'get', 'post', 'put', 'patch', 'head', 'delete'] },
  { from: 'package', package: 'needle', name: ['default', 'request', 'get', 'post', 'put', 'patch', 'head', 'delete'] },
  { from: 'package', package: 'request', name: ['default', 'get', 'post', 'put', 'patch', 'head', 'del', 'delete'] },
  { from: 'package', package: 'superagent', name: ['default', 'get', 'post', 'put', 'patch', 'head', 'del', 'delete'] },
];

/**
 * Instances of a request library reached through a declaration typed with the library's instance
 * type, as code that is handed its client writes it: `async run(client: Got, options) { await
 * client(url, options) }`, `constructor(private readonly http: AxiosInstance)` then
 * `this.http.get(url, { httpsAgent })`. Calling the instance, or one of its request methods, sends
 * one request with the options given (their agent is used, not kept).
 */
export interface TypedRequestClient {
  /** The instance type, as exported by its package. */
  readonly type: PackageExportSpec;
  /** The instance itself is a request function (`client(url, options)`). */
  readonly callable: boolean;
  readonly methods: ReadonlySet<string>;
}
export const TYPED_REQUEST_CLIENTS: readonly TypedRequestClient[] = [
  {
    type: { from: 'package', package: 'got', name: 'Got' },
    callable: true,
    methods: new Set(['get', 'post', 'put', 'patch', 'head', 'delete', 'stream', 'paginate']),
  },
  {
    type: { from: 'package', package: 'axios', name: 'AxiosInstance' },
    callable: true,
    methods: new Set(['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch']),
  },
  {
    type: { from: 'package', package: 'ky', name: 'KyInstance' },
    callable: true,
    methods: new Set(['get', 'post', 'put', 'patch', 'head', 'delete']),
  },
];

/**
 * Request builders whose `.agent(agent)` sets the agent of that one request and returns the request:
 * superagent `superagent.get(url).agent(agent)`. Calling it sends through the agent (a use), it does
 * not hand the agent over. The receiver must be a chain that starts at the import (or a variable
 * holding one), or a parameter named after the library (`superagentRequest`), as in code
 * that takes a request built elsewhere.
 */
export interface ChainedAgentRequest {
  readonly builder: PackageExportSpec;
  readonly method: string;
  readonly receiverName: RegExp;
}
export const CHAINED_AGENT_REQUESTS: readonly ChainedAgentRequest[] = [
  {
    builder: {
      from: 'package',
      package: 'superagent',
      name: ['default', 'get', 'post', 'put', 'patch', 'head', 'del', 'delete', 'options'],
    },
    method: 'agent',
    receiverName: /superagent/i,
  },
];

/**
 * Methods called on a value that came from a pool owner or thin wrapper (`client.send()`,
 * `pool.request()`, `api.get()`): every member use of such a value counts as a use; these names
 * additionally mean "its connections are closed here" (so hoisting would break the next call).
 */
export const CLOSING_METHODS: ReadonlySet<string> = new Set(['close', 'destroy', 'end']);

/**
 * Methods that open a raw socket through an agent (`agent.connect(req, opts)` in agent-base
 * subclasses, `agent.createConnection()`): an agent's own connection factory, called once per new
 * connection by design. Calling these is not sending requests through the pool.
 */
export const SOCKET_METHODS: ReadonlySet<string> = new Set(['connect', 'createConnection', 'createSocket']);
