'use strict';
const { request } = require('undici');

/**
 * POSTs one event to a subscriber. Resolves with undici's `{ statusCode, headers, body }`: the
 * caller decides what to do with the body.
 */
async function sendWebhook(url, event) {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'acme-webhooks/2' },
    body: JSON.stringify(event),
    headersTimeout: 10_000,
  });
}

module.exports = { sendWebhook };
