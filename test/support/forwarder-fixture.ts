// Shared set-up for the forwarder acceptance tests: a real nsqd, a fresh CA, the HTTPS sink, a topic
// filled with numbered messages, bounded polling, and reading the dead-letter topic back.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { startNsqd, type NsqdProcess, type StartNsqdOptions } from '../../runtime/rig/harness/nsqd.ts';
import { NsqConsumer, type NsqMessage } from '../../runtime/src/nsq.ts';
import { silentLogger } from '../../runtime/src/logger.ts';
import type { DeadLetter } from '../../runtime/src/dead-letter.ts';
import { generateCertificates, type TestCertificates } from '../../runtime/rig/sink/certificates.ts';
import { startHttpsSink, type HttpsSink, type HttpsSinkOptions } from '../../runtime/rig/sink/https-sink.ts';

export interface ForwarderFixture {
  nsqd: NsqdProcess;
  certificates: TestCertificates;
  sink: HttpsSink;
  topic: string;
  channel: string;
  /** The bodies published so far, in order. */
  published: string[];
  /** Publishes `count` numbered messages (`<prefix>-<n>`). */
  publish(count: number, prefix?: string): Promise<string[]>;
  /** Flags every forwarder run needs: topic, channel, nsqd addresses, sink URL, CA. */
  baseArgs(): string[];
  close(): Promise<void>;
}

export async function startForwarderFixture(
  options: { sink?: Omit<HttpsSinkOptions, 'certificates'>; nsqd?: StartNsqdOptions } = {},
): Promise<ForwarderFixture> {
  const nsqd = await startNsqd(options.nsqd);
  const certificates = await generateCertificates();
  const sink = await startHttpsSink({ certificates, ...options.sink });
  const topic = `fwd-${randomUUID().slice(0, 8)}`;
  const channel = 'forwarder';
  await nsqd.api.createTopic(topic);
  await nsqd.api.createChannel(topic, channel);
  const published: string[] = [];
  return {
    nsqd,
    certificates,
    sink,
    topic,
    channel,
    published,
    async publish(count, prefix = 'message') {
      const start = published.length;
      const bodies = Array.from({ length: count }, (_, index) => `${prefix}-${start + index}`);
      await nsqd.api.publishMany(topic, bodies);
      published.push(...bodies);
      return bodies;
    },
    baseArgs: () => [
      '--topic', topic,
      '--channel', channel,
      '--nsqd-tcp-address', nsqd.tcpAddress,
      '--nsqd-http-address', nsqd.httpAddress,
      '--post', `${sink.url}/ingest`,
      '--ca-file', certificates.caFile,
    ],
    async close() {
      await sink.close();
      await nsqd.stop();
      await rm(certificates.dir, { recursive: true, force: true });
    },
  };
}

/** Polls `condition` every 50 ms; throws with `describe()` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number, describe?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `: ${describe()}` : ''}`);
}

/** The message bodies the sink accepted (2xx), as strings. */
export function deliveredBodies(sink: HttpsSink): Set<string> {
  return new Set([...sink.deliveredBodies().values()].map((body) => body.toString('utf8')));
}

/** Bodies published but never accepted by the sink. */
export function missingBodies(sink: HttpsSink, published: readonly string[]): string[] {
  const delivered = deliveredBodies(sink);
  return published.filter((body) => !delivered.has(body));
}

/** Reads `count` dead letters back from nsqd with the project's own consumer (the topic must have a channel). */
export async function readDeadLetters(nsqd: NsqdProcess, topic: string, channel: string, count: number, timeoutMs = 30_000): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  const consumer = new NsqConsumer({
    topic,
    channel,
    nsqdTcpAddresses: [nsqd.tcpAddress],
    lookupdHttpAddresses: [],
    lookupdPollIntervalMs: 1000,
    maxInFlight: 50,
    log: silentLogger,
    onMessage(message: NsqMessage) {
      letters.push(JSON.parse(message.body.toString('utf8')) as DeadLetter);
      message.finish();
    },
  });
  consumer.start();
  try {
    await waitFor(`${count} dead letters on ${topic}`, () => letters.length >= count, timeoutMs, () => `got ${letters.length}`);
  } finally {
    consumer.close();
  }
  return letters;
}
