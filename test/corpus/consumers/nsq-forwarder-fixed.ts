// The repaired forwarder: one keep-alive dispatcher for the process, every body read or dumped.
import { Agent, request } from 'undici';
import nsq from 'nsqjs';

const dispatcher = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
const SINK = process.env.SINK_URL ?? 'https://ingest.example.com/v1/events';

const reader = new nsq.Reader('events', 'forwarder', {
  nsqdTCPAddresses: ['127.0.0.1:4150'],
  maxInFlight: 16,
  maxAttempts: 5,
});

async function post(body: Buffer): Promise<number> {
  const { statusCode, body: responseBody } = await request(SINK, {
    method: 'POST',
    body,
    dispatcher,
    headers: { 'content-type': 'application/octet-stream' },
  });
  await responseBody.dump({ limit: 1 << 20 });
  return statusCode;
}

reader.on('message', async (message) => {
  const touch = setInterval(() => message.touch(), 20_000);
  try {
    const status = await post(message.body);
    if (status >= 200 && status < 300) message.finish();
    else message.requeue(5_000 * message.attempts);
  } catch {
    message.requeue(5_000 * message.attempts);
  } finally {
    clearInterval(touch);
  }
});

reader.on('discard', (message) => message.finish());
reader.on('error', (error: Error) => console.error('nsq error', error.message));
reader.connect();

process.on('SIGTERM', async () => {
  reader.close();
  await dispatcher.close();
});
