import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

let client: DynamoDBClient | undefined;

export function getDynamo(): DynamoDBClient {
  client ??= new DynamoDBClient({ endpoint: process.env.DYNAMO_ENDPOINT });
  return client;
}
