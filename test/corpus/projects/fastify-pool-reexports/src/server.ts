import Fastify from 'fastify';
import { makePool } from './http';
import { inventoryRoutes } from './routes/inventory';

const app = Fastify({ logger: true });

// one search pool for the whole server, built at start-up
const search = makePool(process.env.SEARCH_ORIGIN ?? 'https://search.internal.example.com');
app.decorate('search', search);

app.addHook('onRequest', async (request, reply) => {
  const auth = makePool('https://auth.internal.example.com'); // expect: no-client-per-request
  const { statusCode, body } = await auth.request({
    path: '/introspect',
    method: 'POST',
    headers: { authorization: request.headers.authorization ?? '' },
  });
  await body.dump();
  if (statusCode !== 200) return reply.code(401).send({ error: 'unauthorised' });
});

app.register(inventoryRoutes, { prefix: '/api' });

app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' }).catch((err) => {
  app.log.error(err);
  process.exit(1);
});
