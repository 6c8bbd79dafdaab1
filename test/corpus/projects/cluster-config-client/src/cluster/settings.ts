import { fetchCached } from '../http/etag-cache';

export class SettingsClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  async get(key: string): Promise<unknown> {
    const res = await fetchCached(`${this.baseUrl}/settings/${key}`, { // expect: no-unconsumed-body
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (res.status === 401) throw new Error('settings: token rejected');
    if (res.cachedBody !== undefined) return res.cachedBody;
    if (res.status === 404) return undefined;
    return res.json();
  }

  async all(): Promise<Record<string, unknown>> {
    const res = await fetchCached(`${this.baseUrl}/settings`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (res.status === 401) {
      await res.body?.cancel();
      throw new Error('settings: token rejected');
    }
    if (res.cachedBody !== undefined) return res.cachedBody as Record<string, unknown>;
    return (await res.json()) as Record<string, unknown>;
  }
}
