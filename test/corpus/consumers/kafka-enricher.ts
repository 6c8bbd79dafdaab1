import { Kafka } from 'kafkajs';
import axios from 'axios';
import { Pool } from 'undici';

const kafka = new Kafka({ clientId: 'enricher', brokers: ['127.0.0.1:9092'] });
const consumer = kafka.consumer({ groupId: 'enricher' });
const producer = kafka.producer();

const geo = axios.create({ baseURL: 'https://geo.example.com', timeout: 2_000 });

interface Order {
  id: string;
  ip: string;
  customerToken: string;
}

export async function run(): Promise<void> {
  await consumer.connect();
  await producer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(String(message.value)) as Order;
      // rebuilt for every message although nothing in it depends on the message
      const risk = axios.create({ baseURL: 'https://risk.example.com', timeout: 5_000 }); // expect: no-client-per-request
      // configured from the message: fine
      const account = axios.create({
        baseURL: 'https://accounts.example.com',
        headers: { authorization: `Bearer ${order.customerToken}` },
      });
      const [{ data: location }, { data: score }, { data: owner }] = await Promise.all([
        geo.get(`/lookup/${order.ip}`),
        risk.post('/score', order),
        account.get('/me'),
      ]);
      await producer.send({
        topic: 'orders.enriched',
        messages: [{ key: order.id, value: JSON.stringify({ ...order, location, score, owner }) }],
      });
    },
    eachBatch: async ({ batch, resolveOffset }) => {
      const pool = new Pool('https://audit.example.com', { connections: 4 }); // expect: no-client-per-request
      for (const message of batch.messages) {
        const { body } = await pool.request({ path: '/audit', method: 'POST', body: message.value ?? '' });
        await body.dump();
        resolveOffset(message.offset);
      }
    },
  });
}
