// Connection-reuse probe: counts, per origin, HTTP requests against new TCP connections and TLS
// handshakes, from diagnostics_channel events published by undici (npm undici and Node's bundled
// fetch alike) and by node:http/https. It is the in-process equivalent of counting connect() calls
// with strace: a client that reuses connections shows far fewer connections than requests.
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface OriginCounts {
  /** HTTP requests started to this origin. */
  requests: number;
  /** New TCP connections established to this origin (connections reused from a pool are not counted). */
  connections: number;
  /** TLS handshakes completed on those connections (https origins only). */
  tlsHandshakes: number;
  /** Handshakes that resumed an earlier TLS session (cheaper, but still a new connection). */
  tlsSessionsResumed: number;
  /** Connection attempts that failed (refused, TLS verification error, timeout). */
  connectErrors: number;
}

export interface ConnectionReport {
  origins: Record<string, OriginCounts>;
  total: OriginCounts;
}

export interface ConnectionEvent {
  kind: 'request' | 'connection' | 'connectError';
  origin: string;
  /** For connections: whether a TLS handshake took place; for connect errors: the error. */
  tls?: boolean;
  error?: unknown;
}

export interface ReuseExpectation {
  /** Only look at this origin (e.g. `https://127.0.0.1:8443`); by default all origins together. */
  origin?: string;
  /** At most this many new connections. */
  maxConnections?: number;
  /** At least this many requests per new connection on average. */
  minRequestsPerConnection?: number;
}

export interface ConnectionProbe {
  report(): ConnectionReport;
  /** Counts for one origin (all zero when nothing was seen). */
  origin(origin: string): OriginCounts;
  /** Calls `listener` for every request, connection and connect error (used by the forwarder's metrics). */
  onEvent(listener: (event: ConnectionEvent) => void): void;
  /** Throws an AssertionError-like Error describing the counts when the expectation is not met. */
  assertReuse(expectation: ReuseExpectation): void;
  reset(): void;
  /** Unsubscribes from every channel; the report stays readable. */
  stop(): void;
}

function emptyCounts(): OriginCounts {
  return { requests: 0, connections: 0, tlsHandshakes: 0, tlsSessionsResumed: 0, connectErrors: 0 };
}

/** Normalises `https://host:443/x` and `{protocol, host}` shapes to a URL origin such as `https://host`. */
export function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}

interface UndiciConnectParams {
  protocol?: string;
  host?: string;
  hostname?: string;
  port?: string | number;
}

function originFromConnectParams(params: UndiciConnectParams | undefined): string {
  if (!params) return 'unknown';
  const host = params.host ?? (params.port ? `${params.hostname}:${params.port}` : params.hostname);
  return originOf(`${params.protocol ?? 'http:'}//${host}`);
}

function originFromNodeRequest(request: ClientRequest): string {
  const protocol = request.protocol ?? 'http:';
  const host = request.host ?? 'localhost';
  const socketPort = request.socket?.remotePort;
  const agentPort = (request as unknown as { agent?: { defaultPort?: number } }).agent?.defaultPort;
  const port = socketPort ?? agentPort;
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return originOf(`${protocol}//${bracketed}${port ? `:${port}` : ''}`);
}

export interface WatchOptions {
  /**
   * Count requests too (default true). A caller that counts its own requests passes false: the
   * probe then listens to undici's connection events only and costs nothing per request
   * (node:http reports a connection only with a response, so node:http is not watched then).
   */
  requests?: boolean;
}

