// A Workers-style fetch handler that logs each request in the background.
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

const LOG_URL = process.env.LOG_URL ?? 'https://logs.example.com/ingest';

export async function handle(request: Request, ctx: ExecutionContext): Promise<Response> {
  ctx.waitUntil(fetch(LOG_URL, { method: 'POST', body: request.url })); // expect: no-unconsumed-body
  ctx.waitUntil(fetch(LOG_URL, { method: 'POST', body: 'seen' }).then((logged) => logged.arrayBuffer()));
  return new Response('ok');
}
