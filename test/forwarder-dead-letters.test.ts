// Issue 9, item 2: dead letters need no extra flag (PUB over TCP to the nsqd the message came from),
// nothing is requeued to the endpoint forever, a message whose dead letter cannot be published is
// held with a loud error, and an endpoint-wide failure (TLS verification, DNS) backs the consumer off
// instead of dead-lettering. Every received message is accounted for. Real nsqd and HTTPS sink.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { decodeDeadLetterBody } from '../runtime/src/dead-letter.ts';
import type { ForwarderSummary } from '../runtime/src/forwarder.ts';
import { spawnForwarder, type ForwarderExit, type ForwarderProcess } from '../runtime/rig/harness/forwarder-process.ts';
import { readDeadLetters, startForwarderFixture, waitFor, type ForwarderFixture } from './support/forwarder-fixture.ts';

const fixtures: ForwarderFixture[] = [];
const children: ForwarderProcess[] = [];

async function fixtureFor(): Promise<ForwarderFixture> {
  const fixture = await startForwarderFixture();
  fixtures.push(fixture);
  return fixture;
}

/** The fixture's flags without --nsqd-http-address (and optionally without --ca-file). */
function tcpOnlyArgs(fixture: ForwarderFixture, { withCa = true } = {}): string[] {
  const drop = new Set(['--nsqd-http-address', ...(withCa ? [] : ['--ca-file'])]);
  return fixture.baseArgs().filter((arg, index, args) => !drop.has(arg) && !drop.has(args[index - 1]!));
}

function start(args: string[]): ForwarderProcess {
  const child = spawnForwarder([...args, '--max-in-flight', '8']);
  children.push(child);
  return child;
}

async function stopCleanly(forwarder: ForwarderProcess): Promise<ForwarderExit> {
  forwarder.kill('SIGTERM');
  const exit = await forwarder.exited(60_000);
  assert.equal(exit.code, 0, exit.stderr.slice(-2500));
  return exit;
}

function assertAccounted(summary: ForwarderSummary): void {
  const answered = summary.messagesFinished + summary.messagesRequeued + summary.messagesRequeuedByNsqd + summary.messagesDeadLettered;
  assert.equal(summary.messagesReceived, answered, `received ${summary.messagesReceived} ≠ finished + requeued + dead-lettered ${answered}`);
}

async function metric(address: string, name: string): Promise<number> {
  const text = await (await fetch(`http://${address}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`));
  return Number(line?.split(' ').pop());
}

after(async () => {
  for (const child of children) if (child.running) child.kill('SIGKILL');
  for (const fixture of fixtures) await fixture.close();
});

