// What one POST attempt means for the NSQ message: finish it, requeue it, or dead-letter it.

export type DeliveryOutcome =
  /** 2xx: FIN. */
  | { kind: 'delivered'; status: number }
  /** 408, 429, 5xx or a network/timeout error: REQ with backoff (Retry-After when given). */
  | { kind: 'retry'; status?: number; retryAfterMs?: number; reason: string }
  /** Any other status: the endpoint refuses this message; retrying will not help. */
  | { kind: 'rejected'; status: number; reason: string }
  /**
   * The endpoint cannot be reached at all (DNS, refused connection, TLS verification, connect
   * timeout): the fault is the endpoint's, not the message's, so it is never dead-lettered.
   */
  | { kind: 'unreachable'; reason: string };

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

/** Error codes meaning no request could reach the endpoint: no name, no listener, no trusted certificate. */
const ENDPOINT_WIDE_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  // OpenSSL verification codes (Node's TLS errors carry them as `code`).
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_REVOKED', 'CERT_UNTRUSTED', 'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE', 'INVALID_CA', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH',
  'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO',
]);

/** The error or one of its causes carries a code; undici wraps some connect errors. */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * Endpoint-wide failures (see ENDPOINT_WIDE_CODES) are `unreachable`; other network failures and
 * timeouts are retryable. The reason keeps the error code.
 */
export function classifyError(error: unknown): DeliveryOutcome {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const reason = code ? `${code}: ${message}` : message;
  return code && ENDPOINT_WIDE_CODES.has(code) ? { kind: 'unreachable', reason } : { kind: 'retry', reason };
}
