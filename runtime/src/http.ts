// The two ways of POSTing a message: `shared` (the corrected pattern: one keep-alive undici Agent
// for the whole process, every response body drained so its connection goes back to the pool) and
// `naive` (the incident, reproduced on purpose: a new client per message, response left unread).
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import { classifyError, classifyStatus, type DeliveryOutcome } from './delivery-outcome.js';

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

export interface PostRequest {
  destination: Destination;
  body: Buffer;
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
  /** Extra trusted CA certificates (PEM); Node's bundled roots stay trusted. */
  caPem?: string;
}

function tlsOptions(caPem: string | undefined): { secureContext?: SecureContext; rejectUnauthorized: true } {
  if (!caPem) return { rejectUnauthorized: true };
  // Passing `ca` replaces the default trust store, so the bundled roots are kept explicitly. The
  // context is built once: parsing ~150 root certificates per connection would cost milliseconds.
  return { secureContext: createSecureContext({ ca: [...rootCertificates, caPem] }), rejectUnauthorized: true };
}

async function postWith(
  dispatcher: Dispatcher,
  request: PostRequest,
  handleBody: (body: Dispatcher.ResponseData['body']) => Promise<void>,
): Promise<DeliveryOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`request timed out after ${request.timeoutMs} ms`)), request.timeoutMs);
  try {
    const response = await dispatcher.request({
      origin: request.destination.origin,
      path: request.destination.path,
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: abort.signal,
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
    });
    await handleBody(response.body);
    return classifyStatus(response.statusCode, response.headers['retry-after']);
  } catch (error) {
    return classifyError(abort.signal.aborted ? Object.assign(new Error(String(abort.signal.reason)), { code: 'ETIMEDOUT' }) : error);
  } finally {
    clearTimeout(timer);
  }
}

/** The corrected pattern: one pool for the process, bodies drained up to maxDrainBytes. */
export function createSharedSender(options: HttpSenderOptions): HttpSender {
  const agent = new Agent({
    connections: options.connectionsPerOrigin,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connectTimeout: options.connectTimeoutMs,
    connect: { ...tlsOptions(options.caPem), timeout: options.connectTimeoutMs },
  });
  return {
    post: (request) =>
      postWith(agent, request, async (body) => {
        // dump() reads up to `limit` bytes and then destroys the socket; a limit above the
        // expected response size keeps the connection in the pool.
        await body.dump({ limit: options.maxDrainBytes });
      }),
    close: () => agent.close(),
  };
}

/**
 * The incident's pattern, kept for demos and benchmarks: a fresh client (own pool, own TCP+TLS
 * handshake) for every message, and the response closed without being read.
 */
export function createNaiveSender(options: HttpSenderOptions): HttpSender {
  const open = new Set<Agent>();
  const tls = tlsOptions(options.caPem);
  return {
    async post(request) {
      const perMessageClient = new Agent({
        connectTimeout: options.connectTimeoutMs,
        connect: { ...tls, timeout: options.connectTimeoutMs },
      });
      open.add(perMessageClient);
      try {
        return await postWith(perMessageClient, request, async (body) => {
          body.on('error', () => undefined); // destroying an unread undici body emits an abort error
          body.destroy(); // closed unread: the socket cannot be reused
        });
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
