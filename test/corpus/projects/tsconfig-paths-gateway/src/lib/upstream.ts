import { fetch, type Dispatcher, type Response } from 'undici';
import { GATEWAY_NAME, UPSTREAM_ORIGIN } from '@config';

export interface UpstreamOptions {
  method?: string;
  body?: string;
  dispatcher?: Dispatcher;
}

/** Calls the legacy backend; the response is the caller's to read. */
export function fetchUpstream(path: string, options: UpstreamOptions = {}): Promise<Response> {
  return fetch(new URL(path, UPSTREAM_ORIGIN), {
    method: options.method ?? 'GET',
    body: options.body,
    dispatcher: options.dispatcher,
    headers: { 'x-gateway': GATEWAY_NAME },
  });
}

/** A HEAD probe: the response has no body. */
export function headUpstream(path: string): Promise<Response> {
  return fetch(new URL(path, UPSTREAM_ORIGIN), { method: 'HEAD', headers: { 'x-gateway': GATEWAY_NAME } });
}
