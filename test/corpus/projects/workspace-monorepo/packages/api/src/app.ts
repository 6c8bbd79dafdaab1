import https from 'node:https';
import express from 'express';
import { createKeepAliveAgent, fetchWithTimeout, sharedAgent } from '@acme/http-utils';

const ORDERS = process.env.ORDERS_URL ?? 'https://orders.internal.example.com';
const BILLING = process.env.BILLING_URL ?? 'https://billing.internal.example.com';
const WEBHOOK_URL = process.env.WEBHOOK_URL ?? 'https://hooks.example.com/orders';

export const app = express();
app.use(express.json());

app.post('/orders/:id/notify', async (req, res) => {
  const payload = JSON.stringify({ orderId: req.params.id, ...req.body });
  const hook = await fetchWithTimeout(WEBHOOK_URL, { method: 'POST', body: payload, timeoutMs: 3_000 }); // expect: no-unconsumed-body
  res.status(hook.ok ? 204 : 502).end();
});

app.get('/orders/:id', async (req, res) => {
  const order = await fetchWithTimeout(`${ORDERS}/orders/${encodeURIComponent(req.params.id)}`, { timeoutMs: 2_000 });
  if (!order.ok) {
    await order.body?.cancel();
    res.sendStatus(order.status);
    return;
  }
  res.json(await order.json());
});

app.get('/invoices/:id.pdf', (req, res, next) => {
  const agent = createKeepAliveAgent(); // expect: no-client-per-request
  https.get(`${BILLING}/invoices/${encodeURIComponent(req.params.id)}.pdf`, { agent }, (pdf) => pdf.pipe(res)).on('error', next);
});

app.get('/receipts/:id.pdf', (req, res, next) => {
  https.get(`${BILLING}/receipts/${encodeURIComponent(req.params.id)}.pdf`, { agent: sharedAgent }, (pdf) => pdf.pipe(res)).on('error', next);
});

app.listen(3000);
