'use strict';
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

/** Replaces the module's client: every importer sends through the new one from then on. */
exports.configure = (config) => {
  exports.client = new S3Client(config);
};

exports.putObject = (bucket, key, body) => exports.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
