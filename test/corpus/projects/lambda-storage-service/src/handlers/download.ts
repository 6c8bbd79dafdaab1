import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { StorageService } from '../services/storage';

const storage = new StorageService(process.env.DOWNLOAD_BUCKET);

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const key = event.pathParameters?.key;
  if (!key) return { statusCode: 400, body: 'missing key' };
  const text = await storage.getText(key);
  return text === undefined ? { statusCode: 404, body: '' } : { statusCode: 200, body: text };
}
