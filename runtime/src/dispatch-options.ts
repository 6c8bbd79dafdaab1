// What undici is given for one attempt of a PostRequest, by either sender: where it goes, the
// message (a POST body, or nothing for --get), and the attempt's deadline as undici's own header
// and body timeouts.
import type { Dispatcher } from 'undici';
import type { PostRequest } from './http.js';

export function dispatchOptionsOf(request: PostRequest): Dispatcher.DispatchOptions {
  return {
    origin: request.destination.origin,
    path: request.destination.path,
    method: request.method,
    headers: request.headers,
    body: request.method === 'POST' ? request.body : undefined,
    headersTimeout: request.timeoutMs,
    bodyTimeout: request.timeoutMs,
  };
}
