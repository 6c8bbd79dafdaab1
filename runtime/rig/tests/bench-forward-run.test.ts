// Real components end to end: nsqd (built by scripts/go-tool-bin.sh), the benchmark's Go HTTPS sink
// with a CA made for this run, and each forwarder process. Fails (never skips) when the nsq
// binaries or the sink are missing.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { CleanupOnExit } from '../bench/cleanup-on-exit.js';
import { runForwarder, type ForwardRunEnvironment } from '../bench/forward-run.js';
import { makeMessageBodies } from '../bench/message-bodies.js';
import { startNsqd } from '../harness/nsqd.js';
import { generateCertificates } from '../sink/certificates.js';
import { startBenchSink } from '../sink/bench-sink.js';

const cleanup = new CleanupOnExit();
let env: ForwardRunEnvironment;

before(async () => {
  const certificates = await generateCertificates();
  cleanup.add('certificates', () => rm(certificates.dir, { recursive: true, force: true }));
  const nsqd = await startNsqd();
  cleanup.add('nsqd', () => nsqd.stop());
  const sink = await startBenchSink({ certificates, responseBytes: 64 });
  cleanup.add('sink', () => sink.close());
  env = { nsqd, sink, certificates, cleanup };
});
after(() => cleanup.runAll());

test('publishing fills the channel and stats read it back', async () => {
  const topic = 'forward-run-publish';
  await env.nsqd.api.createTopic(topic);
  await env.nsqd.api.createChannel(topic, 'forwarder');
  await env.nsqd.api.publishMany(topic, makeMessageBodies('publish-check', 120));
  // nsqd copies from the topic to its channels in a goroutine of its own: the count can lag the MPUB
  // answer by a moment on a busy machine (bounded wait, 100 × 50 ms).
  let channel = await env.nsqd.api.channelStats(topic, 'forwarder');
  for (let poll = 0; poll < 100 && (channel?.message_count ?? 0) < 120; poll += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    channel = await env.nsqd.api.channelStats(topic, 'forwarder');
  }
  assert.equal(channel?.depth, 120);
  assert.equal(channel?.message_count, 120);
  assert.equal(channel?.timeout_count, 0);
});

test('keepalive-nsq shared: every message delivered over at most max-in-flight connections', async () => {
  const result = await runForwarder({ runId: 'test-shared', kind: 'shared', messages: 300, maxInFlight: 8 }, env);
  assert.equal(result.delivered, 300);
  assert.ok(result.connections <= 8, `${result.connections} connections for max-in-flight 8`);
  assert.equal(result.tlsHandshakes, result.connections);
  assert.equal(result.timeoutCount, 0);
  assert.equal(result.exitCode, 0);
  assert.ok(result.messagesPerSecond > 0);
  assert.equal(result.summary?.raw.mode, 'shared');
});

test('keepalive-nsq naive: a new connection and handshake per message', async () => {
  const result = await runForwarder({ runId: 'test-naive', kind: 'naive', messages: 40, maxInFlight: 4 }, env);
  assert.equal(result.delivered, 40);
  assert.ok(result.connections >= 40, `${result.connections} connections for 40 messages`);
  assert.ok(result.tlsHandshakes >= 40);
  assert.equal(result.summary?.raw.mode, 'naive');
});

test('nsq_to_http against the same nsqd and sink, counted by message id (it sends no Idempotency-Key)', async () => {
  const result = await runForwarder({ runId: 'test-go', kind: 'nsq_to_http', messages: 200, maxInFlight: 8 }, env);
  assert.equal(result.delivered, 200);
  assert.ok(result.requests >= 200);
  assert.ok(result.connections >= 1);
  assert.equal(result.summary, undefined);
  assert.match(result.command, /nsq_to_http$/);
});

test('http_only: the same bodies straight to the sink over max-in-flight connections, nothing published to nsqd', async () => {
  const result = await runForwarder({ runId: 'test-http-only', kind: 'http_only', messages: 200, maxInFlight: 8 }, env);
  assert.equal(result.delivered, 200);
  assert.equal(result.requests, 200);
  assert.ok(result.connections <= 8, `${result.connections} connections for 8 at once`);
  assert.equal(result.exitCode, 0);
  assert.match(result.command, /http-only-client\.ts \(undici, no NSQ\)$/);
  assert.equal(await env.nsqd.api.channelStats('test-http-only', 'forwarder'), undefined, 'no topic was created');
});
