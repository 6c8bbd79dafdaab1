import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

// one client per Lambda container, reused by every invocation
export const dynamo = new DynamoDBClient({});
