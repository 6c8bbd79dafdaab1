import { setTimeout as sleep } from 'node:timers/promises';

const metrics = {
  observe(name: string, ms: number): void {
    console.log(`${name} ${ms.toFixed(1)}ms`);
  },
};

/** Fans one event out to every subscriber. */
export async function broadcast(subscribers: readonly string[], event: object): Promise<void> {
  const body = JSON.stringify(event);
  await Promise.all(subscribers.map((url) => fetch(url, { method: 'POST', body }))); // expect: no-unconsumed-body
}

export async function allHealthy(urls: readonly string[]): Promise<boolean> {
  const responses = await Promise.all(urls.map((url) => fetch(url))); // expect: no-unconsumed-body
  return responses.every((res) => res.ok);
}

export async function loadAll(urls: readonly string[]): Promise<unknown[]> {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}

export async function fetchWithBackoff(url: string, attempts = 4): Promise<Response> {
  let last: Response | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const res = await fetch(url); // expect: no-unconsumed-body
    if (res.status === 429 || res.status >= 500) {
      last = res;
      await sleep(2 ** attempt * 100);
      continue;
    }
    return res;
  }
  throw new Error(`gave up on ${url}: HTTP ${last?.status}`);
}

export async function fetchWithRetry(url: string, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const res = await fetch(url);
    if (res.status < 500 || attempt >= attempts) return res;
    await res.body?.cancel();
    await sleep(attempt * 200);
  }
}

async function request(url: string, fetchImpl: typeof fetch = fetch): Promise<Response> {
  return fetchImpl(url, { headers: { accept: 'application/json' } });
}

export async function loadProfile(id: string): Promise<unknown> {
  const res = await request(`https://profiles.example.com/v1/${encodeURIComponent(id)}`); // expect: no-unconsumed-body
  if (!res.ok) throw new Error(`profile ${id}: HTTP ${res.status}`);
  return res.json();
}

function timedFetch(url: string): Promise<Response> {
  const started = performance.now();
  return fetch(url).finally(() => metrics.observe('upstream', performance.now() - started));
}

export async function upstreamStatus(url: string): Promise<number> {
  const res = await timedFetch(url); // expect: no-unconsumed-body
  return res.status;
}

async function getWithRetry(url: string, attempt = 0): Promise<Response> {
  const res = await fetch(url);
  if (res.status === 503 && attempt < 3) {
    await res.body?.cancel();
    await sleep(250 * (attempt + 1));
    return getWithRetry(url, attempt + 1);
  }
  return res;
}

export async function loadCatalog(): Promise<unknown> {
  const res = await getWithRetry('https://catalog.example.com/items'); // expect: no-unconsumed-body
  if (!res.ok) return null;
  return res.json();
}

export async function loadCatalogOrEmpty(): Promise<unknown> {
  const res = await getWithRetry('https://catalog.example.com/items');
  if (!res.ok) {
    await res.body?.cancel();
    return [];
  }
  return res.json();
}

/** Asks every mirror, keeps the first answer and releases the others. */
export async function firstToAnswer(urls: readonly string[]): Promise<string> {
  const pending = urls.map((url) => fetch(url));
  const winner = await Promise.race(pending);
  for (const response of pending) {
    void response.then(
      (res) => (res === winner ? undefined : res.body?.cancel()),
      () => undefined,
    );
  }
  return winner.text();
}

export async function deleteItem(url: string): Promise<void> {
  const res = await fetch(url, { method: 'DELETE' });
  if (res.status === 204 || res.headers.get('content-length') === '0') return;
  const problem = await res.text();
  if (!res.ok) throw new Error(`delete failed: ${problem}`);
}

export async function sendCommand(url: string, verb: 'PUT' | 'DELETE'): Promise<void> {
  await fetch(url, { method: verb }); // expect: no-unconsumed-body
}
