import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** Uploads and downloads for one bucket. */
export class StorageService {
  private readonly s3: S3Client;

  constructor(private readonly bucket = process.env.UPLOAD_BUCKET ?? 'uploads') {
    this.s3 = new S3Client({});
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async getText(key: string): Promise<string | undefined> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return object.Body?.transformToString('utf8');
  }
}
