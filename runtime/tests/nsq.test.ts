// The NSQ consumer wrapper and the nsqd HTTP API client against real nsqd processes.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startNsqd, type NsqdProcess } from '../rig/harness/nsqd.js';
import { findNsqBinary } from '../rig/harness/go-tool-binaries.js';
import { silentLogger } from '../src/logger.js';
import { NsqConsumer, type NsqMessage } from '../src/nsq.js';

interface RawClient {
  client_id: string;
  ready_count: number;
  in_flight_count: number;
}

async function readyCounts(nsqd: NsqdProcess, topic: string, channel: string): Promise<number[]> {
  const response = await fetch(`http://${nsqd.httpAddress}/stats?format=json&topic=${topic}&channel=${channel}`);
  const stats = (await response.json()) as { topics: { channels: { clients: RawClient[] }[] }[] };
  return stats.topics[0]?.channels[0]?.clients.map((client) => client.ready_count) ?? [];
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('nsqd harness and API', { timeout: 60_000 }, () => {
  const started: NsqdProcess[] = [];
  after(async () => {
    for (const nsqd of started) await nsqd.stop();
  });

  it('finds nsqd, starts it on free ports, publishes and reads stats', async () => {
    assert.match(findNsqBinary('nsqd'), /nsqd$/);
    const nsqd = await startNsqd();
    started.push(nsqd);
    await nsqd.api.ping();
    await nsqd.api.createTopic('api');
    await nsqd.api.createChannel('api', 'c');
    await nsqd.api.publish('api', 'one');
    await nsqd.api.publishMany('api', ['two', 'three', Buffer.from('with\nnewline')]);
    const channel = await nsqd.api.channelStats('api', 'c');
    assert.equal(channel?.depth, 4);
    assert.equal(channel?.message_count, 4);
    assert.equal(await nsqd.api.channelStats('api', 'missing'), undefined);
    await assert.rejects(nsqd.api.publish('api', ''), /nsqd POST \/pub\?topic=api → 400/);
  });

  it('restart keeps ports and queued messages', async () => {
    const nsqd = await startNsqd();
    started.push(nsqd);
    await nsqd.api.createTopic('kept');
    await nsqd.api.createChannel('kept', 'c');
    await nsqd.api.publishMany('kept', ['a', 'b']);
    const before = { tcp: nsqd.tcpAddress, http: nsqd.httpAddress };
    await nsqd.restart();
    assert.deepEqual({ tcp: nsqd.tcpAddress, http: nsqd.httpAddress }, before);
    assert.equal((await nsqd.api.channelStats('kept', 'c'))?.depth, 2);
  });
});

describe('NsqConsumer', { timeout: 60_000 }, () => {
  const started: NsqdProcess[] = [];
  const consumers: NsqConsumer[] = [];
  after(async () => {
    for (const consumer of consumers) consumer.close();
    for (const nsqd of started) await nsqd.stop();
  });

  it('spreads RDY over connections without losing the remainder (nsqjs trap 6)', async () => {
    const nsqds = [await startNsqd(), await startNsqd()];
    started.push(...nsqds);
    for (const nsqd of nsqds) {
      await nsqd.api.createTopic('rdy');
      await nsqd.api.createChannel('rdy', 'c');
    }
    const consumer = new NsqConsumer({
      topic: 'rdy',
      channel: 'c',
      nsqdTcpAddresses: nsqds.map((nsqd) => nsqd.tcpAddress),
      lookupdHttpAddresses: [],
      lookupdPollIntervalMs: 1_000,
      maxInFlight: 5,
      log: silentLogger,
      onMessage: (message) => message.finish(),
    });
    consumers.push(consumer);
    consumer.start();
    const total = async (): Promise<number> => (await Promise.all(nsqds.map((nsqd) => readyCounts(nsqd, 'rdy', 'c')))).flat().reduce((a, b) => a + b, 0);
    await eventually('RDY 5 in total', async () => (await total()) === 5);
    const perNsqd = (await Promise.all(nsqds.map((nsqd) => readyCounts(nsqd, 'rdy', 'c')))).flat().sort();
    assert.deepEqual(perNsqd, [2, 3]);
    // Backing off to one message in flight: one connection holds RDY 1.
    consumer.setRdyBudget(1);
    await eventually('RDY 1 in total', async () => (await total()) === 1);
    consumer.setRdyBudget(5);
    await eventually('RDY 5 again', async () => (await total()) === 5);
  });

  it('answers each message at most once, even when asked twice in the same tick (nsqjs trap 2)', async () => {
    const nsqd = await startNsqd();
    started.push(nsqd);
    await nsqd.api.createTopic('once');
    await nsqd.api.createChannel('once', 'c');
    await nsqd.api.publishMany('once', ['a', 'b', 'c']);
    const answers: boolean[][] = [];
    const consumer = new NsqConsumer({
      topic: 'once',
      channel: 'c',
      nsqdTcpAddresses: [nsqd.tcpAddress],
      lookupdHttpAddresses: [],
      lookupdPollIntervalMs: 1_000,
      maxInFlight: 3,
      log: silentLogger,
      onProtocolError: (_address, error) => assert.fail(`nsqd error frame: ${error.message}`),
      onMessage: (message: NsqMessage) => {
        answers.push([message.finish(), message.requeue(0), message.finish(), message.touch()]);
      },
    });
    consumers.push(consumer);
    consumer.start();
    await eventually('three messages', async () => answers.length === 3);
    assert.deepEqual(answers, [
      [true, false, false, false],
      [true, false, false, false],
      [true, false, false, false],
    ]);
    await eventually('all finished at nsqd', async () => {
      const stats = await nsqd.api.channelStats('once', 'c');
      return stats?.depth === 0 && stats.in_flight_count === 0 && stats.requeue_count === 0;
    });
  });
});
