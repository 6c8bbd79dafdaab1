// A conditional-GET cache: the JSON of the last 200 is kept with its ETag and served on a 304.
interface Entry {
  etag: string;
  body: unknown;
}

export type CachedResponse = Response & { cachedBody?: unknown };

const entries = new Map<string, Entry>();

export async function fetchCached(url: string, init: RequestInit = {}): Promise<CachedResponse> {
  const entry = entries.get(url);
  const headers = new Headers(init.headers);
  if (entry) headers.set('If-None-Match', entry.etag);
  const res: CachedResponse = await fetch(url, { ...init, headers });
  if (res.status === 304 && entry) {
    res.cachedBody = entry.body;
    return res;
  }
  const etag = res.headers.get('etag');
  // A copy is read for the cache; the response itself is the caller's to read.
  if (res.ok && etag) entries.set(url, { etag, body: await res.clone().json() });
  return res;
}
