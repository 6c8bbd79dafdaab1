import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';

export function sqsClient(region = process.env.AWS_REGION): SQSClient {
  return new SQSClient({ region });
}

let ses: SESv2Client | undefined;

/** The process-wide SES client, built on first use. */
export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({});
  return ses;
}
