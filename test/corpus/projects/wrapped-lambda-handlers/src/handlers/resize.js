import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { wrap } from '../lib/wrap.js';

const s3 = new S3Client({});

export const handler = wrap(async (event) => {
  for (const record of event.Records) {
    const { bucket, object } = record.s3;
    const original = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: object.key }));
    const resized = await sharp(await original.Body.transformToByteArray()).resize(320).toBuffer();
    await s3.send(new PutObjectCommand({ Bucket: `${bucket.name}-small`, Key: object.key, Body: resized }));
  }
});
