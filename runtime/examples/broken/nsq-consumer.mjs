// An NSQ consumer that forwards every message to an HTTPS endpoint, written the way the incident's
// consumer was. It passes a test with ten messages and falls over in production: each message pays a
// new TCP connection and TLS handshake, responses are left unread so their sockets stay pinned, the
// consumer falls behind, messages time out in flight and nsqd logs E_FIN_FAILED for the late FINs.
// `npm run demo` lints this file; ../correct/nsq-consumer.mjs is the same consumer done right.
//
//   NSQD_TCP_ADDRESS=127.0.0.1:4150 ENDPOINT=https://127.0.0.1:8443/events CA_FILE=ca.pem \
//     node runtime/examples/broken/nsq-consumer.mjs
import { readFileSync } from 'node:fs';
import nsq from 'nsqjs';
import { Agent, fetch } from 'undici';

const endpoint = process.env.ENDPOINT ?? 'https://127.0.0.1:8443/events';
const ca = process.env.CA_FILE ? readFileSync(process.env.CA_FILE) : undefined;

const reader = new nsq.Reader(process.env.TOPIC ?? 'orders', 'https-forwarder', {
  nsqdTCPAddresses: [process.env.NSQD_TCP_ADDRESS ?? '127.0.0.1:4150'],
  maxInFlight: 16,
});

reader.on('message', async (message) => {
  try {
    // "Each message gets its own client so one bad request cannot affect another."
    const dispatcher = new Agent({ connect: { ca } });
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
      body: message.body,
      dispatcher,
    });
    if (!res.ok) throw new Error(`POST ${endpoint} answered ${res.status}`);
    message.finish();
  } catch (error) {
    console.error(`message ${message.id}: ${error.message}`);
    message.requeue(1000);
  }
});

reader.on('error', (error) => console.error(`nsq: ${error.message}`));
reader.connect();
