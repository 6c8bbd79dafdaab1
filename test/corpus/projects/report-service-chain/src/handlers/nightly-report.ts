import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';
import { createS3Client } from '../clients';
import { ReportService } from '../services/report-service';

// built when the container starts, shared by every scheduled run
const reports = new ReportService(process.env.REPORT_BUCKET ?? 'reports');
const archive = createS3Client('us-east-1');

export const handler = async (event: ScheduledEvent): Promise<void> => {
  const day = event.time.slice(0, 10);
  const totals = await archive.send(new GetObjectCommand({ Bucket: 'billing-archive', Key: `${day}/totals.json` }));
  const rows = JSON.parse((await totals.Body?.transformToString()) ?? '[]') as Array<Record<string, number>>;
  await reports.publish(`nightly-${day}`, rows);
};
