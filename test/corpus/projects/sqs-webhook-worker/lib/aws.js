'use strict';
const { SQSClient } = require('@aws-sdk/client-sqs');

exports.createSqs = () => new SQSClient({ region: process.env.AWS_REGION });
