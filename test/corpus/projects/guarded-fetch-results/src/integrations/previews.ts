import { guardedFetch } from '../lib/guarded-fetch';

export interface Preview {
  url: string;
  title: string;
}

/** Link previews for chat messages: one fetch per link a user posts. */
export async function previewFor(link: string): Promise<Preview | null> {
  const { response, finalUrl } = await guardedFetch(link, { headers: { accept: 'text/html' } }); // expect: no-unconsumed-body
  if (!response.ok) return null;
  const html = await response.text();
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? finalUrl;
  return { url: finalUrl, title };
}

/** Checks that a webhook URL a customer registered answers at all. */
export async function webhookAnswers(url: string): Promise<boolean> {
  const result = await guardedFetch(url, { method: 'POST', body: '{}' }); // expect: no-unconsumed-body
  if (result.response.status >= 500) throw new Error(`webhook ${url} is failing (${result.response.status})`);
  return true;
}

/** Reads the body on every path before looking at anything else. */
export async function fetchManifest(url: string): Promise<unknown> {
  const { response } = await guardedFetch(url);
  const text = await response.text();
  if (!response.ok) throw new Error(`manifest ${url}: HTTP ${response.status}: ${text.slice(0, 100)}`);
  return JSON.parse(text);
}

/** Cancels the body when it is not wanted. */
export async function isReachable(url: string): Promise<boolean> {
  const { response } = await guardedFetch(url, { method: 'HEAD' });
  await response.body?.cancel();
  return response.ok;
}
