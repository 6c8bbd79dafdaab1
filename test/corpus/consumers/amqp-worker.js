'use strict';
const amqp = require('amqplib');
const https = require('https');
const { Agent } = require('undici');

const sharedDispatcher = new Agent({ connections: 8 });

async function deliver(url, payload, dispatcher) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(payload), dispatcher });
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook ${res.status}: ${text}`);
  return text;
}

async function start() {
  const connection = await amqp.connect('amqp://127.0.0.1');
  const channel = await connection.createChannel();
  await channel.assertQueue('webhooks', { durable: true });
  await channel.prefetch(8);

  channel.consume('webhooks', async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString());
    const agent = new https.Agent({ keepAlive: true, cert: job.clientCert, key: job.clientKey }); // expect: no-client-per-request
    try {
      await deliver(job.url, job.payload, sharedDispatcher);
      https.get(job.pingUrl, { agent }, (res) => res.resume());
      channel.ack(msg);
    } catch (error) {
      console.error(error.message);
      channel.nack(msg, false, job.attempts < 5);
    }
  });
}

start().catch((error) => {
  console.error(error);
  process.exit(1);
});
