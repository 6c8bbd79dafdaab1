import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { datadog } from 'datadog-lambda-js';
import { captureAWSv3Client } from '../tracing';

// instrumented once per container
const dynamo = captureAWSv3Client(new DynamoDBClient({}));

async function getCustomer(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const id = event.pathParameters?.id ?? '';
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: 'customers', Key: { id: { S: id } } }));
  return Item ? { statusCode: 200, body: JSON.stringify(Item) } : { statusCode: 404, body: '' };
}

export const handler = datadog(getCustomer);
