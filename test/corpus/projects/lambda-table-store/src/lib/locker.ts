import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export interface LockerOptions {
  bucket: string;
  region?: string;
  s3Client?: S3Client;
}

export class S3Locker {
  private readonly s3: S3Client;

  constructor(private readonly options: LockerOptions) {
    this.s3 = options.s3Client ?? new S3Client({ region: options.region });
  }

  lock(key: string) {
    return this.s3.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: `${key}.lock`, Body: '' }));
  }
}
