// Wires the parts together: the NSQ consumer feeds the MessageHandler (forward, settle,
// dead-letter, touch), with consumer-wide backoff, the trust store, the connection-reuse probe
// feeding the metrics, and a graceful stop.
import { performance } from 'node:perf_hooks';
import { ConsumerBackoff } from './backoff.js';
import type { ForwarderConfig } from './config.js';
import { DeadLetterPublisher, type DeadLetterRoute } from './dead-letter.js';
import { createSender, toDestination } from './http.js';
import { createStderrLogger, type Logger } from './logger.js';
import { MessageHandler } from './message-handler.js';
import { ForwarderMetrics, serveMetrics, type MetricsServer, type MetricsSnapshot } from './metrics.js';
import { NsqConsumer } from './nsq.js';
import { originOf, watchConnections } from './probe.js';
import { loadTrustStore } from './trust-store.js';

export { idempotencyKey } from './message-handler.js';

export interface ForwarderSummary extends MetricsSnapshot {
  durationMs: number;
  /** From the first message received to the last one answered (0 when none arrived). */
  activeDurationMs: number;
  /** Messages finished per second over the active period. */
  finishedPerSecond: number;
  /** Messages still unanswered at the shutdown deadline, requeued to nsqd. */
  requeuedAtShutdown: number;
}

export interface Forwarder {
  /** Stops taking messages, lets in-flight ones finish (FIN/REQ) within the shutdown timeout, closes. */
  stop(): Promise<ForwarderSummary>;
  metrics(): MetricsSnapshot;
  /** Bound host:port of the metrics endpoint, when --metrics-address was given. */
  readonly metricsAddress?: string;
}

export interface StartForwarderOptions {
  log?: Logger;
  /** Where SSL_CERT_FILE, SSL_CERT_DIR and NODE_EXTRA_CA_CERTS are read (process.env by default). */
  env?: NodeJS.ProcessEnv;
}

