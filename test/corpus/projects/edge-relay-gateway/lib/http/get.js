// Thin node:http helpers; the caller's callback receives the response.
const https = require('node:https');

const agent = new https.Agent({ keepAlive: true, maxSockets: 32 });

exports.getUpstream = function getUpstream(url, onResponse) {
  return https.get(url, { agent }, onResponse);
};
