// Acceptance 2: faults against real nsqd and the HTTPS sink — transient 503s, permanent 400s
// (dead-letter topic), stalls beyond the request timeout, slow requests kept alive by TOUCH, the
// forwarder SIGKILLed and restarted, nsqd restarted, and an endpoint whose CA is unknown.
import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import { decodeDeadLetterBody } from '../runtime/src/dead-letter.ts';
import { missingBodies, readDeadLetters, startForwarderFixture, waitFor, type ForwarderFixture } from './support/forwarder-fixture.ts';
import { spawnForwarder, type ForwarderProcess, type ForwarderExit } from '../runtime/rig/harness/forwarder-process.ts';

const fixtures: ForwarderFixture[] = [];
const children: ForwarderProcess[] = [];

async function fixtureFor(options: Parameters<typeof startForwarderFixture>[0] = {}): Promise<ForwarderFixture> {
  const fixture = await startForwarderFixture(options);
  fixtures.push(fixture);
  return fixture;
}

function start(fixture: ForwarderFixture, extraArgs: string[] = [], baseArgs = fixture.baseArgs()): ForwarderProcess {
  const child = spawnForwarder([...baseArgs, '--max-in-flight', '16', ...extraArgs]);
  children.push(child);
  return child;
}

async function waitForAll(fixture: ForwarderFixture, forwarder: ForwarderProcess, timeoutMs: number): Promise<void> {
  await waitFor('every published message to be delivered', () => missingBodies(fixture.sink, fixture.published).length === 0, timeoutMs, () =>
    `${missingBodies(fixture.sink, fixture.published).length} missing; sink ${JSON.stringify(fixture.sink.stats())}\n${forwarder.stderr().slice(-2500)}`,
  );
}

async function stopCleanly(forwarder: ForwarderProcess): Promise<ForwarderExit> {
  forwarder.kill('SIGTERM');
  const exit = await forwarder.exited(60_000);
  assert.equal(exit.code, 0, `exit code; stderr:\n${exit.stderr.slice(-2500)}`);
  return exit;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.child.exitCode === null && child.child.signalCode === null) child.kill('SIGKILL');
});
after(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close();
});

