// sendDrained against a real HTTPS server (the rig's sink, a CA made per run): what a message's
// outcome is, and whether the connection goes back to the pool.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { Agent } from 'undici';
import { sendDrained } from '../src/drained-request.js';
import { toDestination, type PostRequest } from '../src/http.js';
import { generateCertificates, type TestCertificates } from '../rig/sink/certificates.js';
import { startHttpsSink, type HttpsSink } from '../rig/sink/https-sink.js';

let certificates: TestCertificates;
let sink: HttpsSink;
let agent: Agent;

before(async () => {
  certificates = await generateCertificates();
  sink = await startHttpsSink({ certificates, responseBytes: 128 });
});
beforeEach(async () => {
  await agent?.close();
  // Each test counts its own connections: the last one's must be gone first.
  await sink.waitForIdle({ quietMs: 50 });
  agent = new Agent({ connections: 1, pipelining: 1, connect: { ca: certificates.caCertPem } });
  sink.setResponder(undefined);
  sink.reset();
});
after(async () => {
  await agent.close();
  await sink.close();
  await rm(certificates.dir, { recursive: true, force: true });
});

function post(key: string, overrides: Partial<PostRequest> = {}): PostRequest {
  return {
    method: 'POST',
    destination: toDestination(`${sink.url}/events`),
    body: Buffer.from(`{"id":"${key}"}`),
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    timeoutMs: 5_000,
    ...overrides,
  };
}

test('a 2xx is delivered and its connection is reused for the next request', async () => {
  for (const key of ['a', 'b', 'c']) assert.deepEqual(await sendDrained(agent, post(key), 1024), { kind: 'delivered', status: 200 });
  assert.equal(sink.stats().requests, 3);
  assert.equal(sink.stats().connections, 1);
});

test('a body longer than the drain limit closes the connection, and the status still decides', async () => {
  sink.setResponder(() => ({ bodyBytes: 64 * 1024 }));
  for (const key of ['a', 'b']) assert.deepEqual(await sendDrained(agent, post(key), 1024), { kind: 'delivered', status: 200 });
  assert.equal(sink.stats().connections, 2, 'each over-long response costs its connection');
  sink.setResponder(() => ({ status: 400, bodyBytes: 64 * 1024 }));
  assert.deepEqual(await sendDrained(agent, post('c'), 1024), { kind: 'rejected', status: 400, reason: 'HTTP 400' });
});

test('a body within the drain limit is read, so the connection survives', async () => {
  sink.setResponder(() => ({ bodyBytes: 64 * 1024 }));
  for (const key of ['a', 'b']) assert.equal((await sendDrained(agent, post(key), 128 * 1024)).kind, 'delivered');
  assert.equal(sink.stats().connections, 1);
});

test('408, 429 and 5xx are retried with their Retry-After; other statuses are rejected', async () => {
  sink.setResponder(() => ({ status: 503, headers: { 'retry-after': '7' } }));
  assert.deepEqual(await sendDrained(agent, post('a'), 1024), { kind: 'retry', status: 503, retryAfterMs: 7_000, reason: 'HTTP 503' });
  sink.setResponder(() => ({ status: 404 }));
  assert.deepEqual(await sendDrained(agent, post('b'), 1024), { kind: 'rejected', status: 404, reason: 'HTTP 404' });
});

test('the deadline ends the attempt as a retryable timeout, and the connection is not reused', async () => {
  sink.setResponder(() => ({ stallMs: 2_000 }));
  const started = performance.now();
  const outcome = await sendDrained(agent, post('slow', { timeoutMs: 200 }), 1024);
  assert.ok(performance.now() - started < 1_500, 'settled at its deadline, not when the sink answered');
  assert.equal(outcome.kind, 'retry');
  assert.match(outcome.kind === 'retry' ? outcome.reason : '', /^ETIMEDOUT: request timed out after 200 ms/);
  sink.setResponder(undefined);
  assert.equal((await sendDrained(agent, post('next'), 1024)).kind, 'delivered');
  assert.equal(sink.stats().connections, 2);
});

test('a request still waiting for a connection at its deadline times out too', async () => {
  sink.setResponder((request) => (request.key === 'holder' ? { stallMs: 1_000 } : undefined));
  const holder = sendDrained(agent, post('holder'), 1024); // the only connection
  const queued = await sendDrained(agent, post('queued', { timeoutMs: 100 }), 1024);
  assert.equal(queued.kind, 'retry');
  assert.equal((await holder).kind, 'delivered');
  assert.equal(sink.deliveredKeys().has('queued'), false, 'the expired request was never sent');
});

test('a refused connection is an endpoint-wide failure (unreachable), not a message failure', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const outcome = await sendDrained(agent, post('a', { destination: toDestination(`https://127.0.0.1:${port}/events`) }), 1024);
  assert.equal(outcome.kind, 'unreachable');
  assert.match(outcome.kind === 'unreachable' ? outcome.reason : '', /^ECONNREFUSED/);
});

test('a certificate from an untrusted CA is unreachable, never delivered', async () => {
  const untrusting = new Agent({ connections: 1 });
  try {
    const outcome = await sendDrained(untrusting, post('a'), 1024);
    assert.equal(outcome.kind, 'unreachable');
  } finally {
    await untrusting.close();
  }
});
