import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { datadog } from 'datadog-lambda-js';
import { captureAWSv3Client } from '../tracing';

async function recordPayment(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const sqs = captureAWSv3Client(new SQSClient({ region: 'eu-west-1' })); // expect: no-client-per-request
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.PAYMENTS_QUEUE_URL, MessageBody: event.body ?? '{}' }));
  return { statusCode: 202, body: '' };
}

export const handler = datadog(recordPayment);
