import { Pool } from 'undici';

export function createUpstreamPool(origin: string): Pool {
  return new Pool(origin, { connections: 8, keepAliveTimeout: 10_000 });
}

const pools = new Map<string, Pool>();

/** One pool per upstream origin for the life of the process. */
export function upstreamPool(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = createUpstreamPool(origin);
    pools.set(origin, pool);
  }
  return pool;
}
