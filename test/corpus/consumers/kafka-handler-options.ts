import https from 'node:https';
import { Kafka, type EachBatchPayload, type EachMessagePayload } from 'kafkajs';
import { Agent, Pool, request, type Dispatcher } from 'undici';

interface Payout {
  id: string;
  tenant: string;
  cents: number;
}

const kafka = new Kafka({ clientId: 'billing', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });
const invoices = kafka.consumer({ groupId: 'invoice-renderer' });
const payouts = kafka.consumer({ groupId: 'payout-sender' });
const ledger = new Pool('https://ledger.internal.example.com', { connections: 8 });

const tenantDispatchers = new Map<string, Dispatcher>();

/** One dispatcher per tenant (each has its own client certificate), kept for the process. */
function dispatcherFor(tenant: string): Dispatcher {
  let dispatcher = tenantDispatchers.get(tenant);
  if (!dispatcher) {
    dispatcher = new Agent({ connect: { servername: `${tenant}.ledger.example.com` } });
    tenantDispatchers.set(tenant, dispatcher);
  }
  return dispatcher;
}

async function render(dispatcher: Dispatcher, invoice: Buffer): Promise<void> {
  const { body } = await request('https://invoices.internal.example.com/render', { method: 'POST', body: invoice, dispatcher });
  await body.dump();
}

async function eachMessage({ message }: EachMessagePayload): Promise<void> {
  const dispatcher = new Agent({ connections: 2 }); // expect: no-client-per-request
  await render(dispatcher, message.value ?? Buffer.alloc(0));
  const { body } = await ledger.request({ path: '/invoices', method: 'POST', body: message.value ?? '' });
  await body.dump();
}

async function postPayout(agent: https.Agent, payout: Payout): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = https.request('https://payouts.example.com/v1/payouts', { method: 'POST', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(JSON.stringify(payout));
  });
}

class PayoutSender {
  async send(payout: Payout): Promise<void> {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 2 }); // expect: no-client-per-request
    await postPayout(agent, payout);
    const { body } = await request('https://ledger.internal.example.com/payouts', {
      method: 'POST',
      body: JSON.stringify(payout),
      dispatcher: dispatcherFor(payout.tenant),
    });
    await body.dump();
  }
}

async function handlePayoutBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload): Promise<void> {
  for (const message of batch.messages) {
    await new PayoutSender().send(JSON.parse(message.value?.toString() ?? '{}') as Payout);
    resolveOffset(message.offset);
    await heartbeat();
  }
}

export async function start(): Promise<void> {
  await invoices.connect();
  await invoices.subscribe({ topic: 'invoices' });
  await invoices.run({ eachMessage });
  await payouts.connect();
  await payouts.subscribe({ topic: 'payouts' });
  await payouts.run({ eachBatch: handlePayoutBatch, eachBatchAutoResolve: false });
}
