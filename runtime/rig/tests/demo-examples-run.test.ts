// The example consumers are real programs: run each against a real nsqd and the HTTPS sink and check
// that the broken one shows the bug (a connection per message, pinned by unread bodies) and the
// corrected one does not.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CleanupOnExit } from '../bench/cleanup-on-exit.js';
import { RUNTIME_ROOT } from '../bench/forwarder-command.js';
import { makeMessageBodies } from '../bench/message-bodies.js';
import { startNsqd, type NsqdProcess } from '../harness/nsqd.js';
import { generateCertificates, type TestCertificates } from '../sink/certificates.js';
import { startHttpsSink, type HttpsSink } from '../sink/https-sink.js';

const MESSAGES = 60;
const cleanup = new CleanupOnExit();
let nsqd: NsqdProcess;
let sink: HttpsSink;
let certificates: TestCertificates;

before(async () => {
  certificates = await generateCertificates();
  cleanup.add('certificates', () => rm(certificates.dir, { recursive: true, force: true }));
  nsqd = await startNsqd();
  cleanup.add('nsqd', () => nsqd.stop());
  // Bodies larger than the stream buffers, as in the incident: unread ones pin their sockets.
  sink = await startHttpsSink({ certificates, responseBytes: 256 * 1024 });
  cleanup.add('sink', () => sink.close());
});
after(() => cleanup.runAll());

/** Publishes MESSAGES messages, runs the example until the sink has them all, returns the sink's stats. */
async function runExample(file: string, topic: string) {
  await nsqd.api.createTopic(topic);
  await nsqd.api.createChannel(topic, 'https-forwarder');
  await nsqd.api.publishMany(topic, makeMessageBodies(topic, MESSAGES));
  sink.reset();
  const child = spawn(process.execPath, [join(RUNTIME_ROOT, 'examples', file)], {
    env: { ...process.env, TOPIC: topic, NSQD_TCP_ADDRESS: nsqd.tcpAddress, ENDPOINT: `${sink.url}/events`, CA_FILE: certificates.caFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const stop = cleanup.add(file, () => void child.kill('SIGKILL'));
  try {
    // Bounded wait: 600 polls of 100 ms.
    for (let poll = 0; poll < 600 && sink.stats().delivered < MESSAGES && child.exitCode === null; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const stats = sink.stats();
    assert.equal(stats.delivered, MESSAGES, `${file} delivered ${stats.delivered}/${MESSAGES}; stderr:\n${stderr}`);
    return stats;
  } finally {
    child.kill('SIGKILL');
    await exited;
    stop();
  }
}

test('broken/nsq-consumer.mjs opens a connection per message and leaves them pinned', async () => {
  const stats = await runExample('broken/nsq-consumer.mjs', 'example-broken');
  assert.ok(stats.connections >= MESSAGES, `${stats.connections} connections for ${MESSAGES} messages`);
  assert.ok(stats.openConnections > 16, `${stats.openConnections} connections still open`);
});

test('correct/nsq-consumer.mjs delivers everything over at most max-in-flight (16) connections', async () => {
  const stats = await runExample('correct/nsq-consumer.mjs', 'example-correct');
  assert.ok(stats.connections <= 16, `${stats.connections} connections`);
});
