/**
 * no-client-per-request on Azure Service Bus and Event Hubs clients: each `new ServiceBusClient()`,
 * `new EventHubProducerClient()`, `new EventHubConsumerClient()` or `new
 * EventHubBufferedProducerClient()` opens its own AMQP connection (TCP+TLS, then AMQP and CBS
 * auth), so building one per request connects per request. Senders and receivers created from a
 * client (`client.createSender(queue)`) share its connection and are no constructions.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();

ruleTester.run('no-client-per-request (Azure Service Bus and Event Hubs clients)', rule as never, {
  valid: [
    // One client per process; a sender per request shares its connection.
    `import { ServiceBusClient } from '@azure/service-bus';
import express from 'express';
const bus = new ServiceBusClient(process.env.SB_CONNECTION!);
const app = express();
app.post('/jobs', async (req, res) => {
  const sender = bus.createSender('jobs');
  await sender.sendMessages({ body: req.body });
  res.sendStatus(202);
});`,
    // Built lazily, once.
    `import { EventHubProducerClient } from '@azure/event-hubs';
let producer: EventHubProducerClient | undefined;
export const handler = async (event: { records: unknown[] }) => {
  producer ??= new EventHubProducerClient(process.env.EH_CONNECTION!, 'events');
  await producer.sendBatch(event.records.map((body) => ({ body })));
};`,
    // A class of the same name from another package is not the Azure client.
    `import { ServiceBusClient } from './fake-bus';
export const handler = async () => {
  const bus = new ServiceBusClient('x');
  await bus.send('y');
};`,
  ],
  invalid: [
    {
      code: `import { ServiceBusClient } from '@azure/service-bus';
import express from 'express';
const app = express();
app.post('/jobs', async (req, res) => {
  const bus = new ServiceBusClient(process.env.SB_CONNECTION!);
  await bus.createSender('jobs').sendMessages({ body: req.body });
  res.sendStatus(202);
});`,
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          column: 15,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { ServiceBusClient } from '@azure/service-bus';
import express from 'express';
const sharedServiceBusClient = new ServiceBusClient(process.env.SB_CONNECTION!);

const app = express();
app.post('/jobs', async (req, res) => {
  const bus = sharedServiceBusClient;
  await bus.createSender('jobs').sendMessages({ body: req.body });
  res.sendStatus(202);
});`,
            },
          ],
        },
      ],
    },
    // Closed after use: still a new AMQP connection per event, and no hoist (the shared one would be closed).
    {
      code: `import { EventHubProducerClient, EventHubConsumerClient } from '@azure/event-hubs';
export const handler = async (event: { records: unknown[] }) => {
  const producer = new EventHubProducerClient(process.env.EH_CONNECTION!, 'events');
  await producer.sendBatch(event.records.map((body) => ({ body })));
  await producer.close();
};
export async function peek(group: string) {
  const consumer = new EventHubConsumerClient(group, process.env.EH_CONNECTION!, 'events');
  return consumer.getPartitionIds();
}`,
      errors: [
        { messageId: 'poolPerRequest', line: 3, column: 20, suggestions: [] },
        { messageId: 'poolPerRequest', line: 8, column: 20 },
      ],
    },
  ],
});
