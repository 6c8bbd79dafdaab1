import { Kafka } from 'kafkajs';
import { GeoService } from '../services/geo-service';

const kafka = new Kafka({ clientId: 'refund-auditor', brokers: ['localhost:9092'] });
const consumer = kafka.consumer({ groupId: 'refund-auditor' });
const geo = new GeoService();

export async function start(): Promise<void> {
  await consumer.connect();
  await consumer.subscribe({ topic: 'refunds' });
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const message of batch.messages) {
        const refund = JSON.parse(message.value?.toString() ?? '{}') as { ip: string };
        const location = await geo.locate(refund.ip);
        if (location && location.country !== 'DE') console.warn('refund from abroad', location);
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
}
