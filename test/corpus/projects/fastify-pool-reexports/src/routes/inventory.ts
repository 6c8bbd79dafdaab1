import type { FastifyInstance } from 'fastify';
import { discardBody, makePool, upstreamPool } from '../http';

const INVENTORY = process.env.INVENTORY_ORIGIN ?? 'https://inventory.internal.example.com';

export async function inventoryRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get<{ Params: { sku: string } }>('/inventory/:sku', async (request, reply) => {
    const pool = makePool(INVENTORY); // expect: no-client-per-request
    const { statusCode, body } = await pool.request({ path: `/v2/stock/${request.params.sku}`, method: 'GET' });
    if (statusCode !== 200) {
      await discardBody(body);
      return reply.code(502).send({ error: 'inventory unavailable' });
    }
    return body.json();
  });

  fastify.get<{ Params: { sku: string } }>('/inventory/:sku/reservations', async (request, reply) => {
    const { statusCode, body } = await upstreamPool(INVENTORY).request({
      path: `/v2/reservations?sku=${encodeURIComponent(request.params.sku)}`,
      method: 'GET',
    });
    if (statusCode === 404) {
      await discardBody(body);
      return reply.code(404).send();
    }
    return body.json();
  });
}
