import { Kafka } from 'kafkajs';
import { FraudScore } from '../services/fraud-score';
import { GeoService } from '../services/geo-service';

interface Order {
  id: string;
  ip: string;
  total: number;
}

const kafka = new Kafka({ clientId: 'orders-enricher', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });
const consumer = kafka.consumer({ groupId: 'orders-enricher' });
const producer = kafka.producer();

export async function start(): Promise<void> {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: 'orders', fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(message.value?.toString() ?? '{}') as Order;
      const geo = new GeoService(); // expect: no-client-per-request
      const fraud = new FraudScore(process.env.FRAUD_URL ?? 'https://fraud.example.com');
      try {
        const [location, score] = await Promise.all([geo.locate(order.ip), fraud.score(order)]);
        await producer.send({ topic: 'orders.enriched', messages: [{ key: order.id, value: JSON.stringify({ ...order, location, score }) }] });
      } finally {
        await geo.close();
      }
    },
  });
}
