import https from 'node:https';
import { Client } from 'undici';
import { readFile } from 'node:fs/promises';

interface Row {
  id: string;
  origin: string;
  payload: unknown;
}

const importAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });

export async function importRows(file: string): Promise<number> {
  const rows = JSON.parse(await readFile(file, 'utf8')) as Row[];
  const statuses = await Promise.all(
    rows.map(async (row) => {
      const client = new Client(row.origin); // expect: no-client-per-request
      try {
        const { statusCode, body } = await client.request({ path: `/rows/${row.id}`, method: 'PUT', body: JSON.stringify(row.payload) });
        await body.dump();
        return statusCode;
      } finally {
        await client.close();
      }
    }),
  );
  return statuses.filter((status) => status < 300).length;
}

export async function mirror(urls: readonly string[]): Promise<void> {
  let index = 0;
  while (index < urls.length) {
    const url = urls[index++] ?? '';
    const agent = new https.Agent({ keepAlive: true }); // expect: no-client-per-request
    await new Promise<void>((resolve, reject) => {
      https.get(url, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
  }
}

export async function mirrorShared(urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    await new Promise<void>((resolve, reject) => {
      https.get(url, { agent: importAgent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
  }
}
