// One run of the incident as it was seen: messages published at a steady rate for a fixed time while
// one forwarder consumes them through a WAN-latency proxy, nsqd's channel sampled every second
// (depth, in flight, timeouts) and nsqd's own `E_FIN_FAILED` log lines collected. A forwarder that
// keeps up shows a flat depth; one that cannot shows the depth climbing and, once messages wait in
// flight past nsqd's msg-timeout, nsqd requeueing them and refusing their late FINs.
import type { CleanupOnExit } from '../bench/cleanup-on-exit.js';
import type { ForwarderKind } from '../bench/forwarder-command.js';
import type { ForwarderSummary } from '../harness/forwarder-summary.js';
import { startMeasuredForwarder } from '../bench/measured-forwarder.js';
import { makeMessageBodies } from '../bench/message-bodies.js';
import type { NsqdProcess } from '../harness/nsqd.js';
import type { TestCertificates } from '../sink/certificates.js';
import type { HttpsSink } from '../sink/https-sink.js';

export interface SteadyRunSettings {
  /** Unique per run: names the topic and prefixes every message id. */
  runId: string;
  kind: ForwarderKind;
  /** Messages published per second, in batches every 100 ms. */
  publishRate: number;
  /** How long messages are published (the forwarder is stopped right after). */
  seconds: number;
  maxInFlight: number;
  /** Requests at once (`-n`). */
  handlers: number;
  messageBytes?: number;
}

export interface SteadyRunEnvironment {
  nsqd: NsqdProcess;
  /** Counts deliveries by message id (keyByMessageId). */
  sink: HttpsSink;
  /** Where the forwarder POSTs: the sink itself, or a latency proxy in front of it. */
  postOrigin: string;
  certificates: TestCertificates;
  cleanup: CleanupOnExit;
  onSample?: (sample: ChannelSample) => void;
}

export interface ChannelSample {
  /** Seconds since publishing started. */
  atSeconds: number;
  published: number;
  /** Unique messages the sink answered 2xx. */
  delivered: number;
  /** Messages waiting in nsqd's channel queue (not in flight). */
  depth: number;
  inFlight: number;
  /** nsqd's msg-timeout firing: messages requeued because no FIN arrived in time. */
  timeoutCount: number;
}

export interface SteadyRunResult {
  runId: string;
  kind: ForwarderKind;
  publishRate: number;
  seconds: number;
  maxInFlight: number;
  handlers: number;
  published: number;
  delivered: number;
  /** Unique deliveries by the last sample ÷ its time (publishing time plus one second). */
  messagesPerSecond: number;
  requests: number;
  /** TCP connections the sink accepted. */
  connections: number;
  tlsHandshakes: number;
  /** Channel depth when publishing stopped. */
  finalDepth: number;
  /** Largest depth seen. */
  peakDepth: number;
  timeoutCount: number;
  requeueCount: number;
  /** `E_FIN_FAILED` lines nsqd logged during the run. */
  finFailedCount: number;
  /** The first few of them, verbatim. */
  finFailedLines: string[];
  samples: ChannelSample[];
  summary?: ForwarderSummary;
  command: string;
}

