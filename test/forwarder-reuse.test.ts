// Acceptance 1: 5,000 messages through real nsqd → keepalive-nsq → HTTPS sink. `shared` delivers
// every message over at most max-in-flight TCP connections; `naive` (the incident) pays a new
// connection and TLS handshake per message. Large responses show why the drain limit matters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliveredBodies, missingBodies, startForwarderFixture, waitFor, type ForwarderFixture } from './support/forwarder-fixture.ts';
import { spawnForwarder, type ForwarderExit } from '../runtime/rig/harness/forwarder-process.ts';

const MESSAGES = 5_000;
const MAX_IN_FLIGHT = 16;

async function forwardAll(fixture: ForwarderFixture, extraArgs: string[], expected: number, timeoutMs: number): Promise<ForwarderExit> {
  const forwarder = spawnForwarder([...fixture.baseArgs(), '--max-in-flight', String(MAX_IN_FLIGHT), '--quiet', ...extraArgs]);
  try {
    await waitFor(`${expected} deliveries`, () => fixture.sink.stats().delivered >= expected || forwarder.child.exitCode !== null, timeoutMs, () =>
      `${JSON.stringify(fixture.sink.stats())}\n${forwarder.stderr().slice(-2000)}`,
    );
  } finally {
    forwarder.kill('SIGTERM');
  }
  const exit = await forwarder.exited(60_000);
  assert.equal(exit.code, 0, `forwarder exit code; stderr:\n${exit.stderr.slice(-2000)}`);
  assert.ok(exit.summary, `no JSON summary on stderr:\n${exit.stderr.slice(-2000)}`);
  return exit;
}

describe('forwarding 5,000 messages', { timeout: 240_000 }, () => {
  let fixture: ForwarderFixture;
  before(async () => {
    fixture = await startForwarderFixture();
  });
  after(async () => {
    await fixture?.close();
  });

  it('shared mode delivers every message over at most max-in-flight connections, no nsqd timeouts', async () => {
    fixture.sink.reset();
    await fixture.publish(MESSAGES, 'shared');
    const exit = await forwardAll(fixture, ['--mode', 'shared'], MESSAGES, 120_000);
    const stats = fixture.sink.stats();
    assert.deepEqual(missingBodies(fixture.sink, fixture.published), []);
    assert.equal(stats.delivered, MESSAGES);
    assert.ok(stats.connections <= MAX_IN_FLIGHT, `sink accepted ${stats.connections} TCP connections, more than max-in-flight ${MAX_IN_FLIGHT}`);
    assert.ok(stats.tlsHandshakes <= MAX_IN_FLIGHT, `${stats.tlsHandshakes} TLS handshakes`);
    const channel = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(channel?.timeout_count, 0, 'nsqd timed out messages (the incident symptom)');
    assert.equal(channel?.depth, 0);
    assert.equal(channel?.in_flight_count, 0);
    // The forwarder's own probe agrees with the server's count.
    assert.ok(exit.summary!.connectionsOpened <= MAX_IN_FLIGHT, `probe saw ${exit.summary!.connectionsOpened} connections`);
    assert.equal(exit.summary!.messagesFinished, MESSAGES);
    process.stderr.write(`# shared: ${MESSAGES} messages, ${stats.connections} connections, ${stats.tlsHandshakes} handshakes, ${exit.summary!.finishedPerSecond} msg/s over the run\n`);
  });

  it('naive mode (the incident) opens a new connection and TLS handshake per message', async () => {
    fixture.sink.reset();
    const before = fixture.published.length;
    await fixture.publish(MESSAGES, 'naive');
    const exit = await forwardAll(fixture, ['--mode', 'naive'], MESSAGES, 200_000);
    const stats = fixture.sink.stats();
    const delivered = deliveredBodies(fixture.sink);
    assert.equal(fixture.published.slice(before).filter((body) => !delivered.has(body)).length, 0);
    assert.ok(stats.connections >= stats.requests, `naive: ${stats.connections} connections for ${stats.requests} requests`);
    assert.ok(stats.tlsHandshakes >= MESSAGES, `naive: ${stats.tlsHandshakes} TLS handshakes for ${MESSAGES} messages`);
    assert.ok(exit.summary!.connectionsOpened >= MESSAGES, `probe saw ${exit.summary!.connectionsOpened} connections`);
    assert.match(exit.stderr, /BROKEN pattern/);
    process.stderr.write(`# naive: ${MESSAGES} messages, ${stats.connections} connections, ${stats.tlsHandshakes} handshakes, ${exit.summary!.finishedPerSecond} msg/s over the run\n`);
  });
});

describe('large responses and the drain limit', { timeout: 120_000 }, () => {
  const LARGE = 256 * 1024;
  const COUNT = 300;
  let fixture: ForwarderFixture;
  before(async () => {
    fixture = await startForwarderFixture({ sink: { responseBytes: LARGE } });
  });
  after(async () => {
    await fixture?.close();
  });

  it('drains 256 KiB responses so connections are reused (default --max-drain-bytes 1MiB)', async () => {
    fixture.sink.reset();
    await fixture.publish(COUNT, 'large');
    await forwardAll(fixture, [], COUNT, 90_000);
    const stats = fixture.sink.stats();
    assert.equal(stats.delivered, COUNT);
    assert.ok(stats.connections <= MAX_IN_FLIGHT, `${stats.connections} connections for ${COUNT} messages with 256 KiB responses`);
  });

  it('a drain limit below the response size closes connections (what undici’s 128 KiB default does)', async () => {
    fixture.sink.reset();
    await fixture.publish(COUNT, 'small-limit');
    await forwardAll(fixture, ['--max-drain-bytes', '128KiB'], COUNT, 90_000);
    const stats = fixture.sink.stats();
    assert.equal(stats.delivered, COUNT);
    assert.ok(stats.connections > 2 * MAX_IN_FLIGHT, `expected churn, saw only ${stats.connections} connections`);
  });
});
