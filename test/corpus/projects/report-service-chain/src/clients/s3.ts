import { S3Client } from '@aws-sdk/client-s3';

export function createS3Client(region = process.env.AWS_REGION ?? 'eu-west-1'): S3Client {
  return new S3Client({ region, maxAttempts: 3 });
}
