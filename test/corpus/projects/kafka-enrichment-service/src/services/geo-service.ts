import { Pool } from 'undici';

export interface GeoLocation {
  country: string;
  city: string;
}

/** IP geolocation over a small keep-alive pool. */
export class GeoService {
  private readonly pool = new Pool(process.env.GEO_ORIGIN ?? 'https://geo.internal.example.com', { connections: 4 });

  async locate(ip: string): Promise<GeoLocation | null> {
    const { statusCode, body } = await this.pool.request({ path: `/v1/ip/${encodeURIComponent(ip)}`, method: 'GET' });
    if (statusCode === 404) {
      await body.dump();
      return null;
    }
    return (await body.json()) as GeoLocation;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
