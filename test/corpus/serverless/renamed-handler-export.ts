import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'undici';

/** A factory: the caller decides how long the pool lives. */
export function createSearchPool(origin: string): Pool {
  return new Pool(origin, { connections: 8 });
}

const search = createSearchPool('https://search.internal.example.com');

async function indexDocuments(event: SQSEvent): Promise<void> {
  const index = new Pool('https://index.internal.example.com', { connections: 2 }); // expect: no-client-per-request
  await Promise.all(
    event.Records.map(async (record) => {
      const { body } = await index.request({ path: '/documents', method: 'POST', body: record.body });
      await body.dump();
    }),
  );
  const { body } = await search.request({ path: '/refresh', method: 'POST' });
  await body.dump();
}

export { indexDocuments as handler };
