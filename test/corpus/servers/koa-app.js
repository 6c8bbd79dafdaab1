import Koa from 'koa';
import Router from '@koa/router';
import got from 'got';

const app = new Koa();
const router = new Router();

const search = got.extend({ prefixUrl: 'https://search.example.com', timeout: { request: 3_000 } });

router.get('/search', async (ctx) => {
  ctx.body = await search.get('query', { searchParams: { q: ctx.query.q } }).json();
});

router.get('/profile', async (ctx) => {
  // literal configuration rebuilt on every request
  const profiles = got.extend({ prefixUrl: 'https://profiles.example.com', responseType: 'json' }); // expect: no-client-per-request
  ctx.body = await profiles.get(`users/${ctx.state.userId}`).json();
});

router.get('/feed', async (ctx) => {
  // per-user credentials: a wrapper built from the request is fine
  const feed = got.extend({
    prefixUrl: 'https://feed.example.com',
    headers: { authorization: ctx.get('authorization') },
  });
  ctx.body = await feed.get('latest').json();
});

app.use(async (ctx, next) => {
  const started = Date.now();
  await next();
  ctx.res.setHeader('x-response-time', `${Date.now() - started}ms`);
});

app.use(router.routes());
app.listen(3000);
