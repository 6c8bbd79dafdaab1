import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { sqsClient } from '@acme/aws-clients';

interface Bounce {
  region: string;
  queueUrl: string;
  address: string;
}

const clients = new Map<string, SQSClient>();

/** One client per region, kept for the life of the process. */
function clientFor(region: string): SQSClient {
  let client = clients.get(region);
  if (!client) {
    client = sqsClient(region);
    clients.set(region, client);
  }
  return client;
}

export async function forwardBounces(bounces: readonly Bounce[]): Promise<void> {
  for (const bounce of bounces) {
    await clientFor(bounce.region).send(
      new SendMessageCommand({ QueueUrl: bounce.queueUrl, MessageBody: JSON.stringify({ address: bounce.address }) }),
    );
  }
}