describe('dead letters', { timeout: 300_000 }, () => {
  it('with --nsqd-tcp-address only, rejected and given-up messages land on the dead-letter topic', async () => {
    const fixture = await fixtureFor();
    const deadLetterTopic = `${fixture.topic}_dead_letter`;
    await fixture.nsqd.api.createTopic(deadLetterTopic);
    await fixture.nsqd.api.createChannel(deadLetterTopic, 'inspect');
    fixture.sink.setResponder((request) => {
      const body = request.body.toString();
      if (body.endsWith('3')) return { status: 400 };
      if (body === 'tcp-only-10') return { status: 503 };
      return undefined;
    });
    const bodies = await fixture.publish(50, 'tcp-only');
    const refused = bodies.filter((body) => body.endsWith('3'));
    const forwarder = start([...tcpOnlyArgs(fixture), '--max-attempts', '3', '--requeue-delay', '20ms', '--max-requeue-delay', '50ms']);
    const letters = await readDeadLetters(fixture.nsqd, deadLetterTopic, 'inspect', refused.length + 1, 60_000);
    const exit = await stopCleanly(forwarder);
    assert.deepEqual(letters.map((letter) => decodeDeadLetterBody(letter).toString()).sort(), [...refused, 'tcp-only-10'].sort());
    const gaveUp = letters.find((letter) => decodeDeadLetterBody(letter).toString() === 'tcp-only-10')!;
    assert.match(gaveUp.reason, /^gave up after 3 attempts: HTTP 503$/);
    assert.equal(fixture.sink.stats().byStatus['503'], 3, 'the failing message went to the endpoint exactly --max-attempts times');
    const summary = exit.summary!;
    assert.equal(summary.messagesDeadLettered, refused.length + 1);
    assert.equal(summary.messagesFinished, bodies.length - refused.length - 1);
    assert.equal(summary.deadLetterFailures, 0);
    assertAccounted(summary);
    assert.doesNotMatch(exit.stderr, /CANNOT DEAD-LETTER/);
  });

  it('a dead letter no nsqd accepts holds the message with a loud error; it is not sent to the endpoint again', async () => {
    const fixture = await fixtureFor();
    // 900 KiB of non-UTF-8 bytes: nsqd takes the message (its limit is 1 MiB) but not its dead
    // letter, whose body is base64 (1.2 MiB): dead-lettering is impossible, by TCP and by HTTP.
    const big = Buffer.alloc(900 * 1024, 0xff);
    await fixture.nsqd.api.publish(fixture.topic, big);
    fixture.sink.setResponder(() => ({ status: 400 }));
    const forwarder = start([...fixture.baseArgs(), '--metrics-address', '127.0.0.1:0', '--shutdown-timeout', '1s']);
    await waitFor('the loud dead-letter error', () => /ERROR CANNOT DEAD-LETTER message \w+ \(rejected: HTTP 400\) to \S+: dead-letter publish failed \(PUB 127\.0\.0\.1:\d+: .*E_BAD_MESSAGE.*; HTTP \/pub 127\.0\.0\.1:\d+: .*413.*\)\. Holding it in flight/.test(forwarder.stderr()), 30_000, () => forwarder.stderr());
    const metricsAddress = /metrics at http:\/\/(\S+)\/metrics/.exec(forwarder.stderr())![1]!;
    assert.equal(await metric(metricsAddress, 'keepalive_nsq_held_messages'), 1);
    // Three more publish attempts (1 s, 2 s apart): the message stays held, the endpoint is not asked again.
    await waitFor('three dead-letter retries', async () => (await metric(metricsAddress, 'keepalive_nsq_dead_letter_failures_total')) >= 3, 30_000, () => forwarder.stderr());
    assert.equal(fixture.sink.stats().requests, 1, 'the message went back to the endpoint');
    const failures = await metric(metricsAddress, 'keepalive_nsq_dead_letter_failures_total');
    const logged = (forwarder.stderr().match(/CANNOT DEAD-LETTER/g) ?? []).length;
    assert.ok(logged < failures, `the error is rate-limited: ${logged} lines for ${failures} failed publishes`);
    const inFlight = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(inFlight?.in_flight_count, 1, 'held in flight');
    const exit = await stopCleanly(forwarder);
    assert.equal(exit.summary!.requeuedAtShutdown, 1);
    assert.equal(exit.summary!.messagesDeadLettered, 0);
    assertAccounted(exit.summary!);
  });

  /**
   * 20 messages, an endpoint-wide failure (`failure` in the log), --max-attempts 2 with 50 ms
   * requeues: without the endpoint-wide rule every message would be dead-lettered within a second.
   * The consumer must back off instead (several failed probes), dead-letter nothing and leave every
   * message queued.
   */
  async function assertBacksOffWithoutDeadLetters(fixture: ForwarderFixture, args: string[], failure: RegExp, what: string): Promise<void> {
    const deadLetterTopic = `${fixture.topic}_dead_letter`;
    await fixture.nsqd.api.createTopic(deadLetterTopic);
    await fixture.publish(20, 'endpoint-down');
    const forwarder = start([...args, '--max-attempts', '2', '--requeue-delay', '50ms', '--max-requeue-delay', '100ms', '--max-backoff-duration', '500ms']);
    await waitFor(`the consumer to back off after ${what}`, () => failure.test(forwarder.stderr()) && /pausing consumption/.test(forwarder.stderr()), 30_000, () => forwarder.stderr());
    // Several probes fail over the next seconds (attempts climb past --max-attempts).
    await waitFor('several failed probes', () => (forwarder.stderr().match(/pausing consumption/g) ?? []).length >= 4, 30_000, () => forwarder.stderr());
    const exit = await stopCleanly(forwarder);
    const summary = exit.summary!;
    assert.equal(summary.messagesDeadLettered, 0);
    assert.ok(summary.endpointUnreachable >= 4, `unreachable ${summary.endpointUnreachable}`);
    assert.ok(summary.messagesReceived < 20 * 3, `received ${summary.messagesReceived}: the consumer did not back off`);
    assertAccounted(summary);
    assert.equal(fixture.sink.stats().requests, 0);
    assert.equal((await fixture.nsqd.api.topicStats(deadLetterTopic))?.message_count, 0);
    const channel = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal((channel?.depth ?? 0) + (channel?.deferred_count ?? 0) + (channel?.in_flight_count ?? 0), 20, 'every message is still queued');
  }

  it('an endpoint whose certificate is not trusted backs the consumer off and never dead-letters', async () => {
    const fixture = await fixtureFor();
    await assertBacksOffWithoutDeadLetters(
      fixture,
      tcpOnlyArgs(fixture, { withCa: false }),
      /failed: (UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE).*the endpoint cannot be reached/,
      'a TLS verification failure',
    );
  });

  it('an endpoint whose name does not resolve (DNS) backs the consumer off and never dead-letters', async () => {
    const fixture = await fixtureFor();
    // A 64-character label is not a valid DNS name: the C library answers ENOTFOUND itself, so the
    // lookup fails the same way on every machine and no query leaves it.
    const unresolvable = `https://${'x'.repeat(64)}.invalid/ingest`;
    const args = tcpOnlyArgs(fixture).map((arg) => (arg === `${fixture.sink.url}/ingest` ? unresolvable : arg));
    assert.ok(args.includes(unresolvable));
    await assertBacksOffWithoutDeadLetters(fixture, args, /failed: ENOTFOUND.*the endpoint cannot be reached/, 'a failed name lookup');
  });
});
