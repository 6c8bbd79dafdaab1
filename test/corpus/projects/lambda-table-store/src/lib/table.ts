import { DynamoDBClient, QueryCommand, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

export type TableTarget = DynamoDBClient | DynamoDBClientConfig;

export const connectTable = (target: TableTarget) =>
  target instanceof DynamoDBClient ? target : new DynamoDBClient(target);

export const createStore = (conf: TableTarget, ctx: { table: string }) => {
  const client = connectTable(conf);
  return {
    list: async (partition: string) =>
      client.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: partition } },
        }),
      ),
  };
};
