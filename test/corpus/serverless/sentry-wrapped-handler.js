const { PublishCommand, SNSClient } = require('@aws-sdk/client-sns');
const { SendMessageCommand, SQSClient } = require('@aws-sdk/client-sqs');
const Sentry = require('@sentry/serverless');

Sentry.AWSLambda.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.2 });

const sqs = new SQSClient({});

async function publishAlert(sns, alert) {
  await sns.send(new PublishCommand({ TopicArn: process.env.ALERT_TOPIC_ARN, Subject: alert.title, Message: alert.text }));
}

async function forwardAlert(event) {
  const sns = new SNSClient({ region: process.env.AWS_REGION }); // expect: no-client-per-request
  for (const alert of event.detail.alerts) {
    await publishAlert(sns, alert);
  }
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.AUDIT_QUEUE_URL, MessageBody: JSON.stringify(event.detail) }));
}

exports.handler = Sentry.AWSLambda.wrapHandler(forwardAlert);
