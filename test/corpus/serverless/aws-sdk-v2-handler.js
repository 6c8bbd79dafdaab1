const AWS = require('aws-sdk');

AWS.config.update({ region: process.env.AWS_REGION });

// built once per container
const sqs = new AWS.SQS({ apiVersion: '2012-11-05' });

exports.handler = async (event) => {
  const s3 = new AWS.S3({ signatureVersion: 'v4' }); // expect: no-client-per-request
  const documents = new AWS.DynamoDB.DocumentClient(); // expect: no-client-per-request
  const search = new AWS.Endpoint(process.env.SEARCH_ENDPOINT);
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const head = await s3.headObject({ Bucket: record.s3.bucket.name, Key: key }).promise();
    await documents.put({ TableName: 'documents', Item: { key, size: head.ContentLength, index: search.host } }).promise();
    await sqs.sendMessage({ QueueUrl: process.env.INDEX_QUEUE_URL, MessageBody: key }).promise();
  }
};
