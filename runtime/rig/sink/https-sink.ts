// The receiving end of every forwarder test, demo and benchmark: a real HTTPS server on loopback
// that counts what a connection-reuse bug costs (TCP connections and TLS handshakes versus
// requests), de-duplicates deliveries by Idempotency-Key, and can answer with faults on demand.
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestCertificates } from './certificates.js';

export interface SinkRequest {
  /** The Idempotency-Key header, when present. */
  key?: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** How many earlier requests carried the same key (0 on first sight). */
  seenBefore: number;
}

export interface SinkReply {
  /** Defaults to 200. */
  status?: number;
  headers?: Record<string, string>;
  /** Extra wait before answering, on top of the sink's latency (a stalled endpoint). */
  stallMs?: number;
  /** Response body size; defaults to the sink's `responseBytes`. */
  bodyBytes?: number;
}

export type SinkResponder = (request: SinkRequest) => SinkReply | undefined;

export interface SinkStats {
  requests: number;
  /** Server 'connection' events: every TCP connection accepted, including dials abandoned mid-handshake. */
  connections: number;
  /** Completed TLS handshakes ('secureConnection'). */
  tlsHandshakes: number;
  /** Unique Idempotency-Keys answered with a 2xx status. */
  delivered: number;
  /** Responses sent, by status code ("200", "503", ...). */
  byStatus: Record<string, number>;
  /** TCP connections open right now (a client that abandons bodies unread keeps them open). */
  openConnections: number;
}

/** performance.now() times of the first request and of the latest first-time 2xx delivery. */
export interface SinkTimeline {
  firstRequestAt?: number;
  lastDeliveryAt?: number;
}

export interface HttpsSink {
  /** Origin to post to, e.g. https://127.0.0.1:43125 (no trailing slash; any path is accepted). */
  url: string;
  stats(): SinkStats;
  deliveredKeys(): Set<string>;
  /** Body of the first 2xx-answered request per key. */
  deliveredBodies(): Map<string, Buffer>;
  /** Replaces the responder (undefined: answer every request 200 with the default body). */
  setResponder(fn: SinkResponder | undefined): void;
  timeline(): SinkTimeline;
  /** Zeroes the counters, keys and timeline between runs; open sockets stay open (and counted as open). */
  reset(): void;
  /**
   * Resolves once no connection is open and none was accepted for `quietMs` (default 300), or after
   * `timeoutMs` (default 10 s). Between benchmark runs: a client that churned connections can leave
   * dials in the listen backlog that would otherwise be counted against the next run.
   */
  waitForIdle(options?: { quietMs?: number; timeoutMs?: number }): Promise<{ idle: boolean; openConnections: number }>;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

export interface HttpsSinkOptions {
  certificates: TestCertificates;
  /** Simulated processing time before each answer, in ms (default 0). */
  latencyMs?: number;
  /** Default response body size in bytes (default 0). Bodies ≥ 256 KiB make unread-body leaks visible. */
  responseBytes?: number;
  respond?: SinkResponder;
  /**
   * Which key de-duplicates a request (default: its Idempotency-Key header). Benchmarks of clients
   * that send no such header (nsq_to_http) key by message body instead.
   */
  keyOf?: (headers: IncomingHttpHeaders, body: Buffer) => string | undefined;
}

function idempotencyKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['idempotency-key'];
  return Array.isArray(header) ? header[0] : header;
}

/** Longer than any run: the server must never be the one churning connections. */
const KEEP_ALIVE_TIMEOUT_MS = 10 * 60 * 1000;
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function checkNonNegative(name: string, value: number | undefined, max: number): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`HTTPS sink: ${name} must be a number from 0 to ${max}, got ${String(value)}`);
  }
  return value;
}

function checkStatus(status: number): number {
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new Error(`sink responder returned an invalid status ${String(status)}`);
  }
  return status;
}

/** One shared buffer of filler bytes, grown on demand; responses send slices of it. */
class FillerBody {
  private buffer = Buffer.alloc(0);
  slice(bytes: number): Buffer {
    if (this.buffer.length < bytes) this.buffer = Buffer.alloc(bytes, 0x2e);
    return this.buffer.subarray(0, bytes);
  }
}