describe('forwarder faults', { timeout: 420_000 }, () => {
  it('503 for a while: every message is delivered after retries, nothing dead-lettered', async () => {
    const fixture = await fixtureFor();
    // The endpoint is down (503) for its first 60 requests, then healthy. Counted, not timed: on a
    // busy machine a 3-second outage could pass with too few requests to start a backoff.
    let requests = 0;
    fixture.sink.setResponder(() => (++requests <= 60 ? { status: 503, headers: { 'retry-after': '1' } } : undefined));
    await fixture.publish(300, 'outage');
    const forwarder = start(fixture, ['--requeue-delay', '50ms', '--max-requeue-delay', '500ms', '--max-backoff-duration', '1s', '--max-attempts', '20']);
    await waitForAll(fixture, forwarder, 120_000);
    const exit = await stopCleanly(forwarder);
    assert.equal(exit.summary!.messagesDeadLettered, 0);
    assert.ok(exit.summary!.httpResponses['5xx'] >= 1, 'the outage was never seen');
    assert.match(exit.stderr, /pausing consumption/, 'no consumer-wide backoff during the outage');
    assert.match(exit.stderr, /back to full max-in-flight/, 'the backoff never ended');
    const stats = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(stats?.depth, 0);
    assert.equal(stats?.deferred_count, 0);
  });

  it('scattered transient errors (4 %) are retried per message without a consumer-wide pause', async () => {
    const fixture = await fixtureFor();
    // Every 25th message is refused once with 503.
    fixture.sink.setResponder((request) => (request.seenBefore === 0 && Number(request.body.toString().split('-')[1]) % 25 === 0 ? { status: 503 } : undefined));
    await fixture.publish(500, 'scattered');
    const forwarder = start(fixture, ['--requeue-delay', '50ms']);
    await waitForAll(fixture, forwarder, 120_000);
    const exit = await stopCleanly(forwarder);
    assert.equal(exit.summary!.httpResponses['5xx'], 20);
    assert.equal(exit.summary!.messagesRequeued, 20);
    assert.doesNotMatch(exit.stderr, /pausing consumption/, 'a few scattered errors paused the whole consumer');
  });

  it('400 for some: those go to the dead-letter topic with the reason; the rest are delivered', async () => {
    const fixture = await fixtureFor();
    const deadLetterTopic = `${fixture.topic}_dlq`;
    await fixture.nsqd.api.createTopic(deadLetterTopic);
    await fixture.nsqd.api.createChannel(deadLetterTopic, 'inspect');
    fixture.sink.setResponder((request) => (request.body.toString().endsWith('7') ? { status: 400 } : undefined));
    const bodies = await fixture.publish(100, 'mixed');
    const refused = bodies.filter((body) => body.endsWith('7'));
    const forwarder = start(fixture, ['--dead-letter-topic', deadLetterTopic]);
    const letters = await readDeadLetters(fixture.nsqd, deadLetterTopic, 'inspect', refused.length);
    await waitFor('accepted messages to be delivered', () => fixture.sink.stats().delivered === bodies.length - refused.length, 60_000);
    const exit = await stopCleanly(forwarder);
    assert.deepEqual(letters.map((letter) => decodeDeadLetterBody(letter).toString()).sort(), [...refused].sort());
    for (const letter of letters) {
      assert.equal(letter.status, 400);
      assert.match(letter.reason, /rejected: HTTP 400/);
      assert.equal(letter.topic, fixture.topic);
      assert.equal(letter.attempts, 1);
    }
    assert.equal(exit.summary!.messagesDeadLettered, refused.length);
    // Dead-lettered messages are FINished too, but counted once, as dead-lettered.
    assert.equal(exit.summary!.messagesFinished, bodies.length - refused.length);
  });

  it('retryable failures past --max-attempts are dead-lettered, not dropped', async () => {
    const fixture = await fixtureFor();
    await fixture.nsqd.api.createTopic(`${fixture.topic}_dead_letter`);
    await fixture.nsqd.api.createChannel(`${fixture.topic}_dead_letter`, 'inspect');
    fixture.sink.setResponder((request) => (request.body.toString() === 'doomed-0' ? { status: 500 } : undefined));
    await fixture.publish(1, 'doomed');
    await fixture.publish(20, 'fine');
    const forwarder = start(fixture, ['--max-attempts', '3', '--requeue-delay', '20ms', '--max-requeue-delay', '100ms']);
    const [letter] = await readDeadLetters(fixture.nsqd, `${fixture.topic}_dead_letter`, 'inspect', 1);
    await stopCleanly(forwarder);
    assert.equal(decodeDeadLetterBody(letter!).toString(), 'doomed-0');
    assert.equal(letter!.attempts, 3);
    assert.match(letter!.reason, /gave up after 3 attempts: HTTP 500/);
  });

  it('stalls beyond the request timeout: the attempt is abandoned and retried, no message lost', async () => {
    const fixture = await fixtureFor();
    fixture.sink.setResponder((request) => (request.seenBefore === 0 && request.body.toString().endsWith('3') ? { stallMs: 4_000 } : undefined));
    await fixture.publish(60, 'stall');
    const forwarder = start(fixture, ['--http-client-request-timeout', '500ms', '--requeue-delay', '50ms']);
    await waitForAll(fixture, forwarder, 60_000);
    const exit = await stopCleanly(forwarder);
    assert.ok(exit.summary!.httpResponses.error >= 6, `timeouts seen: ${exit.summary!.httpResponses.error}`);
    const stats = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(stats?.timeout_count, 0);
  });

  it('slow requests longer than nsqd’s msg-timeout are kept in flight with TOUCH', async () => {
    // TOUCH goes out every half msg-timeout (checked every quarter): 3 s leaves 750 ms for a busy
    // machine's event-loop delays (with 1 s it was 250 ms).
    const fixture = await fixtureFor({ nsqd: { msgTimeoutMs: 3_000 } });
    fixture.sink.setResponder(() => ({ stallMs: 7_000 }));
    await fixture.publish(8, 'slow');
    const forwarder = start(fixture, ['--http-client-request-timeout', '10s']);
    await waitForAll(fixture, forwarder, 60_000);
    const exit = await stopCleanly(forwarder);
    const stats = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(stats?.timeout_count, 0, 'nsqd requeued a message while its POST was still running');
    assert.ok(exit.summary!.touches >= 8, `touches: ${exit.summary!.touches}`);
    assert.equal(exit.summary!.nsqProtocolErrors, 0, 'E_FIN_FAILED or similar');
    assert.equal(fixture.sink.stats().requests, 8, 'a message was sent twice');
  });

  it('forwarder SIGKILLed mid-stream and restarted: no message lost', async () => {
    // nsqd hands the killed forwarder's in-flight messages out again after msg-timeout; 3 s keeps the test short.
    // The sink holds the first delivery of 'killed-250' for a minute, and the kill waits until that
    // request has arrived: at the kill that message is certainly in flight and not delivered,
    // however busy the machine (timing alone — a slow sink — only made it likely).
    const fixture = await fixtureFor({ sink: { latencyMs: 10 }, nsqd: { msgTimeoutMs: 3_000 } });
    let heldArrived = false;
    fixture.sink.setResponder((request) => {
      if (request.body.toString() !== 'killed-250' || request.seenBefore > 0) return undefined;
      heldArrived = true;
      return { stallMs: 60_000 };
    });
    await fixture.publish(1_500, 'killed');
    const first = start(fixture, ['--quiet']);
    await waitFor('some deliveries and the held request before the kill', () => heldArrived && fixture.sink.stats().delivered >= 200, 60_000, () => first.stderr());
    first.kill('SIGKILL');
    const killed = await first.exited(10_000);
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(fixture.sink.stats().delivered < 1_500, 'the kill came too late to test anything');
    const second = start(fixture, ['--quiet']);
    await waitForAll(fixture, second, 120_000);
    await stopCleanly(second);
    const stats = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(stats?.depth, 0);
    assert.ok((stats?.timeout_count ?? 0) > 0, 'nothing was in flight when the forwarder was killed');
  });

  it('nsqd restarted with the same data path: the forwarder reconnects and finishes', async () => {
    const fixture = await fixtureFor({ sink: { latencyMs: 5 } });
    // From the 200th request until the restart is over, requests are held for a second: the restart
    // certainly lands mid-stream (at full speed all 1,500 could be delivered while nsqd restarts).
    let requests = 0;
    let restarted = false;
    fixture.sink.setResponder(() => (++requests > 200 && !restarted ? { stallMs: 1_000 } : undefined));
    await fixture.publish(1_500, 'restart');
    const forwarder = start(fixture);
    await waitFor('some deliveries before the restart', () => fixture.sink.stats().delivered >= 200, 60_000, () => forwarder.stderr());
    await fixture.nsqd.restart();
    restarted = true;
    assert.ok(fixture.sink.stats().delivered < 1_500, 'the restart came too late to test anything');
    await waitForAll(fixture, forwarder, 120_000);
    const { summary } = await stopCleanly(forwarder);
    // Answers for messages whose connection died with nsqd are counted too (requeued by nsqd).
    assert.equal(summary!.messagesReceived, summary!.messagesFinished + summary!.messagesRequeued + summary!.messagesRequeuedByNsqd + summary!.messagesDeadLettered);
    assert.match(forwarder.stderr(), /lost nsqd .*reconnecting/);
    assert.ok((forwarder.stderr().match(/connected to nsqd/g) ?? []).length >= 2, 'no reconnect was logged');
  });

  it('an endpoint with an unknown CA is refused; --ca-file makes it trusted', async () => {
    const fixture = await fixtureFor();
    await fixture.publish(20, 'tls');
    const withoutCa = fixture.baseArgs().filter((arg, index, args) => arg !== '--ca-file' && args[index - 1] !== '--ca-file');
    const refused = start(fixture, ['--metrics-address', '127.0.0.1:0', '--requeue-delay', '50ms'], withoutCa);
    await waitFor('a TLS verification failure in the log', () => /failed: (UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)/.test(refused.stderr()) || refused.child.exitCode !== null, 30_000, () => refused.stderr());
    const metricsAddress = /metrics at (http:\/\/\S+)/.exec(refused.stderr())?.[1];
    assert.ok(metricsAddress, 'the metrics address was not logged');
    const metricsText = await (await fetch(metricsAddress)).text();
    assert.match(metricsText, /^keepalive_nsq_http_connect_errors_total\{mode="shared"\} [1-9]\d*$/m);
    assert.match(metricsText, /^keepalive_nsq_http_responses_total\{mode="shared",class="2xx"\} 0$/m);
    const refusedExit = await stopCleanly(refused);
    assert.equal(fixture.sink.stats().requests, 0, 'a request reached the sink without a trusted certificate');
    assert.equal(refusedExit.summary!.httpResponses['2xx'], 0);
    assert.ok(refusedExit.summary!.connectErrors > 0, 'the probe did not count the refused connections');

    const trusted = start(fixture);
    await waitForAll(fixture, trusted, 60_000);
    await stopCleanly(trusted);
  });
});
