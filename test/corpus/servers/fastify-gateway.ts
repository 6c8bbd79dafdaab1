import Fastify from 'fastify';
import { Pool, request } from 'undici';

const app = Fastify({ logger: true });

let billing: Pool | undefined;

function billingPool(): Pool {
  billing ??= new Pool('https://billing.example.com', { connections: 32 });
  return billing;
}

app.get('/invoices/:id', async (req, reply) => {
  const { id } = req.params as { id: string };
  const { statusCode, body } = await billingPool().request({ path: `/invoices/${id}`, method: 'GET' });
  if (statusCode === 404) {
    await body.dump();
    return reply.code(404).send({ error: 'not found' });
  }
  return reply.send(await body.json());
});

app.get('/rates', async (req, reply) => {
  const { statusCode, body } = await request('https://fx.example.com/latest'); // expect: no-unconsumed-body
  if (statusCode !== 200) {
    throw new Error(`fx service answered ${statusCode}`);
  }
  return reply.send(await body.json());
});

app.post('/audit', async (req, reply) => {
  const pool = new Pool('https://audit.example.com'); // expect: no-client-per-request
  const { body } = await pool.request({ path: '/events', method: 'POST', body: JSON.stringify(req.body) });
  await body.text();
  return reply.code(202).send();
});

export default app;
