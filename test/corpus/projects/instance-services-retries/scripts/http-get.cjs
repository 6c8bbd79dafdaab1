const https = require('https');

const agent = new https.Agent({ keepAlive: true, maxSockets: 8 });
const headers = { 'user-agent': 'catalog-gateway-sync' };

exports.get = function get(url, onResponse) {
  return https.get(url, { agent, headers }, onResponse);
};
