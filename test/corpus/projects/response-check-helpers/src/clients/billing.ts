import { drain } from '../lib/drain';
import { assertOk, readJson, UpstreamError } from '../lib/responses';

const BILLING = process.env.BILLING_URL ?? 'https://billing.internal.example.com';
const headers = { 'content-type': 'application/json', authorization: `Bearer ${process.env.BILLING_TOKEN ?? ''}` };

export interface Invoice {
  id: string;
  total: number;
}

export interface Balance {
  customerId: string;
  cents: number;
}

export async function chargeCustomer(customerId: string, cents: number): Promise<number> {
  const res = await fetch(`${BILLING}/charges`, { method: 'POST', headers, body: JSON.stringify({ customerId, cents }) }); // expect: no-unconsumed-body
  assertOk(res, 'charge');
  return res.status;
}

export async function getInvoice(id: string): Promise<Invoice> {
  const res = await fetch(`${BILLING}/invoices/${encodeURIComponent(id)}`, { headers }); // expect: no-unconsumed-body
  assertOk(res, 'invoice');
  return (await res.json()) as Invoice;
}

export async function refund(chargeId: string): Promise<void> {
  const res = await fetch(`${BILLING}/charges/${encodeURIComponent(chargeId)}/refund`, { method: 'POST', headers });
  if (!res.ok) {
    await drain(res);
    throw new UpstreamError('refund', res.status);
  }
  await drain(res);
}

export async function getBalance(customerId: string): Promise<Balance> {
  const res = await fetch(`${BILLING}/customers/${encodeURIComponent(customerId)}/balance`, { headers });
  return readJson<Balance>(res, 'balance');
}

export async function isBillingUp(): Promise<boolean> {
  const res = await fetch(`${BILLING}/ping`);
  await drain(res);
  return res.ok;
}
