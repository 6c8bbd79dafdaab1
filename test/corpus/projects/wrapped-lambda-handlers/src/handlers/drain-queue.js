import { DeleteMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { logger } from '../lib/logger.js';

async function drainQueue(event) {
  const sqs = new SQSClient({ region: process.env.AWS_REGION }); // expect: no-client-per-request
  const entries = event.Records.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle }));
  const result = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: process.env.DEAD_LETTER_URL, Entries: entries }));
  logger.info({ deleted: result.Successful?.length ?? 0 }, 'dead letters removed');
}

export { drainQueue as handler };
