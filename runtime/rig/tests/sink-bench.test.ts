import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect } from 'node:tls';
import { Agent, request } from 'undici';
import { makeMessageBodies } from '../bench/message-bodies.js';
import { startBenchSink } from '../sink/bench-sink.js';
import { generateCertificates, type TestCertificates } from '../sink/certificates.js';

let certificates: TestCertificates;
before(async () => {
  certificates = await generateCertificates();
});
after(async () => {
  await rm(certificates.dir, { recursive: true, force: true });
});

async function post(url: string, dispatcher: Agent, body: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  const res = await request(`${url}/events`, { method: 'POST', dispatcher, body, headers });
  const bytes = (await res.body.arrayBuffer()).byteLength;
  return { status: res.statusCode, bytes, ms: performance.now() - started };
}

test('bench sink: a keep-alive client costs one connection and one handshake; deliveries count once per message id', async () => {
  const sink = await startBenchSink({ certificates, responseBytes: 128 });
  const agent = new Agent({ connections: 1, connect: { ca: certificates.caCertPem } });
  try {
    const bodies = makeMessageBodies('sinktest', 5);
    for (const body of bodies) assert.deepEqual(await post(sink.url, agent, body).then(({ status, bytes }) => ({ status, bytes })), { status: 200, bytes: 128 });
    // A redelivery of a message (same id) is a request, not a second delivery.
    await post(sink.url, agent, bodies[0]!);
    assert.deepEqual(await sink.stats(), {
      requests: 6,
      connections: 1,
      tlsHandshakes: 1,
      delivered: 5,
      byStatus: { '200': 6 },
      openConnections: 1,
    });
    const timeline = await sink.timeline();
    assert.ok(timeline.firstRequestAt !== undefined && timeline.lastDeliveryAt !== undefined);
    assert.ok(timeline.lastDeliveryAt >= timeline.firstRequestAt);
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('bench sink: without a message id, deliveries count once per Idempotency-Key; neither counts requests only', async () => {
  const sink = await startBenchSink({ certificates });
  const agent = new Agent({ connect: { ca: certificates.caCertPem } });
  try {
    await post(sink.url, agent, 'plain', { 'idempotency-key': 'k1' });
    await post(sink.url, agent, 'plain again', { 'idempotency-key': 'k1' });
    await post(sink.url, agent, 'no key at all');
    const stats = await sink.stats();
    assert.equal(stats.requests, 3);
    assert.equal(stats.delivered, 1);
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('bench sink: a client without keep-alive pays a connection and a handshake per request', async () => {
  const sink = await startBenchSink({ certificates });
  try {
    for (let i = 0; i < 4; i += 1) {
      const agent = new Agent({ connect: { ca: certificates.caCertPem } });
      await post(sink.url, agent, `{"id":"fresh:${i}"}`);
      await agent.close();
    }
    const stats = await sink.stats();
    assert.equal(stats.connections, 4);
    assert.equal(stats.tlsHandshakes, 4);
    assert.equal(stats.delivered, 4);
    const idle = await sink.waitForIdle({ quietMs: 100, timeoutMs: 5_000 });
    assert.deepEqual(idle, { idle: true, openConnections: 0 });
  } finally {
    await sink.close();
  }
});

test('bench sink: every answer waits at least the latency, which can change between runs', async () => {
  const sink = await startBenchSink({ certificates, latencyMs: 30 });
  const agent = new Agent({ connections: 4, connect: { ca: certificates.caCertPem } });
  try {
    const slow = await Promise.all(Array.from({ length: 8 }, (_, i) => post(sink.url, agent, `{"id":"slow:${i}"}`)));
    for (const { ms } of slow) assert.ok(ms >= 30, `answered after ${ms.toFixed(1)} ms, before the 30 ms latency`);
    await sink.setLatency(60);
    const slower = await post(sink.url, agent, '{"id":"slower"}');
    assert.ok(slower.ms >= 60, `answered after ${slower.ms.toFixed(1)} ms, before the 60 ms latency`);
    await assert.rejects(sink.setLatency(-1), /latencyMs must be a number from 0 to 600000, got -1/);
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('bench sink: HTTP/1.1 only, even for a client that offers HTTP/2 (as Go clients do)', async () => {
  const sink = await startBenchSink({ certificates });
  try {
    const { hostname, port } = new URL(sink.url);
    const socket = connect({ host: hostname, port: Number(port), ca: certificates.caCertPem, ALPNProtocols: ['h2', 'http/1.1'] });
    await once(socket, 'secureConnect');
    assert.equal(socket.alpnProtocol, 'http/1.1');
    socket.destroy();
  } finally {
    await sink.close();
  }
});

test('bench sink: reset zeroes the counters between runs', async () => {
  const sink = await startBenchSink({ certificates });
  const agent = new Agent({ connect: { ca: certificates.caCertPem } });
  try {
    await post(sink.url, agent, '{"id":"before-reset"}');
    await sink.reset();
    assert.deepEqual(await sink.stats(), { requests: 0, connections: 0, tlsHandshakes: 0, delivered: 0, byStatus: {}, openConnections: 1 });
    assert.deepEqual(await sink.timeline(), {});
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('bench sink: a certificate it cannot load fails the start with the sink\'s own message', async () => {
  const broken = { ...certificates, dir: join(certificates.dir, 'broken') };
  await mkdir(broken.dir, { recursive: true });
  await writeFile(join(broken.dir, 'server.pem'), 'not a certificate\n');
  await writeFile(join(broken.dir, 'server.key'), 'not a key\n');
  await assert.rejects(startBenchSink({ certificates: broken }), /bench sink exited during start-up \(code 2[^]*loading -cert\/-key/);
});