const PUBLISH_EVERY_MS = 100;
const SAMPLE_EVERY_MS = 1000;
const STOP_GRACE_MS = 20_000;
const CONNECT_TIMEOUT_MS = 30_000;
const KEPT_LOG_LINES = 5;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSteady(settings: SteadyRunSettings, env: SteadyRunEnvironment): Promise<SteadyRunResult> {
  const { nsqd, sink, certificates, cleanup } = env;
  const topic = settings.runId;
  const channel = 'forwarder';
  const total = Math.max(1, Math.round(settings.publishRate * settings.seconds));
  const bodies = makeMessageBodies(settings.runId, total, settings.messageBytes);

  await nsqd.api.createTopic(topic);
  await nsqd.api.createChannel(topic, channel);
  await sink.waitForIdle();
  sink.reset();

  const forwarder = await startMeasuredForwarder(
    settings.kind,
    {
      topic,
      channel,
      nsqdTcpAddress: nsqd.tcpAddress,
      nsqdHttpAddress: nsqd.httpAddress,
      postUrl: `${env.postOrigin}/events`,
      caFile: certificates.caFile,
      maxInFlight: settings.maxInFlight,
      handlers: settings.handlers,
    },
    cleanup,
  );
  const { description } = forwarder;
  const finFailedLines: string[] = [];
  let finFailedCount = 0;
  const stopWatchingLog = nsqd.onLog((line) => {
    if (!line.includes('E_FIN_FAILED')) return;
    finFailedCount += 1;
    if (finFailedLines.length < KEPT_LOG_LINES) finFailedLines.push(line);
  });
  try {
    // Publishing starts once the forwarder has subscribed, so both forwarders get the same clock.
    const connectBy = Date.now() + CONNECT_TIMEOUT_MS;
    while (((await nsqd.api.channelStats(topic, channel))?.client_count ?? 0) === 0) {
      forwarder.assertRunning();
      if (Date.now() > connectBy) throw new Error(`${description} did not subscribe within ${CONNECT_TIMEOUT_MS / 1000} s:\n${forwarder.process.tail()}`);
      await sleep(50);
    }

    const samples: ChannelSample[] = [];
    const sample = async (atSeconds: number, published: number): Promise<ChannelSample> => {
      const stats = await nsqd.api.channelStats(topic, channel);
      const taken: ChannelSample = {
        atSeconds,
        published,
        delivered: sink.stats().delivered,
        depth: stats?.depth ?? 0,
        inFlight: stats?.in_flight_count ?? 0,
        timeoutCount: stats?.timeout_count ?? 0,
      };
      samples.push(taken);
      env.onSample?.(taken);
      return taken;
    };

    const startedAt = performance.now();
    let published = 0;
    let nextSampleAt = SAMPLE_EVERY_MS;
    await sample(0, 0);
    while (published < total || nextSampleAt <= settings.seconds * 1000) {
      const elapsedMs = performance.now() - startedAt;
      const due = Math.min(total, Math.floor((elapsedMs / 1000) * settings.publishRate) + 1);
      if (due > published) {
        await nsqd.api.publishMany(topic, bodies.slice(published, due));
        published = due;
      }
      if (elapsedMs >= nextSampleAt) {
        await sample(nextSampleAt / 1000, published);
        nextSampleAt += SAMPLE_EVERY_MS;
      }
      forwarder.assertRunning();
      await sleep(Math.max(0, PUBLISH_EVERY_MS - ((performance.now() - startedAt) % PUBLISH_EVERY_MS)));
    }
    // The last publish lands at the very end of the period; one more second shows where the depth stands.
    await sleep(Math.max(0, settings.seconds * 1000 + SAMPLE_EVERY_MS - (performance.now() - startedAt)));
    const last = await sample(settings.seconds + SAMPLE_EVERY_MS / 1000, published);
    const atEnd = sink.stats();

    const summary = await forwarder.stop(STOP_GRACE_MS);
    const channelStats = await nsqd.api.channelStats(topic, channel);
    return {
      runId: settings.runId,
      kind: settings.kind,
      publishRate: settings.publishRate,
      seconds: settings.seconds,
      maxInFlight: settings.maxInFlight,
      handlers: settings.handlers,
      published,
      delivered: atEnd.delivered,
      messagesPerSecond: last.delivered / last.atSeconds,
      requests: atEnd.requests,
      connections: atEnd.connections,
      tlsHandshakes: atEnd.tlsHandshakes,
      finalDepth: last.depth,
      peakDepth: Math.max(...samples.map((entry) => entry.depth)),
      timeoutCount: channelStats?.timeout_count ?? last.timeoutCount,
      requeueCount: channelStats?.requeue_count ?? 0,
      finFailedCount,
      finFailedLines,
      samples,
      ...(summary === undefined ? {} : { summary }),
      command: description,
    };
  } finally {
    stopWatchingLog();
    await forwarder.dispose();
  }
}
