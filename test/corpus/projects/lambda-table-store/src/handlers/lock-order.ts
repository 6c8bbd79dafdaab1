import { S3Client } from '@aws-sdk/client-s3';
import { S3Locker } from '../lib/locker';

const s3Client = new S3Client({});

export const handler = async (event: { orderId: string; archive?: boolean }) => {
  const locker = new S3Locker({ bucket: 'order-locks', s3Client });
  await locker.lock(event.orderId);
  if (event.archive) {
    const archiveLocker = new S3Locker({ bucket: 'archive-locks', region: 'eu-central-1' }); // expect: no-client-per-request
    await archiveLocker.lock(event.orderId);
  }
};
