import Http from '../lib/http';

interface Request {
  body: unknown;
}
interface Reply {
  sendStatus(status: number): void;
}

export async function forwardOrder(req: Request, reply: Reply): Promise<void> {
  await Http.post('https://hooks.example.com/orders', req.body); // expect: no-unconsumed-body
  reply.sendStatus(202);
}

export async function forwardOrderChecked(req: Request, reply: Reply): Promise<void> {
  const upstream = await Http.post('https://hooks.example.com/orders', req.body);
  await upstream.arrayBuffer();
  reply.sendStatus(upstream.ok ? 202 : 502);
}
