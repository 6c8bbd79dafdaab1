'use strict';
const { DeleteMessageCommand, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { createSqs } = require('./lib/aws');
const { sendWebhook } = require('./lib/webhook');

const QUEUE_URL = process.env.QUEUE_URL;
const TARGET = process.env.WEBHOOK_URL;
const AUDIT_URL = process.env.AUDIT_URL;

let running = true;
process.on('SIGTERM', () => {
  running = false;
});

async function pollForever() {
  while (running) {
    const sqs = createSqs(); // expect: no-client-per-request
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, WaitTimeSeconds: 20 }));
    for (const message of Messages) {
      const { statusCode } = await sendWebhook(TARGET, JSON.parse(message.Body)); // expect: no-unconsumed-body
      if (statusCode < 300) {
        await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
        await sendWebhook(AUDIT_URL, { type: 'delivered', id: message.MessageId }); // expect: no-unconsumed-body
      }
    }
  }
}

pollForever().catch((err) => {
  console.error(err);
  process.exit(1);
});
