// Wires the parts together: NSQ consumer → HTTP sender → FIN / REQ / dead letter, with consumer-wide
// backoff, TOUCH for slow requests, the connection-reuse probe feeding the metrics, and a graceful stop.
import { performance } from 'node:perf_hooks';
import { ConsumerBackoff, requeueDelayMs, type BackoffTicket } from './backoff.js';
import type { ForwarderConfig } from './config.js';
import { DeadLetterPublisher, encodeBody, type DeadLetter } from './dead-letter.js';
import type { DeliveryOutcome } from './delivery-outcome.js';
import { createSender, toDestination } from './http.js';
import { createStderrLogger, type Logger } from './logger.js';
import { ForwarderMetrics, serveMetrics, type MetricsServer, type MetricsSnapshot } from './metrics.js';
import { NsqConsumer, type NsqMessage } from './nsq.js';
import { originOf, watchConnections } from './probe.js';

export interface ForwarderSummary extends MetricsSnapshot {
  durationMs: number;
  /** Messages finished per second over the forwarder's lifetime. */
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
}

/** Margin kept between a request's deadline and nsqd's hard message deadline. */
const DEADLINE_MARGIN_MS = 1_000;
const MIN_TOUCH_INTERVAL_MS = 100;

export async function startForwarder(config: ForwarderConfig, options: StartForwarderOptions = {}): Promise<Forwarder> {
  const log = options.log ?? createStderrLogger({ quiet: config.quiet });
  const startedAt = performance.now();
  const destinations = config.post.map(toDestination);
  const destinationOrigins = new Set(destinations.map((destination) => originOf(destination.origin)));
  let nextDestination = 0;
  let stopping = false;
  const active = new Map<NsqMessage, Promise<void>>();
  /** When each in-flight message was last received or touched (performance.now()). */
  const lastTouched = new Map<NsqMessage, number>();

  const sender = createSender(config.mode, {
    connectionsPerOrigin: config.maxInFlight,
    connectTimeoutMs: config.connectTimeoutMs,
    maxDrainBytes: config.maxDrainBytes,
    caPem: config.caPem,
  });

  // Declared before use by the gauges below.
  let consumer: NsqConsumer;
  let lastFailure = '';
  let lastFailureLoggedAt = 0;
  /** Logs a failed attempt when the reason changes, otherwise at most every 5 s. */
  const logFailure = (destination: string, reason: string): void => {
    const now = Date.now();
    if (reason === lastFailure && now - lastFailureLoggedAt < 5_000) return;
    lastFailure = reason;
    lastFailureLoggedAt = now;
    log.warn(`POST ${destination} failed: ${reason} (message requeued or dead-lettered; repeats of this reason are logged every 5 s)`);
  };
  const backoff = new ConsumerBackoff({
    maxInFlight: config.maxInFlight,
    maxBackoffMs: config.maxBackoffMs,
    applyBudget: (budget) => consumer.setRdyBudget(budget),
    onStateChange: (state, level, pauseMs) => {
      if (state === 'paused') log.warn(`most deliveries are failing (last: ${lastFailure}): pausing consumption for ${pauseMs} ms (backoff level ${level})`);
      else if (state === 'normal') log.info('deliveries succeed again: back to full max-in-flight');
    },
  });
  const metrics = new ForwarderMetrics(config.mode, {
    inFlight: () => consumer.inFlight,
    backoffLevel: () => backoff.currentLevel,
  });

  const probe = watchConnections();
  probe.onEvent((event) => {
    if (!destinationOrigins.has(event.origin)) return; // nsqd/nsqlookupd HTTP calls are not counted
    if (event.kind === 'request') metrics.httpRequests += 1;
    else if (event.kind === 'connection') {
      metrics.connectionsOpened += 1;
      if (event.tls) metrics.tlsHandshakes += 1;
    } else metrics.connectErrors += 1;
  });

  const deadLetters = new DeadLetterPublisher(config.deadLetterTopic, (letter) => {
    const learnt = consumer.knownProducers();
    const fromSameNsqd = learnt.filter((producer) => producer.tcpAddress === letter.nsqdAddress).map((p) => p.httpAddress);
    return [...new Set([...fromSameNsqd, ...config.nsqdHttpAddresses, ...learnt.map((p) => p.httpAddress)])];
  });

  const staticHeaders: Record<string, string> = { 'content-type': config.contentType };
  for (const [name, value] of config.headers) staticHeaders[name.toLowerCase()] = value;

  const requeue = (message: NsqMessage, delayMs: number): void => {
    if (message.requeue(delayMs)) metrics.messagesRequeued += 1;
  };
  const finish = (message: NsqMessage): void => {
    if (message.finish()) metrics.messagesFinished += 1;
  };

  const deadLetter = async (message: NsqMessage, destination: string, status: number | undefined, reason: string): Promise<void> => {
    const letter: DeadLetter = {
      topic: config.topic,
      channel: config.channel,
      messageId: message.id,
      nsqdAddress: message.nsqdAddress,
      attempts: message.attempts,
      status,
      reason,
      destination,
      failedAt: new Date().toISOString(),
      ...encodeBody(message.body),
    };
    try {
      await deadLetters.publish(letter);
      metrics.messagesDeadLettered += 1;
      log.warn(`message ${message.id} dead-lettered to ${config.deadLetterTopic}: ${reason}`);
      finish(message);
    } catch (error) {
      metrics.deadLetterFailures += 1;
      log.error(`message ${message.id} could not be dead-lettered (${error instanceof Error ? error.message : String(error)}); requeued`);
      requeue(message, config.maxRequeueDelayMs);
    }
  };

  const settle = async (message: NsqMessage, ticket: BackoffTicket, destination: string, outcome: DeliveryOutcome): Promise<void> => {
    switch (outcome.kind) {
      case 'delivered':
        backoff.record(ticket, true);
        finish(message);
        return;
      case 'rejected':
        // The endpoint is healthy; it refuses this message. Retrying will not help.
        backoff.record(ticket, true);
        await deadLetter(message, destination, outcome.status, `rejected: ${outcome.reason}`);
        return;
      case 'retry':
        logFailure(destination, outcome.reason);
        backoff.record(ticket, false);
        if (message.attempts >= config.maxAttempts) {
          await deadLetter(message, destination, outcome.status, `gave up after ${message.attempts} attempts: ${outcome.reason}`);
        } else {
          requeue(message, requeueDelayMs(message.attempts, config, outcome.retryAfterMs));
        }
        return;
    }
  };

  // One periodic sweep TOUCHes every message whose POST has run for half of nsqd's msg_timeout,
  // so nsqd does not requeue it while the request is still running (cheaper than a timer each).
  let touchSweep: NodeJS.Timeout | undefined;
  let touchSweepEveryMs = Infinity;
  const ensureTouchSweep = (msgTimeoutMs: number): void => {
    const everyMs = Math.max(MIN_TOUCH_INTERVAL_MS / 2, Math.floor(msgTimeoutMs / 4));
    if (touchSweep && everyMs >= touchSweepEveryMs) return;
    clearInterval(touchSweep);
    touchSweepEveryMs = everyMs;
    touchSweep = setInterval(() => {
      const now = performance.now();
      for (const [message, touchedAt] of lastTouched) {
        if (now - touchedAt >= Math.max(MIN_TOUCH_INTERVAL_MS, message.msgTimeoutMs / 2) && message.touch()) {
          metrics.touches += 1;
          lastTouched.set(message, now);
        }
      }
    }, everyMs);
    touchSweep.unref();
  };

  const forward = async (message: NsqMessage, ticket: BackoffTicket): Promise<void> => {
    const receivedAt = performance.now();
    const destination = destinations[nextDestination++ % destinations.length]!;
    lastTouched.set(message, receivedAt);
    ensureTouchSweep(message.msgTimeoutMs);
    // TOUCH (see touchDue) cannot extend past the hard limit, so the request must end before it.
    const hardLimitMs = message.maxMsgTimeoutMs > 0 ? message.maxMsgTimeoutMs - DEADLINE_MARGIN_MS : config.requestTimeoutMs;
    const timeoutMs = Math.max(1, Math.min(config.requestTimeoutMs, hardLimitMs));
    let outcome: DeliveryOutcome;
    try {
      outcome = await sender.post({
        destination,
        body: message.body,
        headers: { ...staticHeaders, 'idempotency-key': idempotencyKey(message) },
        timeoutMs,
      });
    } finally {
      lastTouched.delete(message);
    }
    metrics.observeResponse(outcome.status, (performance.now() - receivedAt) / 1000);
    await settle(message, ticket, destination.url, outcome);
  };

  consumer = new NsqConsumer({
    topic: config.topic,
    channel: config.channel,
    nsqdTcpAddresses: config.nsqdTcpAddresses,
    lookupdHttpAddresses: config.lookupdHttpAddresses,
    lookupdPollIntervalMs: config.lookupdPollIntervalMs,
    maxInFlight: config.maxInFlight,
    log,
    onProtocolError: (address, error) => {
      metrics.nsqProtocolErrors += 1;
      log.warn(`nsqd ${address}: ${error.message}`);
    },
    onMessage: (message) => {
      metrics.messagesReceived += 1;
      if (stopping) {
        // Sent before nsqd saw RDY 0: hand it straight back.
        requeue(message, 0);
        return;
      }
      const task = forward(message, backoff.admit())
        .catch((error: unknown) => {
          log.error(`message ${message.id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
          if (!message.responded) requeue(message, config.requeueDelayMs);
        })
        .finally(() => active.delete(message));
      active.set(message, task);
    },
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
  if (config.nsqdTcpAddresses.length > 0 && config.nsqdHttpAddresses.length === 0) {
    log.warn('no --nsqd-http-address given: messages that must be dead-lettered will be requeued instead (nothing is dropped)');
  }
  if (config.mode === 'naive') {
    log.warn('--mode naive: a new HTTPS client per message and responses closed unread. This is the BROKEN pattern from the incident, for demos and benchmarks only.');
  }
  consumer.start();
  log.info(`forwarding ${config.topic}/${config.channel} to ${config.post.join(', ')} (mode ${config.mode}, max-in-flight ${config.maxInFlight})`);

  let stopped: Promise<ForwarderSummary> | undefined;
  const stop = (): Promise<ForwarderSummary> => {
    stopped ??= (async () => {
      stopping = true;
      consumer.pause();
      backoff.close();
      let deadline: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled([...active.values()]).then(() => false),
        new Promise<boolean>((resolve) => {
          deadline = setTimeout(() => resolve(true), config.shutdownTimeoutMs);
        }),
      ]);
      clearTimeout(deadline);
      let requeuedAtShutdown = 0;
      if (timedOut) {
        for (const message of active.keys()) {
          if (message.requeue(0)) {
            requeuedAtShutdown += 1;
            metrics.messagesRequeued += 1;
          }
        }
        log.warn(`shutdown timeout: ${requeuedAtShutdown} unfinished messages requeued`);
      }
      // FIN/REQ are written on the next tick; let them out before the connections close.
      await new Promise((resolve) => setImmediate(resolve));
      consumer.close();
      await (timedOut ? Promise.race([sender.close(), new Promise((r) => setTimeout(r, 1000))]) : sender.close());
      clearInterval(touchSweep);
      await metricsServer?.close();
      probe.stop();
      const durationMs = performance.now() - startedAt;
      const snapshot = metrics.snapshot();
      return {
        ...snapshot,
        durationMs: Math.round(durationMs),
        finishedPerSecond: Math.round((snapshot.messagesFinished / Math.max(durationMs, 1)) * 1000 * 10) / 10,
        requeuedAtShutdown,
      };
    })();
    return stopped;
  };

  return { stop, metrics: () => metrics.snapshot(), metricsAddress: metricsServer?.address };
}

/** Message IDs are unique per nsqd, so the key names the nsqd too. */
export function idempotencyKey(message: Pick<NsqMessage, 'id' | 'nsqdAddress'>): string {
  return `${message.id}@${message.nsqdAddress}`;
}

/** The one-line, human-readable exit summary. */
export function formatSummary(summary: ForwarderSummary): string {
  return [
    `mode=${summary.mode}`,
    `received=${summary.messagesReceived}`,
    `finished=${summary.messagesFinished}`,
    `requeued=${summary.messagesRequeued}`,
    `dead_lettered=${summary.messagesDeadLettered}`,
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
    `rate=${summary.finishedPerSecond}/s`,
  ].join(' ');
}
