/**
 * Which clients free a connection on their own when a response has no body (a `HEAD` request,
 * status 204, 205 or 304, `Content-Length: 0`), and which hold it until the code reads the
 * response stream to its end anyway.
 *
 * node:http frees a keep-alive socket on the response's `'end'` event, and a readable stream emits
 * `'end'` only once it is read, also when it is empty: an unread response to a `HEAD` request, or
 * one with status 204 or `Content-Length: 0`, keeps its socket busy (measured on Node 20 with
 * `new http.Agent({ keepAlive: true, maxSockets: 1 })`: the next request waits for the socket until
 * the first response is resumed; since Node 19 the global agent keeps sockets alive too). axios
 * with `responseType: 'stream'` hands that same response over as `response.data` (measured with
 * axios 1.x, status 204). fetch, undici's `request()` and `got.stream()` read the socket
 * themselves: a bodyless response completes and frees its connection unread.
 * Data only; `body-paths/` reads it.
 */
import type { ResponseClient } from './response-sources';

/** Clients whose responses hold their socket until read, even without a body. */
export const EMPTY_RESPONSE_HOLDS_SOCKET: ReadonlySet<ResponseClient> = new Set<ResponseClient>(['node-http', 'axios-stream']);
