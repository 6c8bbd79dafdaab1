import { Pool } from 'undici';

/** One connection pool to the search cluster for the whole process. */
export class SearchClient {
  private readonly pool = new Pool(process.env.SEARCH_URL ?? 'http://search.internal:9200', { connections: 16 });

  query(index: string, body: unknown) {
    return this.pool.request({
      path: `/${index}/_search`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
