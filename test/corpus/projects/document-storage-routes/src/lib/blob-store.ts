// Object storage helpers for the documents API. Every helper asks `connect()` for a client, and
// `connect()` builds a new S3Client each time: one pool per helper call.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const bucket = process.env.DOCUMENTS_BUCKET ?? 'documents';

function connect(): S3Client {
  return new S3Client({ region: process.env.AWS_REGION, forcePathStyle: true }); // expect: no-client-per-request
}

export async function readDocument(id: string): Promise<string | undefined> {
  const s3 = connect();
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `docs/${id}` }));
  return object.Body?.transformToString();
}

export async function writeDocument(id: string, text: string): Promise<void> {
  await connect().send(new PutObjectCommand({ Bucket: bucket, Key: `docs/${id}`, Body: text }));
}

export async function removeDocument(id: string): Promise<void> {
  const s3 = connect();
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `docs/${id}` }));
}

export function documentKey(id: string): string {
  return `docs/${id}`;
}
