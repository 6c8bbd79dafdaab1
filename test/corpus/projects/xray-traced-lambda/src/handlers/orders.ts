import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import * as Sentry from '@sentry/serverless';
import type { SQSEvent } from 'aws-lambda';
import { captureAWSv3Client } from '../tracing';

Sentry.AWSLambda.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.1 });

export const handler = Sentry.AWSLambda.wrapHandler(async (event: SQSEvent) => {
  const dynamo = captureAWSv3Client(new DynamoDBClient({})); // expect: no-client-per-request
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as { id: string; total: number };
    await dynamo.send(
      new PutItemCommand({ TableName: 'orders', Item: { id: { S: order.id }, total: { N: String(order.total) } } }),
    );
  }
});
