import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../clients';

type Row = Readonly<Record<string, string | number | null>>;

function toCsv(rows: readonly Row[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const lines = rows.map((row) => columns.map((column) => JSON.stringify(row[column] ?? '')).join(','));
  return [columns.join(','), ...lines].join('\n');
}

/** Renders report rows as CSV and stores them in the reports bucket. */
export class ReportService {
  private readonly s3: S3Client;

  constructor(private readonly bucket: string) {
    this.s3 = createS3Client();
  }

  async publish(name: string, rows: readonly Row[]): Promise<string> {
    const key = `reports/${new Date().toISOString().slice(0, 10)}/${name}.csv`;
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: toCsv(rows), ContentType: 'text/csv' }));
    return key;
  }
}
