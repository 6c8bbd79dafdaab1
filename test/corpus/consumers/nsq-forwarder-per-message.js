// The incident: an NSQ consumer that forwards each message over HTTPS and builds a new client per
// message, then leaves error responses unread.
const https = require('node:https');
const nsq = require('nsqjs');
const fetch = require('node-fetch');

const reader = new nsq.Reader('events', 'forwarder', {
  lookupdHTTPAddresses: ['127.0.0.1:4161'],
  maxInFlight: 16,
});

function forwardUrl(message) {
  return `https://ingest.example.com/v1/events/${message.id}`;
}

reader.on('message', async (message) => {
  const agent = new https.Agent({ maxSockets: 1 }); // expect: no-client-per-request, no-disabled-keepalive
  try {
    const res = await fetch(forwardUrl(message), { // expect: no-unconsumed-body
      method: 'POST',
      body: message.body,
      agent,
    });
    if (!res.ok) {
      throw new Error(`ingest answered ${res.status}`);
    }
    const receipt = await res.json();
    console.log('stored', receipt.id);
    message.finish();
  } catch (error) {
    console.error(error);
    message.requeue(30_000);
  }
});

reader.on('discard', (message) => {
  console.warn('giving up on', message.id);
  message.finish();
});

reader.on('error', (error) => console.error('nsq', error));

reader.connect();
