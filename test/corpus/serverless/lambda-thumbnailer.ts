import type { S3Event } from 'aws-lambda';
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

// created once per container and reused across invocations
const s3 = new S3Client({});

export const handler = async (event: S3Event): Promise<void> => {
  const dynamo = new DynamoDBClient({ region: 'eu-west-1' }); // expect: no-client-per-request
  for (const record of event.Records) {
    const object = await s3.send(new GetObjectCommand({ Bucket: record.s3.bucket.name, Key: record.s3.object.key }));
    const bytes = await object.Body?.transformToByteArray();
    await s3.send(
      new PutObjectCommand({ Bucket: `${record.s3.bucket.name}-thumbs`, Key: record.s3.object.key, Body: bytes }),
    );
    await dynamo.send(
      new PutItemCommand({ TableName: 'thumbnails', Item: { key: { S: record.s3.object.key } } }),
    );
  }
};
