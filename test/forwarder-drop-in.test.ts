// Issue 9, item 1: the forwarder started with nsq_to_http's own command line (Go flag syntax,
// single dashes, -n, the CA given through SSL_CERT_FILE as for a Go program) delivers every message
// over at most max-in-flight connections; --get, --version and -h work; bad flags exit 2 naming
// the flag. Real nsqd, real HTTPS sink with a fresh CA.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { findNsqBinary } from '../runtime/rig/harness/go-tool-binaries.ts';
import { generateCertificates } from '../runtime/rig/sink/certificates.ts';
import { runForwarderToExit, spawnForwarder, type ForwarderExit, type ForwarderProcess } from '../runtime/rig/harness/forwarder-process.ts';
import { missingBodies, startForwarderFixture, waitFor, type ForwarderFixture } from './support/forwarder-fixture.ts';

const fixtures: ForwarderFixture[] = [];
const children: ForwarderProcess[] = [];

async function fixtureFor(options: Parameters<typeof startForwarderFixture>[0] = {}): Promise<ForwarderFixture> {
  const fixture = await startForwarderFixture(options);
  fixtures.push(fixture);
  return fixture;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): ForwarderProcess {
  const child = spawnForwarder(args, env);
  children.push(child);
  return child;
}

async function deliverAll(fixture: ForwarderFixture, forwarder: ForwarderProcess): Promise<ForwarderExit> {
  await waitFor('every published message to be delivered', () => missingBodies(fixture.sink, fixture.published).length === 0, 90_000, () =>
    `${missingBodies(fixture.sink, fixture.published).length} missing; sink ${JSON.stringify(fixture.sink.stats())}\n${forwarder.stderr().slice(-2500)}`,
  );
  forwarder.kill('SIGTERM');
  const exit = await forwarder.exited(60_000);
  assert.equal(exit.code, 0, exit.stderr.slice(-2500));
  return exit;
}

/** nsq_to_http's flags, spelled as a Go user would (single dash, -flag=value and -flag value). */
function nsqToHttpArgs(fixture: ForwarderFixture, maxInFlight: number): string[] {
  return [
    `-topic=${fixture.topic}`,
    '-channel', fixture.channel,
    `-nsqd-tcp-address=${fixture.nsqd.tcpAddress}`,
    '-post', `${fixture.sink.url}/ingest`,
    `-max-in-flight=${maxInFlight}`,
    '-n', String(maxInFlight),
    '-status-every=100',
    '-http-client-connect-timeout=2s',
    '-consumer-opt=max_attempts,5',
  ];
}

after(async () => {
  for (const child of children) if (child.running) child.kill('SIGKILL');
  for (const fixture of fixtures) await fixture.close();
});

