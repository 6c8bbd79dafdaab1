// Keeps unanswered messages alive at nsqd: one periodic sweep TOUCHes every watched message that
// has gone half of nsqd's msg_timeout without an answer or a TOUCH (cheaper than a timer each).
// The sweep runs every quarter msg_timeout, so a TOUCH is at most 3/4 msg_timeout late.
import { performance } from 'node:perf_hooks';
import type { NsqMessage } from './nsq.js';

const MIN_TOUCH_INTERVAL_MS = 100;

export class TouchSweep {
  /** When each watched message was received or last touched (performance.now()). */
  private readonly lastTouched = new Map<NsqMessage, number>();
  private timer?: NodeJS.Timeout;
  private everyMs = Infinity;

  /** @param onTouch called after each TOUCH sent (for the metrics) */
  constructor(private readonly onTouch: () => void) {}

  watch(message: NsqMessage, now = performance.now()): void {
    this.lastTouched.set(message, now);
    const everyMs = Math.max(MIN_TOUCH_INTERVAL_MS / 2, Math.floor(message.msgTimeoutMs / 4));
    if (this.timer && everyMs >= this.everyMs) return;
    clearInterval(this.timer);
    this.everyMs = everyMs;
    this.timer = setInterval(() => this.touchDue(), everyMs);
    this.timer.unref();
  }

  forget(message: NsqMessage): void {
    this.lastTouched.delete(message);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private touchDue(): void {
    const now = performance.now();
    for (const [message, touchedAt] of this.lastTouched) {
      if (now - touchedAt >= Math.max(MIN_TOUCH_INTERVAL_MS, message.msgTimeoutMs / 2) && message.touch()) {
        this.onTouch();
        this.lastTouched.set(message, now);
      }
    }
  }
}
