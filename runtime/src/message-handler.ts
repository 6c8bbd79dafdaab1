// The message path: each NSQ message is forwarded over HTTP (at most --n requests at once, the rest
// wait in flight), then settled — FIN on success, REQ with backoff on a retryable failure,
// published to the dead-letter topic when the endpoint refuses it or --max-attempts is reached —
// and TOUCHed while it waits or its request runs, so nsqd does not time it out.
//
// Invariants:
// - every received message ends up counted exactly once as finished, requeued or dead-lettered;
// - an endpoint-wide failure (refused, DNS, TLS verification) backs the consumer off and never
//   dead-letters a message: those deliveries do not count towards --max-attempts;
// - a message is never requeued to the endpoint forever: past --max-attempts it is dead-lettered,
//   and when no nsqd takes the dead letter it is held (TOUCHed, the publish retried, a loud error
//   logged) instead of going back to the endpoint.
import { performance } from 'node:perf_hooks';
import { requeueDelayMs, type BackoffTicket, type ConsumerBackoff } from './backoff.js';
import type { ForwarderConfig } from './config.js';
import { encodeBody, type DeadLetter, type DeadLetterPublisher } from './dead-letter.js';
import type { DeliveryOutcome } from './delivery-outcome.js';
import { EndpointPool } from './endpoint-pool.js';
import { getDestination, toDestination, type Destination, type HttpSender } from './http.js';
import type { Logger } from './logger.js';
import type { ForwarderMetrics } from './metrics.js';
import type { NsqMessage } from './nsq.js';
import { StatusLog } from './status-log.js';
import { TouchSweep } from './touch-sweep.js';

export interface MessageHandlerOptions {
  config: ForwarderConfig;
  sender: HttpSender;
  deadLetters: DeadLetterPublisher;
  backoff: ConsumerBackoff;
  metrics: ForwarderMetrics;
  log: Logger;
  /** Injected for tests of --sample; Math.random by default. */
  random?: () => number;
}

/** Margin kept between a request's (or a hold's) end and nsqd's hard message deadline. */
const DEADLINE_MARGIN_MS = 1_000;
/** Repeats of one failure reason are logged at most this often. */
const LOG_REPEAT_MS = 5_000;
/** Retries of a dead-letter publish while the message is held: 1 s doubling up to 30 s. */
const HOLD_RETRY_MIN_MS = 1_000;
const HOLD_RETRY_MAX_MS = 30_000;
/** Bound on the per-message bookkeeping kept across redeliveries (oldest entries dropped first). */
const MAX_REMEMBERED = 100_000;

/** Message IDs are unique per nsqd, so the key names the nsqd too. */
export function idempotencyKey(message: Pick<NsqMessage, 'id' | 'nsqdAddress'>): string {
  return `${message.id}@${message.nsqdAddress}`;
}

