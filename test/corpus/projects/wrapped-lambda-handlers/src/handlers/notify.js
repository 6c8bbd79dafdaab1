import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { wrap } from '../lib/wrap.js';

async function notify(event) {
  const sns = new SNSClient({}); // expect: no-client-per-request
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: JSON.stringify(event.detail) }));
  return { published: true };
}

export const handler = wrap(notify);
