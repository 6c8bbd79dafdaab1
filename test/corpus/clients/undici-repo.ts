import { Pool, request } from 'undici';

const pool = new Pool('https://storage.example.com', { connections: 16, pipelining: 1 });
const legacyPool = new Pool('https://legacy.example.com', { pipelining: 0 }); // expect: no-disabled-keepalive

export async function getObject(key: string): Promise<Buffer | null> {
  const { statusCode, body } = await pool.request({ path: `/objects/${key}`, method: 'GET' });
  if (statusCode === 404) {
    await body.dump();
    return null;
  }
  return Buffer.from(await body.arrayBuffer());
}

export async function objectExists(key: string): Promise<boolean> {
  const { statusCode } = await pool.request({ path: `/objects/${key}`, method: 'HEAD' });
  return statusCode === 200;
}

export async function legacyStatus(): Promise<string> {
  const { body } = await legacyPool.request({ path: '/status', method: 'GET' });
  return body.text();
}

export async function deleteObject(key: string): Promise<void> {
  const { statusCode, body } = await request(`https://storage.example.com/objects/${key}`, { method: 'DELETE' }); // expect: no-unconsumed-body
  if (statusCode >= 300) {
    throw new Error(`delete failed: ${statusCode}`);
  }
  await body.dump();
}

export async function copyObject(from: string, to: string): Promise<void> {
  const { statusCode, body } = await request(`https://storage.example.com/objects/${from}/copy`, {
    method: 'POST',
    body: JSON.stringify({ to }),
  });
  const text = await body.text();
  if (statusCode >= 300) throw new Error(`copy failed: ${statusCode} ${text}`);
}
