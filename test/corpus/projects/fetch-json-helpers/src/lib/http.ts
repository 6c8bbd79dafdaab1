const DEFAULT_TIMEOUT_MS = 5_000;

export interface JsonRequestOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly detail = '',
  ) {
    super(`HTTP ${status} from ${url}${detail ? `: ${detail}` : ''}`);
  }
}

function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { accept: 'application/json', 'content-type': 'application/json', ...extra };
}

/** GET with our JSON headers and a timeout. The caller reads (or cancels) the body. */
export async function getJson(url: string, options: JsonRequestOptions = {}): Promise<Response> {
  return fetch(url, {
    headers: jsonHeaders(options.headers),
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
}

/** POST a JSON payload. The caller reads (or cancels) the body. */
export async function postJson(url: string, payload: unknown, options: JsonRequestOptions = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: jsonHeaders(options.headers),
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
}

/** GET and parse: reads the body on every path, so callers get data, not a response. */
export async function fetchJson<T>(url: string, options: JsonRequestOptions = {}): Promise<T> {
  const res = await getJson(url, options);
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, url, text.slice(0, 200));
  return JSON.parse(text) as T;
}
