// The consumer from ../broken/nsq-consumer.mjs done right: one keep-alive connection pool for the
// whole process, sized to max-in-flight, and every response body read to the end (or cancelled)
// so its connection goes back to the pool. 16 messages in flight need at most 16 connections,
// whatever the message rate. (The full forwarder, with retries, backoff, TOUCH and a dead-letter
// topic, is runtime/src/; this file shows only the connection handling.)
//
//   NSQD_TCP_ADDRESS=127.0.0.1:4150 ENDPOINT=https://127.0.0.1:8443/events CA_FILE=ca.pem \
//     node runtime/examples/correct/nsq-consumer.mjs
import { readFileSync } from 'node:fs';
import nsq from 'nsqjs';
import { Agent, fetch } from 'undici';

const endpoint = process.env.ENDPOINT ?? 'https://127.0.0.1:8443/events';
const ca = process.env.CA_FILE ? readFileSync(process.env.CA_FILE) : undefined;
const maxInFlight = 16;

// One pool for the process: connections are opened once and reused for every message.
const dispatcher = new Agent({ connections: maxInFlight, connect: { ca } });

const reader = new nsq.Reader(process.env.TOPIC ?? 'orders', 'https-forwarder', {
  nsqdTCPAddresses: [process.env.NSQD_TCP_ADDRESS ?? '127.0.0.1:4150'],
  maxInFlight,
});

reader.on('message', async (message) => {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
      body: message.body,
      dispatcher,
    });
    // Read the body whatever the status, so the connection is free for the next message.
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`POST ${endpoint} answered ${res.status}`);
    message.finish();
  } catch (error) {
    console.error(`message ${message.id}: ${error.message}`);
    message.requeue(1000);
  }
});

reader.on('error', (error) => console.error(`nsq: ${error.message}`));
reader.on('discard', (message) => message.finish());
reader.connect();

process.once('SIGTERM', () => {
  reader.close();
  void dispatcher.close();
});
