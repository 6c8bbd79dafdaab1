import { api, search } from '../services';
import { ensureOk, ensureOkReleasing, fetchWithRetryReleasing, fetchWithTimeout, HttpError } from '../lib/http';

interface Product {
  id: string;
  name: string;
}

export async function getProduct(id: string): Promise<Product | null> {
  const res = await api.get(`/products/${encodeURIComponent(id)}`); // expect: no-unconsumed-body
  if (res.status === 404) return null;
  return (await res.json()) as Product;
}

export async function getProductSafely(id: string): Promise<Product | null> {
  const res = await api.get(`/products/${encodeURIComponent(id)}`);
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  return (await res.json()) as Product;
}

export async function productName(id: string): Promise<string> {
  const product = await api.getJson<Product>(`/products/${encodeURIComponent(id)}`);
  return product.name;
}

export async function findProducts(text: string): Promise<unknown> {
  const { statusCode, body } = await search.query('products', { query: { match: { name: text } } }); // expect: no-unconsumed-body
  if (statusCode !== 200) throw new Error(`search failed: ${statusCode}`);
  return body.json();
}

export async function findProductsSafely(text: string): Promise<unknown> {
  const { statusCode, body } = await search.query('products', { query: { match: { name: text } } });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`search failed: ${statusCode}`);
  }
  return body.json();
}

export async function getPrice(id: string): Promise<number> {
  const res = await fetchWithRetryReleasing(`https://prices.internal.example.com/${id}`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(res.status);
  }
  const { cents } = (await res.json()) as { cents: number };
  return cents;
}

export async function getStock(id: string): Promise<number> {
  const res = await fetch(`https://stock.internal.example.com/${id}`); // expect: no-unconsumed-body
  ensureOk(res);
  const { count } = (await res.json()) as { count: number };
  return count;
}

export async function getStockSafely(id: string): Promise<number> {
  const res = await fetch(`https://stock.internal.example.com/${id}`);
  const ok = await ensureOkReleasing(res);
  const { count } = (await ok.json()) as { count: number };
  return count;
}

export async function isCatalogUp(): Promise<boolean> {
  const res = await fetchWithTimeout('https://catalog.internal.example.com/health', { ms: 1000 }); // expect: no-unconsumed-body
  return res.ok;
}

export async function isCatalogUpWith(fetchImpl: typeof fetch): Promise<boolean> {
  const res = await fetchWithTimeout('https://catalog.internal.example.com/health', { fetchImpl, ms: 1000 });
  return res.ok;
}
