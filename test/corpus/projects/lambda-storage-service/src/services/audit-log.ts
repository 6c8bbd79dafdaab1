import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Writes audit entries through a client it is given; owns no connections itself. */
export class AuditLog {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
  ) {}

  async record(action: string, key: string): Promise<void> {
    await this.dynamo.send(
      new PutItemCommand({
        TableName: this.table,
        Item: { pk: { S: key }, action: { S: action }, at: { S: new Date().toISOString() } },
      }),
    );
  }
}
