import * as Sentry from '@sentry/serverless';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStore } from '../lib/table';

const dynamo = new DynamoDBClient({});
const audit = createStore({ region: 'eu-west-1' }, { table: 'audit' });

export const handler = Sentry.AWSLambda.wrapHandler(async (event: { customerId: string }) => {
  const region = process.env.AWS_REGION;
  const orders = createStore({ region }, { table: 'orders' }); // expect: no-client-per-request
  const invoices = createStore(dynamo, { table: 'invoices' });
  await audit.list(event.customerId);
  const [found, billed] = await Promise.all([orders.list(event.customerId), invoices.list(event.customerId)]);
  return { orders: found.Items ?? [], invoices: billed.Items ?? [] };
});
