import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { ReportService } from '../services/report-service';

interface GenerateReportEvent {
  body: { name: string; rows: Array<Record<string, string | number | null>> };
}

const generateReport = async (event: GenerateReportEvent): Promise<APIGatewayProxyResult> => {
  const reports = new ReportService(process.env.REPORT_BUCKET ?? 'reports'); // expect: no-client-per-request
  const key = await reports.publish(event.body.name, event.body.rows);
  return { statusCode: 201, body: JSON.stringify({ key }) };
};

export const handler = middy(generateReport).use(httpJsonBodyParser()).use(httpErrorHandler());
