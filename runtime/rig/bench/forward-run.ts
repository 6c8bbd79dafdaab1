// One measured run: publish N messages to a fresh topic on a real nsqd, start one forwarder against
// the HTTPS sink, wait until the sink has every message, stop the forwarder, read what it cost.
// The `http_only` reference publishes nothing: it sends the same bodies to the sink itself.
import type { NsqdProcess } from '../harness/nsqd.js';
import type { TestCertificates } from '../sink/certificates.js';
import type { CountingSink } from '../sink/bench-sink.js';
import type { CleanupOnExit } from './cleanup-on-exit.js';
import { consumesNsq, type ForwarderKind } from './forwarder-command.js';
import type { ForwarderSummary } from '../harness/forwarder-summary.js';
import { startMeasuredForwarder } from './measured-forwarder.js';
import { makeMessageBodies } from './message-bodies.js';

export interface ForwardRunSettings {
  /** Unique per run: names the topic and prefixes every message id. */
  runId: string;
  kind: ForwarderKind;
  messages: number;
  maxInFlight: number;
  /** Size of each published message (default 200 bytes). */
  messageBytes?: number;
}

export interface ForwardRunEnvironment {
  nsqd: NsqdProcess;
  /**
   * Must key deliveries by message id so every forwarder is counted alike: the bench sink does; the
   * Node sink with `keyOf: keyByMessageId`.
   */
  sink: CountingSink;
  certificates: TestCertificates;
  cleanup: CleanupOnExit;
  /** Where the forwarder POSTs (default: the sink itself); e.g. a latency proxy in front of it. */
  postOrigin?: string;
  onProgress?: (delivered: number) => void;
}

export interface ForwardRunResult {
  runId: string;
  kind: ForwarderKind;
  messages: number;
  maxInFlight: number;
  /** Unique messages the sink answered 2xx. */
  delivered: number;
  /** From the sink's first request to its last first-time delivery. */
  seconds: number;
  messagesPerSecond: number;
  requests: number;
  /** TCP connections the sink accepted (abandoned dials included). */
  connections: number;
  tlsHandshakes: number;
  /** Connections still open when the last message arrived (unread bodies pin them). */
  openConnectionsAtEnd: number;
  byStatus: Record<string, number>;
  /** nsqd's channel counters after the run. */
  timeoutCount: number;
  requeueCount: number;
  /** The forwarder's own exit summary, when it printed one. */
  summary?: ForwarderSummary;
  command: string;
  exitCode: number | null;
}

const POLL_MS = 100;
const STOP_GRACE_MS = 20_000;
const SETTLE_TIMEOUT_MS = 10_000;
/** No new delivery for this long means the forwarder is stuck (start-up included). */
const STALL_TIMEOUT_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Generous: even the broken pattern on a loaded 2-core machine does far better than 25 msg/s. */
function deadlineMs(messages: number): number {
  return 60_000 + messages * 40;
}

export async function runForwarder(settings: ForwardRunSettings, env: ForwardRunEnvironment): Promise<ForwardRunResult> {
  const { nsqd, sink, certificates, cleanup } = env;
  const topic = settings.runId;
  const channel = 'forwarder';

  const viaNsq = consumesNsq(settings.kind);
  if (viaNsq) {
    await nsqd.api.createTopic(topic);
    await nsqd.api.createChannel(topic, channel);
    await nsqd.api.publishMany(topic, makeMessageBodies(settings.runId, settings.messages, settings.messageBytes));
  }
  // Connections of the previous run (closing sockets, dials still in the listen backlog) must not
  // be counted against this one.
  await sink.waitForIdle();
  await sink.reset();

  const forwarder = await startMeasuredForwarder(
    settings.kind,
    {
      topic,
      channel,
      nsqdTcpAddress: nsqd.tcpAddress,
      nsqdHttpAddress: nsqd.httpAddress,
      postUrl: `${env.postOrigin ?? sink.url}/events`,
      caFile: certificates.caFile,
      maxInFlight: settings.maxInFlight,
      bodies: { runId: settings.runId, messages: settings.messages, ...(settings.messageBytes === undefined ? {} : { messageBytes: settings.messageBytes }) },
    },
    cleanup,
  );
  const { description } = forwarder;
  const running = forwarder.process;
  try {
    const deadline = Date.now() + deadlineMs(settings.messages);
    let delivered = 0;
    let progressAt = Date.now();
    while (delivered < settings.messages) {
      await sleep(POLL_MS);
      const now = (await sink.stats()).delivered;
      if (now !== delivered) progressAt = Date.now();
      delivered = now;
      env.onProgress?.(delivered);
      if (running.startError) throw running.startError;
      if (!running.running) {
        throw new Error(`${description} exited (code ${running.exitCode}) after ${delivered}/${settings.messages} messages:\n${running.tail()}`);
      }
      if (Date.now() - progressAt > STALL_TIMEOUT_MS) {
        throw new Error(
          `${description} made no progress for ${STALL_TIMEOUT_MS / 1000} s (${delivered}/${settings.messages} messages delivered):\n${running.tail()}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${description} delivered only ${delivered}/${settings.messages} messages in ${deadlineMs(settings.messages) / 1000} s:\n${running.tail()}`,
        );
      }
    }
    const atEnd = await sink.stats();
    const timeline = await sink.timeline();

    // Let the last FINs reach nsqd before counting its timeouts and requeues.
    const settleBy = Date.now() + SETTLE_TIMEOUT_MS;
    while (viaNsq) {
      const channelStats = await nsqd.api.channelStats(topic, channel);
      if ((channelStats?.depth ?? 0) === 0 && (channelStats?.in_flight_count ?? 0) === 0) break;
      if (Date.now() > settleBy) break;
      await sleep(POLL_MS);
    }

    const summary = await forwarder.stop(STOP_GRACE_MS);

    const channelStats = viaNsq ? await nsqd.api.channelStats(topic, channel) : undefined;
    const seconds =
      timeline.firstRequestAt !== undefined && timeline.lastDeliveryAt !== undefined
        ? Math.max(1e-3, (timeline.lastDeliveryAt - timeline.firstRequestAt) / 1000)
        : Number.NaN;
    return {
      runId: settings.runId,
      kind: settings.kind,
      messages: settings.messages,
      maxInFlight: settings.maxInFlight,
      delivered: atEnd.delivered,
      seconds,
      messagesPerSecond: atEnd.delivered / seconds,
      requests: atEnd.requests,
      connections: atEnd.connections,
      tlsHandshakes: atEnd.tlsHandshakes,
      openConnectionsAtEnd: atEnd.openConnections,
      byStatus: atEnd.byStatus,
      timeoutCount: channelStats?.timeout_count ?? 0,
      requeueCount: channelStats?.requeue_count ?? 0,
      ...(summary === undefined ? {} : { summary }),
      command: description,
      exitCode: running.exitCode ?? null,
    };
  } finally {
    await forwarder.dispose();
  }
}
