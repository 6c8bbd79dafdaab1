// The same helpers done right: one client for the module, built on first use.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

function s3(): S3Client {
  client ??= new S3Client({ region: process.env.AWS_REGION });
  return client;
}

export async function readThumbnail(id: string): Promise<Uint8Array | undefined> {
  const object = await s3().send(new GetObjectCommand({ Bucket: 'thumbnails', Key: id }));
  return object.Body?.transformToByteArray();
}
