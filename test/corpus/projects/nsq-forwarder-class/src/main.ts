import nsq from 'nsqjs';
import { Forwarder } from './forwarder';

const forwarder = new Forwarder(process.env.SINK_URL ?? 'https://sink.example.com/ingest');

const reader = new nsq.Reader('events', 'http-forwarder', {
  nsqdTCPAddresses: [process.env.NSQD_ADDRESS ?? '127.0.0.1:4150'],
  maxInFlight: 16,
});

reader.on('message', async (msg) => {
  try {
    const res = await forwarder.post(msg.body); // expect: no-unconsumed-body
    if (res.status >= 500) {
      msg.requeue(10_000);
      return;
    }
    msg.finish();
  } catch {
    msg.requeue(10_000);
  }
});

reader.on('discard', (msg) => msg.finish());
reader.on('error', (err) => console.error('nsq', err));
reader.connect();
