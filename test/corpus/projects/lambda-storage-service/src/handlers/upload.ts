import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { dynamo } from '../clients';
import { AuditLog } from '../services/audit-log';
import { StorageService } from '../services/storage';

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const storage = new StorageService(); // expect: no-client-per-request
  const audit = new AuditLog(dynamo, process.env.AUDIT_TABLE ?? 'audit');
  const key = `${randomUUID()}.json`;
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  await storage.put(key, body, event.headers['content-type'] ?? 'application/octet-stream');
  await audit.record('upload', key);
  return { statusCode: 201, body: JSON.stringify({ key }) };
};
