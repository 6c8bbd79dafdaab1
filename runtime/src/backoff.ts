// Two kinds of backoff, sized to the failure rate:
// - per message: REQ delay = requeue-delay × 2^(attempts-1), capped, or the server's Retry-After;
// - consumer-wide: only when most recent deliveries fail (not on every failure, as nsqjs and go-nsq
//   do, which turns a few scattered 503s into minutes of idling). Then RDY drops to 0 for
//   1 s × 2^(level-1) (capped), one message probes the endpoint, each success lowers the level,
//   each failure raises it; back at level 0 the full max-in-flight is restored.

export function requeueDelayMs(
  attempts: number,
  options: { requeueDelayMs: number; maxRequeueDelayMs: number },
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 3_600_000); // nsqd's --max-req-timeout default
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(options.maxRequeueDelayMs, options.requeueDelayMs * 2 ** exponent);
}

export interface BackoffOptions {
  maxInFlight: number;
  maxBackoffMs: number;
  /** Called with the RDY budget to apply (max-in-flight, 1 while probing, 0 while paused). */
  applyBudget(budget: number): void;
  onStateChange?(state: BackoffState, level: number, pauseMs: number): void;
  /** Outcomes considered; defaults to max(20, 2 × max-in-flight) capped at 200. */
  windowSize?: number;
  /** Failure fraction of the window that starts a consumer-wide backoff. */
  failureThreshold?: number;
  /** The first pause; each level doubles it (default 1 s, as go-nsq). */
  basePauseMs?: number;
}

export type BackoffState = 'normal' | 'paused' | 'probing';

/** Identifies when a message was admitted, so stale outcomes do not steer a probe. */
export interface BackoffTicket {
  epoch: number;
}

const DEFAULT_BASE_PAUSE_MS = 1_000;
const MIN_SAMPLES = 10;

export class ConsumerBackoff {
  private readonly window: boolean[] = [];
  private readonly windowSize: number;
  private readonly threshold: number;
  private readonly basePauseMs: number;
  private failuresInWindow = 0;
  private state: BackoffState = 'normal';
  private level = 0;
  private epoch = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: BackoffOptions) {
    this.windowSize = options.windowSize ?? Math.min(200, Math.max(20, 2 * options.maxInFlight));
    this.threshold = options.failureThreshold ?? 0.5;
    this.basePauseMs = options.basePauseMs ?? DEFAULT_BASE_PAUSE_MS;
  }

  get currentState(): BackoffState {
    return this.state;
  }

  get currentLevel(): number {
    return this.level;
  }

  /** Call when a message arrives. */
  admit(): BackoffTicket {
    return { epoch: this.epoch };
  }

  /** Call with each delivery attempt's result (success = the endpoint accepted or refused it for good). */
  record(ticket: BackoffTicket, success: boolean): void {
    if (this.state === 'normal') {
      this.window.push(success);
      if (!success) this.failuresInWindow += 1;
      if (this.window.length > this.windowSize && this.window.shift() === false) this.failuresInWindow -= 1;
      if (this.window.length >= MIN_SAMPLES && this.failuresInWindow / this.window.length >= this.threshold) {
        this.level = 1;
        this.pause();
      }
      return;
    }
    // While paused or probing only the probe's own outcome counts.
    if (this.state !== 'probing' || ticket.epoch !== this.epoch) return;
    if (success) {
      this.level -= 1;
      if (this.level <= 0) {
        this.resume();
      } else {
        this.startProbe();
      }
    } else {
      // Raise the level only while that still lengthens the pause (it is capped at max-backoff).
      if (this.basePauseMs * 2 ** (this.level - 1) < this.options.maxBackoffMs) this.level += 1;
      this.pause();
    }
  }

  /**
   * The endpoint cannot be reached at all (refused, DNS, TLS verification): no need to wait for the
   * failure rate to build up, the consumer pauses at once (or, while probing, as for any failure).
   */
  recordOutage(ticket: BackoffTicket): void {
    if (this.state === 'normal') {
      this.level = 1;
      this.pause();
      return;
    }
    this.record(ticket, false);
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private pauseFor(level: number): number {
    return Math.min(this.options.maxBackoffMs, this.basePauseMs * 2 ** (level - 1));
  }

  private pause(): void {
    this.state = 'paused';
    this.epoch += 1;
    const pauseMs = this.pauseFor(this.level);
    this.options.applyBudget(0);
    this.options.onStateChange?.('paused', this.level, pauseMs);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.startProbe(), pauseMs);
  }

  private startProbe(): void {
    this.state = 'probing';
    this.epoch += 1;
    this.options.applyBudget(1);
    this.options.onStateChange?.('probing', this.level, 0);
  }

  private resume(): void {
    this.state = 'normal';
    this.level = 0;
    this.epoch += 1;
    this.window.length = 0;
    this.failuresInWindow = 0;
    this.options.applyBudget(this.options.maxInFlight);
    this.options.onStateChange?.('normal', 0, 0);
  }
}
