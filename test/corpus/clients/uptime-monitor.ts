import { type Got } from 'got';
import type { AxiosInstance } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
import express from 'express';
import Stripe from 'stripe';
import { readSecret } from './secrets';

interface Check {
  readonly url: string;
  readonly insecure: boolean;
}

/** Runs every uptime check through the got instance the app configured. */
export class HttpMonitor {
  private readonly pooledAgent = new HttpsAgent({ keepAlive: true });

  constructor(private readonly got: Got, private readonly http: AxiosInstance) {}

  async check(check: Check): Promise<number> {
    const options: Record<string, unknown> = { throwHttpErrors: false };
    options.agent = { https: new HttpsAgent({ keepAlive: true, rejectUnauthorized: !check.insecure }) }; // expect: no-client-per-request
    return this.send(this.got, check.url, options);
  }

  async checkPooled(check: Check): Promise<number> {
    return this.send(this.got, check.url, { throwHttpErrors: false, agent: { https: this.pooledAgent } });
  }

  async ping(url: string): Promise<number> {
    const res = await this.http.get(url, { httpsAgent: new HttpsAgent({ keepAlive: true }) }); // expect: no-client-per-request
    return res.status;
  }

  /** `extend` keeps the agent in a new instance: built once per monitor, not per check. */
  forTenant(ca: string): Got {
    return this.got.extend({ agent: { https: new HttpsAgent({ keepAlive: true, ca }) } });
  }

  private async send(client: Got, url: string, options: Record<string, unknown>): Promise<number> {
    const response = await client(url, options);
    return response.statusCode;
  }
}

const app = express();

app.post('/billing/charge', async (req, res) => {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is missing');
  const stripe = new Stripe(key); // expect: no-client-per-request
  res.json(await stripe.paymentIntents.create({ amount: req.body.amount, currency: 'eur' }));
});

app.post('/billing/connect', async (req, res) => {
  // A per-account key from the secret store: one client per request is the point.
  const key = await readSecret(`stripe/${req.body.account}`);
  const stripe = new Stripe(key);
  res.json(await stripe.accounts.retrieve());
});

export default app;
