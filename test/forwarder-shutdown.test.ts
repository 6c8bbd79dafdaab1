// Acceptance 4: SIGTERM with messages in flight — they are finished before exit, exit code 0;
// a second signal forces the exit.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startForwarderFixture, waitFor, type ForwarderFixture } from './support/forwarder-fixture.ts';
import { spawnForwarder } from '../runtime/rig/harness/forwarder-process.ts';

describe('graceful shutdown', { timeout: 120_000 }, () => {
  const fixtures: ForwarderFixture[] = [];
  after(async () => {
    for (const fixture of fixtures) await fixture.close();
  });

  it('SIGTERM with messages in flight: they are finished (FIN) before exit 0', async () => {
    // The sink answers after 4 s: the signal certainly comes before any answer, even on a busy machine.
    const fixture = await startForwarderFixture({ sink: { latencyMs: 4_000 } });
    fixtures.push(fixture);
    await fixture.publish(40, 'inflight');
    const forwarder = spawnForwarder([...fixture.baseArgs(), '--max-in-flight', '8']);
    await waitFor('8 requests in flight at the sink', () => fixture.sink.stats().requests >= 8, 30_000, () => forwarder.stderr());
    assert.equal(fixture.sink.stats().delivered, 0, 'the sink answered before the signal; the test proves nothing');
    forwarder.kill('SIGTERM');
    const exit = await forwarder.exited(30_000);
    assert.equal(exit.code, 0, exit.stderr);
    const summary = exit.summary!;
    assert.ok(summary, exit.stderr);
    assert.ok(summary.messagesFinished >= 8, `finished ${summary.messagesFinished}`);
    assert.equal(summary.requeuedAtShutdown, 0);
    // Everything the sink accepted was FINished; everything else is back in the queue.
    assert.equal(fixture.sink.stats().delivered, summary.messagesFinished);
    const stats = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(stats?.in_flight_count, 0);
    assert.equal(stats?.timeout_count, 0);
    assert.equal(stats?.depth, 40 - summary.messagesFinished);
    assert.match(exit.stderr, /keepalive-nsq summary: mode=shared received=\d+ finished=\d+/);
  });

  it('a second signal forces the exit without waiting', async () => {
    // A short nsqd msg-timeout so the abandoned messages come back quickly (TOUCH holds them meanwhile).
    const fixture = await startForwarderFixture({ nsqd: { msgTimeoutMs: 2_000 } });
    fixtures.push(fixture);
    fixture.sink.setResponder(() => ({ stallMs: 60_000 }));
    await fixture.publish(4, 'stuck');
    const forwarder = spawnForwarder([...fixture.baseArgs(), '--max-in-flight', '4', '--http-client-request-timeout', '2m']);
    await waitFor('4 stuck requests', () => fixture.sink.stats().requests >= 4 || forwarder.child.exitCode !== null, 30_000, () => forwarder.stderr());
    forwarder.kill('SIGTERM');
    await waitFor('the shutdown to start', () => /finishing in-flight messages/.test(forwarder.stderr()), 10_000, () => forwarder.stderr());
    forwarder.kill('SIGTERM');
    const exit = await forwarder.exited(20_000);
    assert.equal(exit.code, 130, exit.stderr);
    assert.match(exit.stderr, /second SIGTERM/);
    // The unanswered messages are not lost: nsqd requeues them once their msg-timeout passes.
    await waitFor('nsqd to take the messages back', async () => (await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel))?.depth === 4, 30_000);
  });
});
