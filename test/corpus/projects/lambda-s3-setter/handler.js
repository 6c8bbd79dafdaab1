'use strict';
const { Router } = require('./lib/router');
const { StartupRouter } = require('./lib/startup-router');

const api = new Router({ s3: { region: 'eu-west-1' } });
api.post('/upload', async (event, storage) => {
  await storage.putObject('uploads', event.queryStringParameters.key, event.body);
  return { statusCode: 201 };
});

const fixed = new StartupRouter({ s3: { region: 'eu-west-1' } });

exports.handler = async (event) => api.run(event);
exports.fixedHandler = async (event) => fixed.run(event);
