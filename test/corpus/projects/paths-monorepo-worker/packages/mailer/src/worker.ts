import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sesClient, sqsClient } from '@acme/aws-clients';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

const queueUrl = process.env.MAIL_QUEUE_URL ?? '';
const sqs = sqsClient();

async function deliver(body: string): Promise<void> {
  const mail = JSON.parse(body) as Mail;
  await sesClient().send(
    new SendEmailCommand({
      FromEmailAddress: 'no-reply@example.com',
      Destination: { ToAddresses: [mail.to] },
      Content: { Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.text } } } },
    }),
  );
}

async function acknowledge(receiptHandle: string): Promise<void> {
  const client = sqsClient(); // expect: no-client-per-request
  await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }));
}

export async function poll(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20, MaxNumberOfMessages: 10 }),
    );
    for (const message of Messages) {
      await deliver(message.Body ?? '{}');
      await acknowledge(message.ReceiptHandle ?? '');
    }
  }
}