describe('drop-in for nsq_to_http', { timeout: 300_000 }, () => {
  it("nsq_to_http's command line with the CA in SSL_CERT_FILE delivers every message over ≤ max-in-flight connections", async () => {
    const fixture = await fixtureFor({ sink: { latencyMs: 2 } });
    // The very same argv is nsq_to_http's: its own Go flag parser accepts it (-version exits after parsing).
    const real = await promisify(execFile)(findNsqBinary('nsq_to_http'), [...nsqToHttpArgs(fixture, 16), '-version']);
    assert.match(real.stdout, /^nsq_to_http v1\.3\.0/);
    await fixture.publish(600, 'drop-in');
    // Only SSL_CERT_FILE names the run's CA (whatever NODE_EXTRA_CA_CERTS the machine sets is cleared).
    const forwarder = start(nsqToHttpArgs(fixture, 16), { SSL_CERT_FILE: fixture.certificates.caFile, NODE_EXTRA_CA_CERTS: '' });
    const exit = await deliverAll(fixture, forwarder);
    const stats = fixture.sink.stats();
    assert.ok(stats.connections <= 16, `${stats.connections} connections for max-in-flight 16`);
    assert.ok(stats.tlsHandshakes <= 16, `${stats.tlsHandshakes} handshakes`);
    assert.match(exit.stderr, /\[aggregate\]: finished 100 requests - 99th: [\d.]+ms - 95th: [\d.]+ms - avg: [\d.]+ms/, '-status-every');
    assert.match(exit.stderr, /trusting system \d+, bundled \d+ CA certificates/, 'SSL_CERT_FILE is read as the system bundle');
    const summary = exit.summary!;
    assert.equal(summary.messagesFinished, 600);
    assert.equal(summary.messagesReceived, summary.messagesFinished + summary.messagesRequeued + summary.messagesRequeuedByNsqd + summary.messagesDeadLettered);
    assert.ok(summary.activeDurationMs > 0 && summary.activeDurationMs <= summary.durationMs);
    const stats2 = await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel);
    assert.equal(stats2?.depth, 0);
  });

  it('-n below max-in-flight caps the requests (and connections) at -n', async () => {
    const fixture = await fixtureFor({ sink: { latencyMs: 20 } });
    await fixture.publish(200, 'handlers');
    const forwarder = start([...nsqToHttpArgs(fixture, 16).filter((arg) => arg !== '16'), '-n', '2'], { SSL_CERT_FILE: fixture.certificates.caFile });
    await deliverAll(fixture, forwarder);
    assert.ok(fixture.sink.stats().connections <= 2, `${fixture.sink.stats().connections} connections with -n 2`);
  });

  it('--ca-file adds to NODE_EXTRA_CA_CERTS instead of replacing it', async () => {
    const fixture = await fixtureFor();
    const otherCa = await generateCertificates();
    try {
      await fixture.publish(50, 'extra-ca');
      const args = [...nsqToHttpArgs(fixture, 8), '--ca-file', otherCa.caFile];
      const forwarder = start(args, { NODE_EXTRA_CA_CERTS: fixture.certificates.caFile, SSL_CERT_FILE: otherCa.caFile, SSL_CERT_DIR: otherCa.dir });
      const exit = await deliverAll(fixture, forwarder);
      assert.equal(exit.summary!.httpResponses['2xx'], 50);
      assert.match(exit.stderr, /NODE_EXTRA_CA_CERTS 1, --ca-file 1 CA certificates/);
    } finally {
      await rm(otherCa.dir, { recursive: true, force: true });
    }
  });

  it('--get sends the query-escaped message in the URL', async () => {
    const fixture = await fixtureFor();
    const paths: string[] = [];
    fixture.sink.setResponder((request) => {
      paths.push(`${request.method} ${request.path}`);
      return undefined;
    });
    await fixture.publish(20, 'get me');
    const args = nsqToHttpArgs(fixture, 4).map((arg) => (arg === '-post' ? '-get' : arg === `${fixture.sink.url}/ingest` ? `${fixture.sink.url}/in?m=%s&v=1` : arg));
    const forwarder = start(args, { SSL_CERT_FILE: fixture.certificates.caFile });
    await waitFor('20 GET requests', () => new Set(paths).size >= 20, 60_000, () => forwarder.stderr());
    forwarder.kill('SIGTERM');
    assert.equal((await forwarder.exited(30_000)).code, 0);
    assert.ok(paths.includes('GET /in?m=get+me-7&v=1'), paths.slice(0, 3).join(', '));
  });

  it('-sample=0 finishes every message without a request', async () => {
    const fixture = await fixtureFor();
    await fixture.publish(30, 'sampled');
    const forwarder = start([...nsqToHttpArgs(fixture, 8), '-sample=0'], { SSL_CERT_FILE: fixture.certificates.caFile });
    await waitFor('the channel to be drained', async () => (await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel))?.depth === 0, 30_000, () => forwarder.stderr());
    await waitFor('30 messages answered', async () => (await fixture.nsqd.api.channelStats(fixture.topic, fixture.channel))?.in_flight_count === 0, 30_000);
    forwarder.kill('SIGTERM');
    const exit = await forwarder.exited(30_000);
    assert.equal(exit.code, 0, exit.stderr);
    assert.equal(exit.summary!.messagesSampledOut, 30);
    assert.equal(exit.summary!.messagesFinished, 30);
    assert.equal(fixture.sink.stats().requests, 0);
  });

  it('--version and -h exit 0', async () => {
    const version = await runForwarderToExit(['-version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^keepalive-nsq v\d+\.\d+\.\d+\n$/);
    const help = await runForwarderToExit(['-h']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--status-every/);
  });

  it('bad flags exit 2 with one line naming the flag', async () => {
    const valid = ['-topic', 'orders', '-nsqd-tcp-address', '127.0.0.1:4150', '-post', 'https://127.0.0.1:8443/in'];
    const cases: [string[], RegExp][] = [
      [[...valid, '-max-inflight=3'], /^keepalive-nsq: unknown flag -max-inflight \(see --help\)$/],
      [[...valid, '-n'], /^keepalive-nsq: -n: a value is required$/],
      [[...valid, '-consumer-opt', 'tls_v1,true'], /^keepalive-nsq: --consumer-opt tls_v1: not supported by keepalive-nsq/],
      [[...valid, '-mode', 'fastest'], /^keepalive-nsq: --mode: "fastest" is not one of/],
      [[...valid, '-sample=1.5'], /^keepalive-nsq: --sample: 1.5 is outside 0..1$/],
    ];
    for (const [args, pattern] of cases) {
      const exit = await runForwarderToExit(args);
      assert.equal(exit.code, 2, `${args.join(' ')}: ${exit.stderr}`);
      const lines = exit.stderr.trim().split('\n');
      assert.equal(lines.length, 1, exit.stderr);
      assert.match(lines[0]!, pattern);
    }
  });
});
