const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries 5xx answers; returns the last response to the caller, which reads it. */
export async function fetchWithRetry(url: string, init: RequestInit = {}, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, init);
    if (res.status < 500 || attempt >= attempts) return res;
    await res.body?.cancel();
    await sleep(100 * 2 ** attempt);
  }
}

/** The same loop, but a failed attempt's body is abandoned. */
export async function fetchWithRetryLeaky(url: string, attempts = 3): Promise<Response> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const res = await fetch(url); // expect: no-unconsumed-body
    if (res.ok) return res;
    lastError = new Error(`HTTP ${res.status}`);
    await sleep(100 * 2 ** attempt);
  }
  throw lastError;
}

export async function loadConfig(url: string): Promise<Record<string, unknown>> {
  const res = await fetchWithRetry(url); // expect: no-unconsumed-body
  if (!res.ok) {
    throw new Error(`config service answered ${res.status}`);
  }
  return (await res.json()) as Record<string, unknown>;
}

export async function loadFlags(url: string): Promise<string[]> {
  const res = await fetchWithRetry(url, { headers: { accept: 'application/json' } });
  const flags = (await res.json()) as string[];
  return res.ok ? flags : [];
}
