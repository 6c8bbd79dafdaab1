import { CreateTableCommand, DynamoDBClient, ResourceInUseException, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

const ordersTable: CreateTableCommandInput = {
  TableName: 'orders',
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};

const customersTable: CreateTableCommandInput = { ...ordersTable, TableName: 'customers' };

async function createIfMissing(dynamo: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  try {
    await dynamo.send(new CreateTableCommand(input));
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
}

/** Creates the tables the service needs (local DynamoDB in development). Run once at start-up. */
export async function createTables(): Promise<void> {
  const dynamo = new DynamoDBClient({ endpoint: process.env.DYNAMO_ENDPOINT });
  await createIfMissing(dynamo, ordersTable);
  await createIfMissing(dynamo, customersTable);
  dynamo.destroy();
}
