// Wrappers picked at run time; the call sites must still read what they get.
const API = 'https://pricing.example.com';

async function fetchNoCache(path: string): Promise<Response> {
  return fetch(`${API}${path}`, { cache: 'no-store', headers: { 'cache-control': 'no-cache' } });
}

async function fetchCached(path: string): Promise<Response> {
  return fetch(`${API}${path}`);
}

export async function price(sku: string, noCache: boolean): Promise<number | undefined> {
  const get = noCache ? fetchNoCache : fetchCached;
  const res = await get(`/prices/${sku}`); // expect: no-unconsumed-body
  if (res.status !== 200) return undefined;
  const { amount } = (await res.json()) as { amount: number };
  return amount;
}

export async function priceList(): Promise<unknown[]> {
  const res = await fetchCached('/prices');
  try {
    if (!res.ok) throw new Error(`pricing answered ${res.status}`);
    return (await res.json()) as unknown[];
  } finally {
    if (!res.bodyUsed) await res.body?.cancel();
  }
}

export async function ping(): Promise<boolean> {
  const res = await fetchNoCache('/healthz'); // expect: no-unconsumed-body
  return res.ok;
}