/** Starts counting. Call `stop()` when done; several probes may run at once. */
export function watchConnections(options: WatchOptions = {}): ConnectionProbe {
  const countRequests = options.requests ?? true;
  const counts = new Map<string, OriginCounts>();
  const listeners: ((event: ConnectionEvent) => void)[] = [];
  const countsFor = (origin: string): OriginCounts => {
    let entry = counts.get(origin);
    if (!entry) {
      entry = emptyCounts();
      counts.set(origin, entry);
    }
    return entry;
  };
  const emit = (event: ConnectionEvent): void => {
    for (const listener of listeners) listener(event);
  };

  const subscriptions: [string, (message: unknown) => void][] = [
    [
      'undici:request:create',
      (message) => {
        const origin = originOf(String((message as { request: { origin?: unknown } }).request.origin ?? 'unknown'));
        countsFor(origin).requests += 1;
        emit({ kind: 'request', origin });
      },
    ],
    [
      'undici:client:connected',
      (message) => {
        const { connectParams, socket } = message as { connectParams?: UndiciConnectParams; socket?: TLSSocket };
        const origin = originFromConnectParams(connectParams);
        const entry = countsFor(origin);
        entry.connections += 1;
        const tls = connectParams?.protocol === 'https:';
        if (tls) {
          entry.tlsHandshakes += 1;
          if (typeof socket?.isSessionReused === 'function' && socket.isSessionReused()) entry.tlsSessionsResumed += 1;
        }
        emit({ kind: 'connection', origin, tls });
      },
    ],
    [
      'undici:client:connectError',
      (message) => {
        const { connectParams, error } = message as { connectParams?: UndiciConnectParams; error?: unknown };
        const origin = originFromConnectParams(connectParams);
        countsFor(origin).connectErrors += 1;
        emit({ kind: 'connectError', origin, error });
      },
    ],
    [
      // node:http/https: fires once response headers arrive, when `reusedSocket` is settled.
      'http.client.response.finish',
      (message) => {
        const { request } = message as { request: ClientRequest };
        const origin = originFromNodeRequest(request);
        const entry = countsFor(origin);
        entry.requests += 1;
        emit({ kind: 'request', origin });
        if (!request.reusedSocket) {
          entry.connections += 1;
          const tls = request.protocol === 'https:';
          if (tls) {
            entry.tlsHandshakes += 1;
            const socket = request.socket as TLSSocket | null;
            if (typeof socket?.isSessionReused === 'function' && socket.isSessionReused()) entry.tlsSessionsResumed += 1;
          }
          emit({ kind: 'connection', origin, tls });
        }
      },
    ],
  ];
  // node:http's channel reports connections together with requests: without requests, only undici's connection events stay.
  const watched = countRequests ? subscriptions : subscriptions.filter(([name]) => name.startsWith('undici:client:'));
  for (const [name, handler] of watched) diagnosticsChannel.subscribe(name, handler);
  let stopped = false;

  const report = (): ConnectionReport => {
    const origins: Record<string, OriginCounts> = {};
    const total = emptyCounts();
    for (const [origin, entry] of counts) {
      origins[origin] = { ...entry };
      for (const key of Object.keys(total) as (keyof OriginCounts)[]) total[key] += entry[key];
    }
    return { origins, total };
  };

  return {
    report,
    origin: (origin) => ({ ...(counts.get(originOf(origin)) ?? emptyCounts()) }),
    onEvent(listener) {
      listeners.push(listener);
    },
    assertReuse(expectation) {
      const seen = expectation.origin ? { ...(counts.get(originOf(expectation.origin)) ?? emptyCounts()) } : report().total;
      const where = expectation.origin ? originOf(expectation.origin) : 'all origins';
      const problems: string[] = [];
      if (expectation.maxConnections !== undefined && seen.connections > expectation.maxConnections) {
        problems.push(`${seen.connections} new connections > allowed ${expectation.maxConnections}`);
      }
      if (expectation.minRequestsPerConnection !== undefined) {
        const ratio = seen.connections === 0 ? Infinity : seen.requests / seen.connections;
        if (ratio < expectation.minRequestsPerConnection) {
          problems.push(`${ratio.toFixed(2)} requests per connection < expected ${expectation.minRequestsPerConnection}`);
        }
      }
      if (problems.length > 0) {
        const error = new Error(
          `connection reuse check failed for ${where}: ${problems.join('; ')} ` +
            `(requests ${seen.requests}, connections ${seen.connections}, TLS handshakes ${seen.tlsHandshakes})`,
        );
        error.name = 'ConnectionReuseError';
        throw error;
      }
    },
    reset() {
      counts.clear();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const [name, handler] of watched) diagnosticsChannel.unsubscribe(name, handler);
    },
  };
}
