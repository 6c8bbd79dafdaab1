// Chooses one of several destinations per message, as nsq_to_http's --mode does (go-hostpool):
// - round-robin: each in turn;
// - hostpool: in turn, skipping a destination marked failed until its retry time (30 s, doubling
//   up to 15 min); when every one is marked failed, all are tried again;
// - epsilon-greedy: usually the one with the lowest recent latency, a random one 30 % of the time
//   (exploration), failed ones skipped as in hostpool.
import type { EndpointSelection } from './config.js';

export interface EndpointPoolOptions {
  /** Injected for tests; Math.random by default. */
  random?: () => number;
  /** Injected for tests; Date.now by default. */
  now?: () => number;
}

const INITIAL_RETRY_MS = 30_000;
const MAX_RETRY_MS = 900_000;
const EPSILON = 0.3;
/** Weight of the newest latency in the moving average. */
const LATENCY_WEIGHT = 0.1;

interface Entry<T> {
  value: T;
  failed: boolean;
  retryAt: number;
  retryDelayMs: number;
  /** Moving average of successful request latencies, ms; undefined until the first one. */
  latencyMs?: number;
}

export class EndpointPool<T> {
  private readonly entries: Entry<T>[];
  private next = 0;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    values: readonly T[],
    private readonly selection: EndpointSelection,
    options: EndpointPoolOptions = {},
  ) {
    if (values.length === 0) throw new Error('EndpointPool needs at least one destination');
    this.entries = values.map((value) => ({ value, failed: false, retryAt: 0, retryDelayMs: INITIAL_RETRY_MS }));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** True when every destination is currently marked failed (only hostpool and epsilon-greedy mark). */
  get allFailed(): boolean {
    return this.entries.every((entry) => entry.failed && entry.retryAt > this.now());
  }

  choose(): T {
    if (this.entries.length === 1) return this.entries[0]!.value;
    if (this.selection === 'round-robin') return this.entries[this.next++ % this.entries.length]!.value;
    const usable = this.entries.filter((entry) => !entry.failed || entry.retryAt <= this.now());
    if (usable.length === 0) {
      // All marked failed: try them all again, as go-hostpool does.
      for (const entry of this.entries) entry.failed = false;
      return this.choose();
    }
    if (this.selection === 'epsilon-greedy' && this.random() >= EPSILON) {
      const untried = usable.find((entry) => entry.latencyMs === undefined);
      if (untried) return untried.value;
      return usable.reduce((best, entry) => (entry.latencyMs! < best.latencyMs! ? entry : best)).value;
    }
    if (this.selection === 'epsilon-greedy') return usable[Math.floor(this.random() * usable.length)]!.value;
    for (let step = 0; step < this.entries.length; step += 1) {
      const entry = this.entries[(this.next + step) % this.entries.length]!;
      if (usable.includes(entry)) {
        this.next = (this.next + step + 1) % this.entries.length;
        return entry.value;
      }
    }
    return usable[0]!.value;
  }

  /** The destination answered (any status the endpoint chose, i.e. not a transport failure or 5xx). */
  markSuccess(value: T, latencyMs: number): void {
    const entry = this.entries.find((candidate) => candidate.value === value);
    if (!entry) return;
    entry.failed = false;
    entry.retryDelayMs = INITIAL_RETRY_MS;
    entry.latencyMs = entry.latencyMs === undefined ? latencyMs : entry.latencyMs + LATENCY_WEIGHT * (latencyMs - entry.latencyMs);
  }

  markFailed(value: T): void {
    if (this.selection === 'round-robin' || this.entries.length === 1) return;
    const entry = this.entries.find((candidate) => candidate.value === value);
    if (!entry) return;
    if (entry.failed) entry.retryDelayMs = Math.min(MAX_RETRY_MS, entry.retryDelayMs * 2);
    else entry.retryDelayMs = INITIAL_RETRY_MS;
    entry.failed = true;
    entry.retryAt = this.now() + entry.retryDelayMs;
  }
}
