export interface TimeoutInit extends RequestInit {
  timeoutMs?: number;
}

/** `fetch` with a deadline. Returns the response untouched: read or cancel its body. */
export async function fetchWithTimeout(url: string | URL, init: TimeoutInit = {}): Promise<Response> {
  const { timeoutMs = 10_000, ...rest } = init;
  return fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
}
