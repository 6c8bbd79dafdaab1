import { assertPublicUrl } from './public-url';

export interface GuardedResult {
  response: Response;
  finalUrl: string;
}

/**
 * Fetches a URL a user gave us, refusing private addresses and following at most three redirects
 * by hand. The caller gets the response inside a result object and must read or cancel its body.
 */
export async function guardedFetch(url: string, init: RequestInit = {}): Promise<GuardedResult> {
  let current = url;
  for (let hop = 0; hop < 4; hop++) {
    await assertPublicUrl(current);
    const response = await fetch(current, { ...init, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current).toString();
      continue;
    }
    return { response, finalUrl: current };
  }
  throw new Error(`too many redirects for ${url}`);
}
