// The two ways of sending a message (POST, or GET for --get): `shared` (the corrected pattern: one keep-alive undici Agent
// for the whole process, every response body drained so its connection goes back to the pool) and
// `naive` (the incident, reproduced on purpose: a new client per message, response left unread).
import { EventEmitter } from 'node:events';
import { createSecureContext, type SecureContext } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import { classifyError, classifyStatus, type DeliveryOutcome } from './delivery-outcome.js';
import { dispatchOptionsOf } from './dispatch-options.js';
import { sendDrained } from './drained-request.js';

/** A destination URL split once into what undici's dispatcher takes. */
export interface Destination {
  url: string;
  origin: string;
  path: string;
}

export function toDestination(url: string): Destination {
  const parsed = new URL(url);
  return { url, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
}

/** Go's url.QueryEscape, byte by byte: unreserved characters stay, space becomes '+', the rest %XX. */
export function queryEscape(body: Buffer): string {
  let out = '';
  for (const byte of body) {
    const unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e;
    if (unreserved) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A --get destination: the template's one `%s` replaced by the query-escaped message. */
export function getDestination(template: string, body: Buffer): Destination {
  return toDestination(template.replace('%s', queryEscape(body)));
}

export interface PostRequest {
  /** POST carries the message as its body; GET carries it in the destination's path. */
  method: 'POST' | 'GET';
  destination: Destination;
  body?: Buffer;
  headers: Record<string, string>;
  /** Overall deadline for this attempt (kept inside nsqd's message timeout by the caller). */
  timeoutMs: number;
}

export interface HttpSender {
  post(request: PostRequest): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}

export interface HttpSenderOptions {
  /** Connections per destination origin; the forwarder passes max-in-flight. */
  connectionsPerOrigin: number;
  connectTimeoutMs: number;
  /** Bytes read from a response to keep its connection reusable (undici's own default is 128 KiB). */
  maxDrainBytes: number;
  /** Every trusted CA certificate (PEM; see trust-store.ts); undefined: Node's defaults. */
  trustedCertificates?: readonly string[];
}

function tlsOptions(trusted: readonly string[] | undefined): { secureContext?: SecureContext; rejectUnauthorized: true } {
  if (!trusted) return { rejectUnauthorized: true };
  // The context is built once: parsing hundreds of root certificates per connection would cost milliseconds.
  return { secureContext: createSecureContext({ ca: [...trusted] }), rejectUnauthorized: true };
}

/**
 * One attempt of the incident's pattern: the response is closed without being read, so undici
 * cannot return its connection to the pool.
 */
async function sendClosingUnread(dispatcher: Dispatcher, request: PostRequest): Promise<DeliveryOutcome> {
  // The deadline covers the whole attempt: connect, headers and body. undici takes an EventEmitter
  // as its abort signal, far cheaper per request than an AbortController (an EventTarget).
  const abort = new EventEmitter();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.emit('abort');
  }, request.timeoutMs);
  try {
    const response = await dispatcher.request({ ...dispatchOptionsOf(request), signal: abort });
    response.body.on('error', () => undefined); // destroying an unread undici body emits an abort error
    response.body.destroy(); // closed unread: the socket cannot be reused
    return classifyStatus(response.statusCode, response.headers['retry-after']);
  } catch (error) {
    return classifyError(timedOut ? Object.assign(new Error(`request timed out after ${request.timeoutMs} ms`), { code: 'ETIMEDOUT' }) : error);
  } finally {
    clearTimeout(timer);
  }
}

/** The corrected pattern: one pool for the process, bodies drained up to maxDrainBytes (drained-request.ts). */
export function createSharedSender(options: HttpSenderOptions): HttpSender {
  const agent = new Agent({
    connections: options.connectionsPerOrigin,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connectTimeout: options.connectTimeoutMs,
    connect: { ...tlsOptions(options.trustedCertificates), timeout: options.connectTimeoutMs },
  });
  return {
    post: (request) => sendDrained(agent, request, options.maxDrainBytes),
    close: () => agent.close(),
  };
}

/**
 * The incident's pattern, kept for demos and benchmarks: a fresh client (own pool, own TCP+TLS
 * handshake) for every message, and the response closed without being read.
 */
export function createNaiveSender(options: HttpSenderOptions): HttpSender {
  const open = new Set<Agent>();
  const tls = tlsOptions(options.trustedCertificates);
  return {
    async post(request) {
      const perMessageClient = new Agent({
        connectTimeout: options.connectTimeoutMs,
        connect: { ...tls, timeout: options.connectTimeoutMs },
      });
      open.add(perMessageClient);
      try {
        return await sendClosingUnread(perMessageClient, request);
      } finally {
        open.delete(perMessageClient);
        void perMessageClient.destroy().catch(() => undefined);
      }
    },
    async close() {
      await Promise.all([...open].map((client) => client.destroy().catch(() => undefined)));
    },
  };
}

export function createSender(mode: 'shared' | 'naive', options: HttpSenderOptions): HttpSender {
  return mode === 'shared' ? createSharedSender(options) : createNaiveSender(options);
}
