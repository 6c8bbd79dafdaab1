import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

// one client per container: reused by every invocation
const dynamo = new DynamoDBClient({});

function bucketFor(tenant: string): string {
  return `documents-${tenant}`;
}

async function readObject(s3: S3Client, bucket: string, key: string): Promise<string> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await object.Body?.transformToString()) ?? '';
}

const getDocument = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const tenant = String(event.requestContext.authorizer?.tenant ?? 'default');
  const s3 = new S3Client({ region: 'eu-central-1' }); // expect: no-client-per-request
  const id = event.pathParameters?.id ?? '';
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: 'documents', Key: { id: { S: id } } }));
  if (!Item?.key?.S) return { statusCode: 404, body: '' };
  return { statusCode: 200, body: await readObject(s3, bucketFor(tenant), Item.key.S) };
};

export const handler = middy(getDocument).use(httpErrorHandler());