/** A Map that forgets its oldest entries beyond a size. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > this.limit) this.delete(this.keys().next().value as K);
    return this;
  }
}

export class MessageHandler {
  private readonly config: ForwarderConfig;
  private readonly pool: EndpointPool<string>;
  private readonly postDestinations = new Map<string, Destination>();
  private readonly staticHeaders: Record<string, string> = {};
  private readonly status: StatusLog;
  private readonly random: () => number;
  /** Messages not yet answered, with the promise of their processing. */
  private readonly active = new Map<NsqMessage, Promise<void>>();
  /** Messages waiting for a request slot (--n), oldest first. */
  private readonly waiting: { message: NsqMessage; ticket: BackoffTicket; start: () => void }[] = [];
  private running = 0;
  /** TOUCHes unanswered messages (shared mode; naive mode, the incident's consumer, never TOUCHes). */
  private readonly touches: TouchSweep;
  private readonly receivedAt = new Map<NsqMessage, number>();
  /** Endpoint-wide failures per message key: deliveries that do not count towards --max-attempts. */
  private readonly outages = new BoundedMap<string, number>(MAX_REMEMBERED);
  /** Messages whose dead-lettering is due but failed: a redelivery goes straight to dead-lettering. */
  private readonly pendingDeadLetters = new BoundedMap<string, { status?: number; reason: string; destination: string }>(MAX_REMEMBERED);
  private readonly lastLogged = new Map<string, number>();
  private stopping = false;
  private held = 0;
  /** performance.now() of the first message received and of the latest answer (for the active-period rate). */
  firstReceivedAt?: number;
  lastAnsweredAt?: number;

  constructor(private readonly options: MessageHandlerOptions) {
    this.config = options.config;
    this.pool = new EndpointPool(this.config.destinations, this.config.selection);
    if (this.config.method === 'POST') for (const url of this.config.destinations) this.postDestinations.set(url, toDestination(url));
    if (this.config.method === 'POST') this.staticHeaders['content-type'] = this.config.contentType;
    for (const [name, value] of this.config.headers) this.staticHeaders[name.toLowerCase()] = value;
    this.status = new StatusLog(this.config.statusEvery, options.log);
    this.random = options.random ?? Math.random;
    this.touches = new TouchSweep(() => {
      options.metrics.touches += 1;
    });
  }

  /** Messages received and not yet answered (waiting, being sent, or held). */
  get unanswered(): number {
    return this.active.size;
  }

  /** Messages held because their dead letter could not be published. */
  get heldCount(): number {
    return this.held;
  }

  /** Takes one message from the consumer. */
  handle(message: NsqMessage, ticket: BackoffTicket): void {
    const { metrics } = this.options;
    metrics.messagesReceived += 1;
    const now = performance.now();
    this.firstReceivedAt ??= now;
    if (this.stopping) {
      // Sent before nsqd saw RDY 0: hand it straight back.
      this.requeue(message, 0);
      return;
    }
    if (this.config.sample < 1 && this.random() >= this.config.sample) {
      metrics.messagesSampledOut += 1;
      this.finish(message);
      return;
    }
    this.receivedAt.set(message, now);
    if (this.config.mode === 'shared') this.touches.watch(message, now);
    let slot: Promise<void> | undefined;
    if (this.running < this.config.concurrency) {
      this.running += 1;
    } else {
      slot = new Promise<void>((start) => this.waiting.push({ message, ticket, start }));
    }
    this.active.set(message, this.run(message, ticket, slot));
  }

  /** Waits for a request slot when there is none free (`slot`), processes, and forgets the message. */
  private async run(message: NsqMessage, ticket: BackoffTicket, slot: Promise<void> | undefined): Promise<void> {
    try {
      if (slot) await slot;
      await this.process(message, ticket);
    } catch (error) {
      this.options.log.error(`message ${message.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!message.responded) this.requeue(message, this.config.requeueDelayMs);
    } finally {
      this.active.delete(message);
      this.touches.forget(message);
      this.receivedAt.delete(message);
    }
  }

  /**
   * Stops taking messages: waiting ones are requeued at once, the rest may finish within
   * `timeoutMs`; what is still unanswered then is requeued. Resolves with that count.
   */
  async drain(timeoutMs: number): Promise<number> {
    this.stopping = true;
    const waiting = this.waiting.splice(0);
    this.running += waiting.length; // each releases its slot when process() returns
    for (const entry of waiting) {
      this.requeue(entry.message, 0);
      entry.start(); // process() sees the message answered and returns
    }
    let deadline: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.allSettled([...this.active.values()]).then(() => false),
      new Promise<boolean>((resolve) => {
        deadline = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(deadline);
    let requeuedAtShutdown = 0;
    if (timedOut) {
      for (const message of this.active.keys()) {
        if (!message.responded && this.requeue(message, 0)) requeuedAtShutdown += 1;
      }
    }
    this.touches.stop();
    return requeuedAtShutdown;
  }

  private async process(message: NsqMessage, ticket: BackoffTicket): Promise<void> {
    try {
      if (message.responded) return; // requeued while waiting (shutdown)
      const pending = this.pendingDeadLetters.get(idempotencyKey(message));
      if (pending) {
        // Its dead letter failed on an earlier delivery: do not send it to the endpoint again.
        await this.deadLetter(message, pending.destination, pending.status, pending.reason);
        return;
      }
      await this.forward(message, ticket);
    } finally {
      const next = this.waiting.shift();
      if (next) next.start();
      else this.running -= 1;
    }
  }

  private async forward(message: NsqMessage, ticket: BackoffTicket): Promise<void> {
    const url = this.pool.choose();
    const destination = this.config.method === 'POST' ? this.postDestinations.get(url)! : getDestination(url, message.body);
    const startedAt = performance.now();
    // TOUCH cannot extend past nsqd's hard limit, so the request must end before it.
    const receivedAt = this.receivedAt.get(message) ?? startedAt;
    const hardLimitMs = message.maxMsgTimeoutMs > 0 ? message.maxMsgTimeoutMs - DEADLINE_MARGIN_MS - (startedAt - receivedAt) : this.config.requestTimeoutMs;
    const timeoutMs = Math.max(1, Math.min(this.config.requestTimeoutMs, hardLimitMs));
    this.options.metrics.httpRequests += 1;
    const outcome = await this.options.sender.post({
      method: this.config.method,
      destination,
      body: message.body,
      headers: { ...this.staticHeaders, 'idempotency-key': idempotencyKey(message) },
      timeoutMs,
    });
    const elapsedMs = performance.now() - startedAt;
    this.options.metrics.observeResponse('status' in outcome ? outcome.status : undefined, elapsedMs / 1000);
    this.status.record(elapsedMs);
    await this.settle(message, ticket, url, outcome, elapsedMs);
  }

  private async settle(message: NsqMessage, ticket: BackoffTicket, url: string, outcome: DeliveryOutcome, elapsedMs: number): Promise<void> {
    const { backoff, metrics } = this.options;
    const key = idempotencyKey(message);
    switch (outcome.kind) {
      case 'delivered':
        this.pool.markSuccess(url, elapsedMs);
        backoff.record(ticket, true);
        this.outages.delete(key);
        this.finish(message);
        return;
      case 'rejected':
        // The endpoint is healthy; it refuses this message. Retrying will not help.
        this.pool.markSuccess(url, elapsedMs);
        backoff.record(ticket, true);
        this.outages.delete(key);
        await this.deadLetter(message, url, outcome.status, `rejected: ${outcome.reason}`);
        return;
      case 'retry': {
        this.logFailure(`${this.config.method} ${url} failed: ${outcome.reason} (message requeued, or dead-lettered after --max-attempts)`, outcome.reason);
        this.pool.markFailed(url);
        backoff.record(ticket, false);
        const attempts = this.countedAttempts(message);
        if (attempts >= this.config.maxAttempts) {
          this.outages.delete(key);
          await this.deadLetter(message, url, outcome.status, `gave up after ${attempts} attempts: ${outcome.reason}`);
        } else {
          this.requeue(message, requeueDelayMs(attempts, this.config, outcome.retryAfterMs));
        }
        return;
      }
      case 'unreachable': {
        metrics.endpointUnreachable += 1;
        this.logFailure(`${this.config.method} ${url} failed: ${outcome.reason} (the endpoint cannot be reached: the consumer backs off; messages are requeued, never dead-lettered for this)`, outcome.reason);
        this.pool.markFailed(url);
        if (this.config.destinations.length === 1 || this.pool.allFailed) backoff.recordOutage(ticket);
        else backoff.record(ticket, false);
        // This delivery does not count towards --max-attempts.
        const attempts = this.countedAttempts(message);
        this.outages.set(key, (this.outages.get(key) ?? 0) + 1);
        this.requeue(message, requeueDelayMs(Math.max(1, attempts), this.config));
        return;
      }
    }
  }

  /** nsqd's attempts minus the deliveries lost to endpoint-wide failures. */
  private countedAttempts(message: NsqMessage): number {
    return Math.max(1, message.attempts - (this.outages.get(idempotencyKey(message)) ?? 0));
  }

  /**
   * Publishes the message to the dead-letter topic, then FIN. When no nsqd takes it, the message is
   * held: kept in flight (TOUCHed in shared mode) while the publish is retried, and requeued just
   * before nsqd's hard deadline, remembered so its redelivery is dead-lettered without a request.
   */
  private async deadLetter(message: NsqMessage, destination: string, status: number | undefined, reason: string): Promise<void> {
    const { config } = this;
    const { metrics, log } = this.options;
    const key = idempotencyKey(message);
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
    const receivedAt = this.receivedAt.get(message) ?? performance.now();
    let retryMs = HOLD_RETRY_MIN_MS;
    let holding = false;
    try {
      for (;;) {
        try {
          await this.options.deadLetters.publish(letter);
          this.pendingDeadLetters.delete(key);
          log.warn(`message ${message.id} dead-lettered to ${config.deadLetterTopic}: ${reason}`);
          if (!message.responded) {
            const alive = message.finish();
            this.answered();
            if (alive) metrics.messagesDeadLettered += 1;
            else metrics.messagesRequeuedByNsqd += 1;
          }
          return;
        } catch (error) {
          metrics.deadLetterFailures += 1;
          const cause = error instanceof Error ? error.message : String(error);
          if (!holding) {
            holding = true;
            this.held += 1;
          }
          this.pendingDeadLetters.set(key, { status, reason, destination });
          const holdEndsIn = message.maxMsgTimeoutMs > 0 ? receivedAt + message.maxMsgTimeoutMs - DEADLINE_MARGIN_MS - performance.now() : Infinity;
          const canHold = config.mode === 'shared' && !this.stopping && !message.responded && holdEndsIn > retryMs;
          this.logFailure(
            `CANNOT DEAD-LETTER message ${message.id} (${reason}) to ${config.deadLetterTopic}: ${cause}. ${canHold ? `Holding it in flight and retrying (${this.held} held)` : `Requeued for ${config.maxRequeueDelayMs} ms; it will be dead-lettered, not sent again`}`,
            'dead-letter',
            'error',
          );
          if (!canHold) {
            if (!message.responded) this.requeue(message, config.maxRequeueDelayMs);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, retryMs));
          retryMs = Math.min(HOLD_RETRY_MAX_MS, retryMs * 2);
          if (message.responded) return;
        }
      }
    } finally {
      if (holding) this.held -= 1;
    }
  }

  private finish(message: NsqMessage): void {
    if (message.responded) return;
    if (message.finish()) this.options.metrics.messagesFinished += 1;
    else this.options.metrics.messagesRequeuedByNsqd += 1;
    this.answered();
  }

  /** REQ; a message whose connection is gone is counted as requeued by nsqd. False when it was answered already. */
  private requeue(message: NsqMessage, delayMs: number): boolean {
    if (message.responded) return false;
    if (message.requeue(delayMs)) this.options.metrics.messagesRequeued += 1;
    else this.options.metrics.messagesRequeuedByNsqd += 1;
    this.answered();
    return true;
  }

  private answered(): void {
    this.lastAnsweredAt = performance.now();
  }

  /** Logs when the reason changes, otherwise at most every LOG_REPEAT_MS per reason. */
  private logFailure(line: string, reason: string, level: 'warn' | 'error' = 'warn'): void {
    const now = Date.now();
    const last = this.lastLogged.get(reason);
    if (last !== undefined && now - last < LOG_REPEAT_MS) return;
    if (this.lastLogged.size > 1_000) this.lastLogged.clear();
    this.lastLogged.set(reason, now);
    this.options.log[level](`${line} (repeats are logged every ${LOG_REPEAT_MS / 1000} s)`);
  }
}
