// Acceptance 3: two nsqd registered with nsqlookupd, two forwarder processes discovering them
// through --lookupd-http-address; every message from both nsqd is delivered.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { startNsqd, startNsqlookupd, type NsqdProcess, type NsqlookupdProcess } from '../runtime/rig/harness/nsqd.ts';
import { generateCertificates, type TestCertificates } from '../runtime/rig/sink/certificates.ts';
import { startHttpsSink, type HttpsSink } from '../runtime/rig/sink/https-sink.ts';
import { deliveredBodies, waitFor } from './support/forwarder-fixture.ts';
import { spawnForwarder, type ForwarderProcess } from '../runtime/rig/harness/forwarder-process.ts';

describe('distributed consumption through nsqlookupd', { timeout: 180_000 }, () => {
  let lookupd: NsqlookupdProcess | undefined;
  const nsqds: NsqdProcess[] = [];
  const forwarders: ForwarderProcess[] = [];
  let sink: HttpsSink | undefined;
  let certificates: TestCertificates | undefined;

  after(async () => {
    for (const forwarder of forwarders) if (forwarder.child.exitCode === null && forwarder.child.signalCode === null) forwarder.kill('SIGKILL');
    await sink?.close();
    for (const nsqd of nsqds) await nsqd.stop();
    await lookupd?.stop();
    if (certificates) await rm(certificates.dir, { recursive: true, force: true });
  });

  it('two forwarders deliver every message published to two nsqd', async () => {
    lookupd = await startNsqlookupd();
    nsqds.push(await startNsqd({ lookupdTcpAddresses: [lookupd.tcpAddress] }), await startNsqd({ lookupdTcpAddresses: [lookupd.tcpAddress] }));
    certificates = await generateCertificates();
    sink = await startHttpsSink({ certificates, latencyMs: 2 });
    const topic = `dist-${randomUUID().slice(0, 8)}`;
    const published: string[] = [];
    for (const [index, nsqd] of nsqds.entries()) {
      await nsqd.api.createTopic(topic);
      await nsqd.api.createChannel(topic, 'forwarder');
      const bodies = Array.from({ length: 600 }, (_, n) => `nsqd${index}-${n}`);
      await nsqd.api.publishMany(topic, bodies);
      published.push(...bodies);
    }
    // nsqd registers topics with nsqlookupd asynchronously.
    await waitFor('both nsqd to register the topic with nsqlookupd', async () => {
      const response = await fetch(`http://${lookupd!.httpAddress}/lookup?topic=${topic}`);
      if (!response.ok) return false;
      const parsed = (await response.json()) as { producers?: unknown[] };
      return (parsed.producers?.length ?? 0) === 2;
    }, 30_000);

    for (let i = 0; i < 2; i += 1) {
      forwarders.push(
        spawnForwarder([
          '--topic', topic,
          '--channel', 'forwarder',
          '--lookupd-http-address', lookupd.httpAddress,
          '--lookupd-poll-interval', '1s',
          '--post', `${sink.url}/ingest`,
          '--ca-file', certificates.caFile,
          '--max-in-flight', '8',
        ]),
      );
    }
    await waitFor('every message from both nsqd to be delivered', () => published.every((body) => deliveredBodies(sink!).has(body)), 120_000, () =>
      `${JSON.stringify(sink!.stats())}\n${forwarders.map((f) => f.stderr().slice(-1500)).join('\n---\n')}`,
    );
    for (const forwarder of forwarders) forwarder.kill('SIGTERM');
    const exits = await Promise.all(forwarders.map((forwarder) => forwarder.exited(60_000)));
    for (const exit of exits) {
      assert.equal(exit.code, 0, exit.stderr.slice(-2000));
      // Each forwarder found both nsqd through nsqlookupd.
      const connectedTo = new Set([...exit.stderr.matchAll(/connected to nsqd (\S+)/g)].map((match) => match[1]));
      assert.deepEqual([...connectedTo].sort(), nsqds.map((nsqd) => nsqd.tcpAddress).sort(), exit.stderr.slice(-2000));
      assert.ok(exit.summary!.messagesFinished > 0, 'one forwarder did no work');
    }
    const finished = exits.reduce((sum, exit) => sum + exit.summary!.messagesFinished, 0);
    assert.ok(finished >= published.length, `${finished} finished for ${published.length} published`);
    for (const nsqd of nsqds) {
      const stats = await nsqd.api.channelStats(topic, 'forwarder');
      assert.equal(stats?.depth, 0);
      assert.equal(stats?.in_flight_count, 0);
    }
  });
});