export async function startHttpsSink(options: HttpsSinkOptions): Promise<HttpsSink> {
  const { certificates } = options;
  if (!certificates || !certificates.serverCertPem || !certificates.serverKeyPem) {
    throw new Error('startHttpsSink: certificates (from generateCertificates) are required');
  }
  const latencyMs = checkNonNegative('latencyMs', options.latencyMs, 10 * 60 * 1000);
  const responseBytes = checkNonNegative('responseBytes', options.responseBytes, MAX_RESPONSE_BYTES);
  let responder = options.respond;
  const keyOf = options.keyOf ?? idempotencyKey;

  const counters = { requests: 0, connections: 0, tlsHandshakes: 0 };
  const byStatus: Record<string, number> = {};
  const timesSeen = new Map<string, number>();
  const delivered = new Map<string, Buffer>();
  const openSockets = new Set<Socket>();
  const pendingTimers = new Set<NodeJS.Timeout>();
  const filler = new FillerBody();
  let timeline: SinkTimeline = {};
  let lastConnectionAt = performance.now();

  /** A broken responder or keyOf shows up as a 500 in byStatus and in the response body, not as a hang or crash. */
  function answerFailure(what: string, error: unknown, res: ServerResponse): void {
    const message = Buffer.from(`sink ${what} failed: ${String(error)}\n`);
    byStatus['500'] = (byStatus['500'] ?? 0) + 1;
    res.writeHead(500, { 'content-type': 'text/plain', 'content-length': message.length });
    res.end(message);
  }

  function answer(request: SinkRequest, res: ServerResponse): void {
    let reply: SinkReply | undefined;
    let status: number;
    let bodyBytes: number;
    let waitMs: number;
    try {
      reply = responder?.(request);
      status = checkStatus(reply?.status ?? 200);
      bodyBytes = checkNonNegative('bodyBytes', reply?.bodyBytes ?? responseBytes, MAX_RESPONSE_BYTES);
      waitMs = latencyMs + checkNonNegative('stallMs', reply?.stallMs, 60 * 60 * 1000);
    } catch (error) {
      answerFailure('responder', error, res);
      return;
    }

    const send = (): void => {
      // The client may have given up (timeout, naive client destroyed) while we waited.
      if (res.destroyed || res.writableEnded) return;
      byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
      if (status >= 200 && status < 300 && request.key !== undefined && !delivered.has(request.key)) {
        delivered.set(request.key, request.body);
        timeline.lastDeliveryAt = performance.now();
      }
      const body = filler.slice(bodyBytes);
      res.writeHead(status, {
        'content-type': 'text/plain',
        ...reply?.headers,
        'content-length': String(body.length),
      });
      res.end(body);
    };
    if (waitMs === 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      send();
    }, waitMs);
    pendingTimers.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      pendingTimers.delete(timer);
    });
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    counters.requests += 1;
    timeline.firstRequestAt ??= performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let key: string | undefined;
      try {
        key = keyOf(req.headers, body);
      } catch (error) {
        answerFailure('keyOf', error, res);
        return;
      }
      const seenBefore = key === undefined ? 0 : (timesSeen.get(key) ?? 0);
      if (key !== undefined) timesSeen.set(key, seenBefore + 1);
      answer(
        {
          ...(key === undefined ? {} : { key }),
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body,
          seenBefore,
        },
        res,
      );
    });
  }

  const server: Server = createServer(
    {
      key: certificates.serverKeyPem,
      cert: certificates.serverCertPem,
      keepAlive: true,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      requestTimeout: 0,
      headersTimeout: KEEP_ALIVE_TIMEOUT_MS,
    },
    onRequest,
  );
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('connection', (socket: Socket) => {
    counters.connections += 1;
    lastConnectionAt = performance.now();
    openSockets.add(socket);
    socket.once('close', () => openSockets.delete(socket));
  });
  server.on('secureConnection', () => {
    counters.tlsHandshakes += 1;
  });
  // Clients that hang up mid-handshake (churning pools do) are counted as connections; nothing to log.
  server.on('tlsClientError', () => {});

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `https://127.0.0.1:${port}`,
    stats: () => ({
      ...counters,
      delivered: delivered.size,
      byStatus: { ...byStatus },
      openConnections: openSockets.size,
    }),
    timeline: () => ({ ...timeline }),
    reset: () => {
      counters.requests = 0;
      counters.connections = 0;
      counters.tlsHandshakes = 0;
      for (const status of Object.keys(byStatus)) delete byStatus[status];
      timesSeen.clear();
      delivered.clear();
      timeline = {};
    },
    waitForIdle: async ({ quietMs = 300, timeoutMs = 10_000 } = {}) => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const now = performance.now();
        if (openSockets.size === 0 && now - lastConnectionAt >= quietMs) return { idle: true, openConnections: 0 };
        if (now >= deadline) return { idle: false, openConnections: openSockets.size };
        await new Promise((resolvePromise) => setTimeout(resolvePromise, Math.min(50, quietMs)));
      }
    },
    deliveredKeys: () => new Set(delivered.keys()),
    deliveredBodies: () => new Map(delivered),
    setResponder: (fn) => {
      responder = fn;
    },
    close: () => {
      closing ??= new Promise<void>((resolvePromise) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close(() => resolvePromise());
        for (const socket of openSockets) socket.destroy();
      });
      return closing;
    },
  };
}