export async function startForwarder(config: ForwarderConfig, options: StartForwarderOptions = {}): Promise<Forwarder> {
  const log = options.log ?? createStderrLogger({ quiet: config.quiet });
  const startedAt = performance.now();
  const destinationOrigins = new Set(config.destinations.map((url) => originOf(toDestination(url.replace('%s', '')).origin)));

  const trust = loadTrustStore({ env: options.env ?? process.env, caPem: config.caPem });
  for (const warning of trust.warnings) log.warn(warning);
  const sender = createSender(config.mode, {
    connectionsPerOrigin: config.concurrency,
    connectTimeoutMs: config.connectTimeoutMs,
    maxDrainBytes: config.maxDrainBytes,
    trustedCertificates: trust.certificates,
  });

  // Declared before use by the gauges and routes below.
  let consumer: NsqConsumer;
  let handler: MessageHandler;
  const backoff = new ConsumerBackoff({
    maxInFlight: config.maxInFlight,
    maxBackoffMs: config.maxBackoffMs,
    basePauseMs: config.backoffBaseMs,
    applyBudget: (budget) => consumer.setRdyBudget(budget),
    onStateChange: (state, level, pauseMs) => {
      if (state === 'paused') log.warn(`deliveries are failing: pausing consumption for ${pauseMs} ms (backoff level ${level})`);
      else if (state === 'normal') log.info('deliveries succeed again: back to full max-in-flight');
    },
  });
  const metrics = new ForwarderMetrics(config.mode, {
    inFlight: () => consumer.inFlight,
    backoffLevel: () => backoff.currentLevel,
    held: () => handler.heldCount,
  });

  // Requests are counted by the MessageHandler as it sends them; the probe counts connections.
  const probe = watchConnections({ requests: false });
  probe.onEvent((event) => {
    if (!destinationOrigins.has(event.origin)) return; // nsqd/nsqlookupd HTTP calls are not counted
    if (event.kind === 'connection') {
      metrics.connectionsOpened += 1;
      if (event.tls) metrics.tlsHandshakes += 1;
    } else metrics.connectErrors += 1;
  });

  // Dead letters: PUB over TCP to the nsqd the message came from, then HTTP /pub (that nsqd's as
  // learnt from nsqlookupd, --nsqd-http-address, the other learnt ones), then PUB to other nsqd.
  const deadLetters = new DeadLetterPublisher(config.deadLetterTopic, (letter) => {
    const learnt = consumer.knownProducers();
    const routes: DeadLetterRoute[] = [{ kind: 'tcp', address: letter.nsqdAddress }];
    const http = [
      ...learnt.filter((producer) => producer.tcpAddress === letter.nsqdAddress).map((producer) => producer.httpAddress),
      ...config.nsqdHttpAddresses,
      ...learnt.map((producer) => producer.httpAddress),
    ];
    for (const address of new Set(http)) routes.push({ kind: 'http', address });
    for (const address of consumer.connectedAddresses()) if (address !== letter.nsqdAddress) routes.push({ kind: 'tcp', address });
    return routes;
  });

  handler = new MessageHandler({ config, sender, deadLetters, backoff, metrics, log });
  consumer = new NsqConsumer({
    topic: config.topic,
    channel: config.channel,
    nsqdTcpAddresses: config.nsqdTcpAddresses,
    lookupdHttpAddresses: config.lookupdHttpAddresses,
    lookupdPollIntervalMs: config.lookupdPollIntervalMs,
    maxInFlight: config.maxInFlight,
    connection: config.nsqConnection,
    log,
    onProtocolError: (address, error) => {
      metrics.nsqProtocolErrors += 1;
      log.warn(`nsqd ${address}: ${error.message}`);
    },
    onMessage: (message) => handler.handle(message, backoff.admit()),
  });

  let metricsServer: MetricsServer | undefined;
  if (config.metricsAddress) {
    try {
      metricsServer = await serveMetrics(metrics, config.metricsAddress);
    } catch (error) {
      probe.stop();
      await sender.close();
      throw error;
    }
    log.info(`metrics at http://${metricsServer.address}/metrics`);
  }
  if (config.mode === 'naive') {
    log.warn('--mode naive: a new HTTPS client per message, responses closed unread, no TOUCH. This is the BROKEN pattern from the incident, for demos and benchmarks only.');
  }
  consumer.start();
  log.info(
    `forwarding ${config.topic}/${config.channel} to ${config.destinations.join(', ')} (${config.method}, mode ${config.mode}, ${config.destinations.length > 1 ? `${config.selection}, ` : ''}max-in-flight ${config.maxInFlight}, requests at once ${config.concurrency}; trusting ${trust.description} CA certificates)`,
  );

  let stopped: Promise<ForwarderSummary> | undefined;
  const stop = (): Promise<ForwarderSummary> => {
    stopped ??= (async () => {
      consumer.pause();
      backoff.close();
      const requeuedAtShutdown = await handler.drain(config.shutdownTimeoutMs);
      if (requeuedAtShutdown > 0) log.warn(`shutdown timeout: ${requeuedAtShutdown} unfinished messages requeued`);
      // FIN/REQ stay corked until this round of I/O ends (batched-writes.ts); let them out before the connections close.
      await new Promise((resolve) => setImmediate(resolve));
      consumer.close();
      deadLetters.close();
      await (requeuedAtShutdown > 0 ? Promise.race([sender.close(), new Promise((r) => setTimeout(r, 1000))]) : sender.close());
      await metricsServer?.close();
      probe.stop();
      const durationMs = performance.now() - startedAt;
      const activeMs = handler.firstReceivedAt !== undefined && handler.lastAnsweredAt !== undefined ? handler.lastAnsweredAt - handler.firstReceivedAt : 0;
      const snapshot = metrics.snapshot();
      return {
        ...snapshot,
        durationMs: Math.round(durationMs),
        activeDurationMs: Math.round(activeMs),
        finishedPerSecond: activeMs > 0 ? Math.round((snapshot.messagesFinished / activeMs) * 1000 * 10) / 10 : 0,
        requeuedAtShutdown,
      };
    })();
    return stopped;
  };

  return { stop, metrics: () => metrics.snapshot(), metricsAddress: metricsServer?.address };
}

/** The one-line, human-readable exit summary. */
export function formatSummary(summary: ForwarderSummary): string {
  return [
    `mode=${summary.mode}`,
    `received=${summary.messagesReceived}`,
    `finished=${summary.messagesFinished}`,
    `requeued=${summary.messagesRequeued + summary.messagesRequeuedByNsqd}`,
    `dead_lettered=${summary.messagesDeadLettered}`,
    `held=${summary.heldMessages}`,
    `unreachable=${summary.endpointUnreachable}`,
    `http_2xx=${summary.httpResponses['2xx']}`,
    `http_4xx=${summary.httpResponses['4xx']}`,
    `http_5xx=${summary.httpResponses['5xx']}`,
    `http_errors=${summary.httpResponses.error}`,
    `requests=${summary.httpRequests}`,
    `connections=${summary.connectionsOpened}`,
    `tls_handshakes=${summary.tlsHandshakes}`,
    `touches=${summary.touches}`,
    `nsq_errors=${summary.nsqProtocolErrors}`,
    `duration=${(summary.durationMs / 1000).toFixed(1)}s`,
    `active=${(summary.activeDurationMs / 1000).toFixed(1)}s`,
    `rate=${summary.finishedPerSecond}/s`,
  ].join(' ');
}
