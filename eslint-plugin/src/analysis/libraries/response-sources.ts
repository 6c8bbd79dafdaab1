/**
 * Client calls that produce an HTTP response whose body must be read or released, or the socket is
 * not returned to the pool. Facts and their sources (Node's http docs, undici's README and
 * Dispatcher.md): docs/library-facts.md, "Which calls return a body the caller must read or release".
 */
import type { ExportSpec } from '../imports/export-spec';

/** Which client produced a response: decides what the message says and which release to suggest. */
export type ResponseClient =
  /** node:http(s) IncomingMessage: holds its socket until read, whatever its size. */
  | 'node-http'
  /** WHATWG fetch (global, undici): small bodies are buffered, large ones pin the socket. */
  | 'fetch'
  /** node-fetch / cross-fetch: a fetch Response whose `.body` is a node Readable (no `cancel()`). */
  | 'node-fetch'
  /** undici `request()` / `dispatcher.request()`: `{ statusCode, headers, body }`. */
  | 'undici'
  /** axios with `responseType: 'stream'`: `response.data` is the node:http stream. */
  | 'axios-stream'
  /** `got.stream()`: the call returns the response stream itself. */
  | 'got-stream';

/** How the response reaches the caller. */
export type ResponseDelivery =
  /** `http.get(url, (res) => ...)`, `req.on('response', ...)`, `await once(req, 'response')`. */
  | 'callback'
  /** `await fetch(url)`, `fetch(url).then((res) => ...)`. */
  | 'promise'
  /** `got.stream(url)` returns the stream synchronously. */
  | 'stream';

/**
 * What a holder of the response looks like, for body-consumption analysis:
 * - `fetch-response`: a WHATWG Response (`res.json()`, stream at `res.body`);
 * - `undici-response`: undici's `{ statusCode, headers, body }` (stream at `.body`);
 * - `axios-response`: axios's response object (stream at `.data`);
 * - `stream`: the body stream itself (IncomingMessage, undici's BodyReadable, a got stream, a
 *   ReadableStream).
 */
export type BodyHolder = 'fetch-response' | 'undici-response' | 'axios-response' | 'stream';

export interface ResponseSourceSpec {
  readonly function: ExportSpec;
  readonly client: ResponseClient;
  readonly delivery: ResponseDelivery;
  /** What the promise resolves to / the callback receives. */
  readonly holder: BodyHolder;
  /** Only a source when some argument is an object literal with `responseType: 'stream'`. */
  readonly requiresStreamResponseType?: boolean;
}

/** A package export that is a WHATWG `fetch` (its responses are fetch Responses). */
function whatwgFetch(packageName: string, name: string | string[]): ResponseSourceSpec {
  return { function: { from: 'package', package: packageName, name }, client: 'fetch', delivery: 'promise', holder: 'fetch-response' };
}

export const RESPONSE_SOURCES: readonly ResponseSourceSpec[] = [
  {
    function: { from: 'package', package: 'http', name: ['get', 'request'] },
    client: 'node-http',
    delivery: 'callback',
    holder: 'stream',
  },
  {
    function: { from: 'package', package: 'https', name: ['get', 'request'] },
    client: 'node-http',
    delivery: 'callback',
    holder: 'stream',
  },
  // follow-redirects: drop-in `http`/`https` whose responses are node:http IncomingMessages.
  {
    function: { from: 'package', package: 'follow-redirects', name: ['http.get', 'http.request', 'https.get', 'https.request'] },
    client: 'node-http',
    delivery: 'callback',
    holder: 'stream',
  },
  { function: { from: 'global', name: 'fetch' }, client: 'fetch', delivery: 'promise', holder: 'fetch-response' },
  whatwgFetch('undici', 'fetch'),
  // WHATWG fetch ponyfills that give the platform's fetch (undici on Node.js) or one like it:
  // @whatwg-node/fetch and @whatwg-node/node-fetch (`fetchPonyfill`), node-fetch-native,
  // native-fetch and fetch-undici.
  whatwgFetch('@whatwg-node/fetch', 'fetch'),
  whatwgFetch('@whatwg-node/node-fetch', 'fetch'),
  whatwgFetch('node-fetch-native', ['default', 'fetch']),
  whatwgFetch('native-fetch', ['default', 'fetch']),
  whatwgFetch('fetch-undici', 'fetch'),
  {
    function: { from: 'package', package: 'node-fetch', name: ['default', 'fetch'] },
    client: 'node-fetch',
    delivery: 'promise',
    holder: 'fetch-response',
  },
  {
    function: { from: 'package', package: 'cross-fetch', name: ['default', 'fetch'] },
    client: 'node-fetch',
    delivery: 'promise',
    holder: 'fetch-response',
  },
  // isomorphic-fetch and isomorphic-unfetch: node-fetch on Node.js.
  {
    function: { from: 'package', package: 'isomorphic-fetch', name: 'default' },
    client: 'node-fetch',
    delivery: 'promise',
    holder: 'fetch-response',
  },
  {
    function: { from: 'package', package: 'isomorphic-unfetch', name: 'default' },
    client: 'node-fetch',
    delivery: 'promise',
    holder: 'fetch-response',
  },
  {
    function: { from: 'package', package: 'undici', name: 'request' },
    client: 'undici',
    delivery: 'promise',
    holder: 'undici-response',
  },
  {
    function: {
      from: 'package',
      package: 'axios',
      name: ['default', 'request', 'get', 'delete', 'options', 'post', 'put', 'patch'],
    },
    client: 'axios-stream',
    delivery: 'promise',
    holder: 'axios-response',
    requiresStreamResponseType: true,
  },
  {
    function: { from: 'package', package: 'got', name: ['stream', 'stream.*'] },
    client: 'got-stream',
    delivery: 'stream',
    holder: 'stream',
  },
];

/**
 * Methods of an undici dispatcher (`new Agent()`, `new Pool()`, `getGlobalDispatcher()`) and of an
 * axios instance (`axios.create()`) that behave like the module-level function of the same client.
 */
export const DISPATCHER_REQUEST_METHODS: Readonly<Record<'undici' | 'axios-stream', readonly string[]>> = {
  undici: ['request'],
  'axios-stream': ['request', 'get', 'delete', 'options', 'post', 'put', 'patch'],
};

/** Factories whose result has the request methods above. */
export const DISPATCHER_FACTORIES: readonly { readonly function: ExportSpec; readonly client: 'undici' | 'axios-stream' }[] = [
  { function: { from: 'package', package: 'undici', name: 'getGlobalDispatcher' }, client: 'undici' },
  { function: { from: 'package', package: 'axios', name: 'create' }, client: 'axios-stream' },
];

/** Constructors (called with `new`) whose instances are undici dispatchers, and the classes a declaration holding one is typed with. */
export const DISPATCHER_CLASSES: ExportSpec = {
  from: 'package',
  package: 'undici',
  // `Dispatcher` is their base class: a declaration typed with it (`pool: Dispatcher`) holds one.
  name: ['Agent', 'Pool', 'Client', 'BalancedPool', 'ProxyAgent', 'EnvHttpProxyAgent', 'RetryAgent', 'H2CClient', 'Dispatcher'],
};
