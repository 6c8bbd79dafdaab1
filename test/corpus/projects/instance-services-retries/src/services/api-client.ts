/** A thin client for the catalog API: callers own the responses of `get` and `post`. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  get(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: { authorization: `Bearer ${this.token}` } });
  }

  post(path: string, body: unknown): Promise<Response> {
    return fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async getJson<T>(path: string): Promise<T> {
    const res = await this.get(path);
    const text = await res.text();
    if (!res.ok) throw new Error(`catalog ${path}: HTTP ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}
