import http from 'node:http';
import { once } from 'node:events';

const CALLBACK_HOST = process.env.CALLBACK_HOST ?? 'callbacks.example.com';

async function acknowledge(id: string): Promise<void> {
  const req = http.request({ host: CALLBACK_HOST, path: `/ack/${id}`, method: 'POST' });
  req.end();
  const [res] = await once(req, 'response'); // expect: no-unconsumed-body
  if (res.statusCode >= 400) {
    throw new Error(`ack failed with ${res.statusCode}`);
  }
  res.resume();
}

async function acknowledgeAll(ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const req = http.request({ host: CALLBACK_HOST, path: `/ack/${id}`, method: 'POST' });
    req.end();
    const [res] = await once(req, 'response');
    res.resume();
    if (res.statusCode >= 400) throw new Error(`ack failed with ${res.statusCode}`);
  }
}

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; related?: string[] };
  try {
    await acknowledge(event.id);
    if (event.related) await acknowledgeAll(event.related);
    res.writeHead(204).end();
  } catch {
    res.writeHead(502).end();
  }
});

server.listen(9000);
