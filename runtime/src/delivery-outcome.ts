// What one POST attempt means for the NSQ message: finish it, requeue it, or dead-letter it.

export type DeliveryOutcome =
  /** 2xx: FIN. */
  | { kind: 'delivered'; status: number }
  /** 408, 429, 5xx or a network/timeout error: REQ with backoff (Retry-After when given). */
  | { kind: 'retry'; status?: number; retryAfterMs?: number; reason: string }
  /** Any other status: the endpoint refuses this message; retrying will not help. */
  | { kind: 'rejected'; status: number; reason: string };

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unusable. */
export function parseRetryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function classifyStatus(status: number, retryAfter: string | string[] | undefined): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', status, retryAfterMs: parseRetryAfterMs(retryAfter), reason: `HTTP ${status}` };
  }
  return { kind: 'rejected', status, reason: `HTTP ${status}` };
}

/** Network failures, timeouts and TLS errors are retryable; the reason keeps the error code. */
export function classifyError(error: unknown): DeliveryOutcome {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', reason: typeof code === 'string' ? `${code}: ${message}` : message };
}
