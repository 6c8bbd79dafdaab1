import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../clients';

interface CopyEvent {
  region: string;
  bucket: string;
  key: string;
}

export const handler = async (event: CopyEvent): Promise<number> => {
  const s3 = createS3Client(event.region); // expect: no-client-per-request
  const object = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
  const bytes = await object.Body?.transformToByteArray();
  return bytes?.byteLength ?? 0;
};
