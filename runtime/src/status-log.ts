// nsq_to_http's --status-every: every N requests, one log line with the 99th and 95th percentile
// and the average of those N request durations (the format of bitly/timer_metrics).
import type { Logger } from './logger.js';

export class StatusLog {
  private readonly durationsMs: number[] = [];

  constructor(
    private readonly every: number,
    private readonly log: Logger,
    private readonly prefix = '[aggregate]:',
  ) {}

  record(durationMs: number): void {
    if (this.every <= 0) return;
    this.durationsMs.push(durationMs);
    if (this.durationsMs.length < this.every) return;
    this.log.info(formatStatus(this.prefix, this.durationsMs.splice(0)));
  }
}

export function formatStatus(prefix: string, durationsMs: readonly number[]): string {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const percentile = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const average = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return `${prefix} finished ${sorted.length} requests - 99th: ${percentile(99).toFixed(2)}ms - 95th: ${percentile(95).toFixed(2)}ms - avg: ${average.toFixed(2)}ms`;
}
