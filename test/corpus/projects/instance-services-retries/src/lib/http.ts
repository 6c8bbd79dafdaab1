export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Throws for a non-2xx response and gives the response back. Only looks at the status. */
export function ensureOk(res: Response): Response {
  if (!res.ok) throw new HttpError(res.status);
  return res;
}

/** The same check, releasing the body before it throws. */
export async function ensureOkReleasing(res: Response): Promise<Response> {
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(res.status);
  }
  return res;
}

export async function fetchWithTimeout(
  url: string,
  { fetchImpl = fetch, ms = 4000 }: { fetchImpl?: typeof fetch; ms?: number } = {},
): Promise<Response> {
  return await fetchImpl(url, { signal: AbortSignal.timeout(ms) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchWithRetry(url: string, options: RequestInit = {}, retries = 3): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, options); // expect: no-unconsumed-body
    if (res.status === 503 && attempt < retries) {
      await sleep(2 ** attempt * 100);
      continue;
    }
    return res;
  }
}

export async function fetchWithRetryReleasing(url: string, options: RequestInit = {}, retries = 3): Promise<Response> {
  let attempt = 0;
  while (true) {
    const res = await fetch(url, options);
    if (res.status === 503 && attempt++ < retries) {
      await res.body?.cancel();
      await sleep(2 ** attempt * 100);
      continue;
    }
    return res;
  }
}

export default class Http {
  static post(url: string, body: unknown): Promise<Response> {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
}
