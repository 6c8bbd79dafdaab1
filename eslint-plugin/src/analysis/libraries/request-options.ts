/**
 * Client calls that take per-request options, and which of their arguments may hold them.
 * Options are read only from arguments that are (or are bound to) object literals, so listing
 * both positions of `http.request([url,] options)` is safe: a URL string is never an object literal.
 * Sources: Node.js http docs, undici README, axios/got/ky/needle/node-fetch READMEs.
 */
import type { ExportSpec } from '../imports/export-spec';

export interface RequestOptionsSpec {
  /** The function (or method) that sends a request or builds a client with default options. */
  readonly callee: ExportSpec;
  /** Zero-based indexes of arguments that may be an options object. */
  readonly optionArguments: readonly number[];
  /** The options accept Node's `agent` option, where `false` means a one-shot agent. */
  readonly nodeAgentOption: boolean;
}

const AXIOS_NO_BODY = ['get', 'delete', 'head', 'options'];
const AXIOS_WITH_BODY = ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];
const GOT_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'paginate'];
const KY_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

export const REQUEST_OPTIONS_CALLS: readonly RequestOptionsSpec[] = [
  // http.request(options[, cb]) / http.request(url[, options][, cb]); same for get and https.
  {
    callee: { from: 'package', package: 'http', name: ['request', 'get'] },
    optionArguments: [0, 1],
    nodeAgentOption: true,
  },
  {
    callee: { from: 'package', package: 'https', name: ['request', 'get'] },
    optionArguments: [0, 1],
    nodeAgentOption: true,
  },
  // fetch(input, init)
  { callee: { from: 'global', name: 'fetch' }, optionArguments: [1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'undici', name: 'fetch' }, optionArguments: [1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'node-fetch', name: 'default' }, optionArguments: [1], nodeAgentOption: false },
  // undici.request(url, options)
  {
    callee: { from: 'package', package: 'undici', name: ['request', 'stream'] },
    optionArguments: [1],
    nodeAgentOption: false,
  },
  // axios(config) / axios(url, config) / axios.request(config) / axios.create(config)
  { callee: { from: 'package', package: 'axios', name: 'default' }, optionArguments: [0, 1], nodeAgentOption: false },
  {
    callee: { from: 'package', package: 'axios', name: ['request', 'create'] },
    optionArguments: [0],
    nodeAgentOption: false,
  },
  { callee: { from: 'package', package: 'axios', name: AXIOS_NO_BODY }, optionArguments: [1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'axios', name: AXIOS_WITH_BODY }, optionArguments: [2], nodeAgentOption: false },
  // got(url, options) / got(options) / got.post(url, options) / got.extend(...options)
  { callee: { from: 'package', package: 'got', name: 'default' }, optionArguments: [0, 1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'got', name: GOT_METHODS }, optionArguments: [0, 1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'got', name: 'extend' }, optionArguments: [0, 1, 2, 3], nodeAgentOption: false },
  // ky(url, options) / ky.post(url, options) / ky.create(options)
  { callee: { from: 'package', package: 'ky', name: 'default' }, optionArguments: [1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'ky', name: KY_METHODS }, optionArguments: [1], nodeAgentOption: false },
  { callee: { from: 'package', package: 'ky', name: ['create', 'extend'] }, optionArguments: [0], nodeAgentOption: false },
  // needle.get(url, options[, cb]) / needle.post(url, data, options[, cb])
  { callee: { from: 'package', package: 'needle', name: ['get', 'head'] }, optionArguments: [1], nodeAgentOption: false },
  {
    callee: { from: 'package', package: 'needle', name: ['post', 'put', 'patch', 'delete'] },
    optionArguments: [2],
    nodeAgentOption: false,
  },
];

/**
 * Option names whose value is the connection pool one request goes through: `agent` (node:http,
 * node-fetch, got, needle, the `request` package), `dispatcher` (fetch, undici), `httpAgent` /
 * `httpsAgent` (axios). An options object that holds a pool under one of these names is request
 * options, whoever the options are passed to.
 */
export const AGENT_OPTION_KEYS: ReadonlySet<string> = new Set(['agent', 'dispatcher', 'httpAgent', 'httpsAgent']);

/** `new Headers(init)`: the Fetch API's header list, global or undici's; `init` is read like a literal. */
export const HEADERS_CLASSES: readonly ExportSpec[] = [
  { from: 'global', name: 'Headers' },
  { from: 'package', package: 'undici', name: 'Headers' },
  { from: 'package', package: 'node-fetch', name: 'Headers' },
];
