// Forwarder counters and the request-latency histogram, rendered in Prometheus text format.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Seconds; chosen around loopback-to-WAN POST latencies. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'error';

export interface MetricsSnapshot {
  mode: 'shared' | 'naive';
  messagesReceived: number;
  messagesFinished: number;
  messagesRequeued: number;
  messagesDeadLettered: number;
  /** Finished without a request (--sample); included in messagesFinished. */
  messagesSampledOut: number;
  /** Answers that found their nsqd connection gone: nsqd requeues those messages itself. */
  messagesRequeuedByNsqd: number;
  deadLetterFailures: number;
  /** Deliveries that failed because the endpoint could not be reached at all (never dead-lettered). */
  endpointUnreachable: number;
  /** Messages held in flight because their dead letter cannot be published. */
  heldMessages: number;
  touches: number;
  /** nsqd error frames such as E_FIN_FAILED. */
  nsqProtocolErrors: number;
  httpResponses: Record<StatusClass, number>;
  httpRequests: number;
  connectionsOpened: number;
  tlsHandshakes: number;
  connectErrors: number;
  inFlight: number;
  backoffLevel: number;
  latency: { buckets: { le: number; count: number }[]; count: number; sumSeconds: number };
}

export class ForwarderMetrics {
  messagesReceived = 0;
  messagesFinished = 0;
  messagesRequeued = 0;
  messagesDeadLettered = 0;
  messagesSampledOut = 0;
  messagesRequeuedByNsqd = 0;
  deadLetterFailures = 0;
  endpointUnreachable = 0;
  touches = 0;
  nsqProtocolErrors = 0;
  httpRequests = 0;
  connectionsOpened = 0;
  tlsHandshakes = 0;
  connectErrors = 0;
  readonly httpResponses: Record<StatusClass, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, error: 0 };
  private readonly bucketCounts = LATENCY_BUCKETS_SECONDS.map(() => 0);
  private latencyCount = 0;
  private latencySum = 0;

  constructor(
    readonly mode: 'shared' | 'naive',
    private readonly gauges: { inFlight(): number; backoffLevel(): number; held(): number },
  ) {}

  observeResponse(status: number | undefined, seconds: number): void {
    const statusClass: StatusClass = status === undefined ? 'error' : (`${Math.min(5, Math.max(2, Math.floor(status / 100)))}xx` as StatusClass);
    this.httpResponses[statusClass] += 1;
    this.latencyCount += 1;
    this.latencySum += seconds;
    LATENCY_BUCKETS_SECONDS.forEach((le, index) => {
      if (seconds <= le) this.bucketCounts[index]! += 1;
    });
  }

  snapshot(): MetricsSnapshot {
    return {
      mode: this.mode,
      messagesReceived: this.messagesReceived,
      messagesFinished: this.messagesFinished,
      messagesRequeued: this.messagesRequeued,
      messagesDeadLettered: this.messagesDeadLettered,
      messagesSampledOut: this.messagesSampledOut,
      messagesRequeuedByNsqd: this.messagesRequeuedByNsqd,
      deadLetterFailures: this.deadLetterFailures,
      endpointUnreachable: this.endpointUnreachable,
      heldMessages: this.gauges.held(),
      touches: this.touches,
      nsqProtocolErrors: this.nsqProtocolErrors,
      httpResponses: { ...this.httpResponses },
      httpRequests: this.httpRequests,
      connectionsOpened: this.connectionsOpened,
      tlsHandshakes: this.tlsHandshakes,
      connectErrors: this.connectErrors,
      inFlight: this.gauges.inFlight(),
      backoffLevel: this.gauges.backoffLevel(),
      latency: {
        buckets: LATENCY_BUCKETS_SECONDS.map((le, index) => ({ le, count: this.bucketCounts[index]! })),
        count: this.latencyCount,
        sumSeconds: this.latencySum,
      },
    };
  }

  /** Prometheus text exposition format 0.0.4. */
  render(): string {
    const s = this.snapshot();
    const lines: string[] = [];
    const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: [string, number][]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    const mode = `mode="${s.mode}"`;
    metric('keepalive_nsq_messages_received_total', 'counter', 'Messages delivered by nsqd.', [[`{${mode}}`, s.messagesReceived]]);
    metric('keepalive_nsq_messages_finished_total', 'counter', 'Messages answered with FIN after a 2xx (or skipped by --sample).', [[`{${mode}}`, s.messagesFinished]]);
    metric('keepalive_nsq_messages_sampled_out_total', 'counter', 'Messages finished without a request (--sample).', [[`{${mode}}`, s.messagesSampledOut]]);
    metric('keepalive_nsq_messages_requeued_total', 'counter', 'Messages answered with REQ, or whose nsqd connection was lost before the answer (by="nsqd").', [
      [`{${mode},by="forwarder"}`, s.messagesRequeued],
      [`{${mode},by="nsqd"}`, s.messagesRequeuedByNsqd],
    ]);
    metric('keepalive_nsq_messages_dead_lettered_total', 'counter', 'Messages published to the dead-letter topic, then FINished.', [[`{${mode}}`, s.messagesDeadLettered]]);
    metric('keepalive_nsq_dead_letter_failures_total', 'counter', 'Dead-letter publishes that failed (the message was held or requeued, never sent again).', [[`{${mode}}`, s.deadLetterFailures]]);
    metric('keepalive_nsq_endpoint_unreachable_total', 'counter', 'Deliveries that found the endpoint unreachable (refused, DNS, TLS verification): backoff, never dead-lettered.', [[`{${mode}}`, s.endpointUnreachable]]);
    metric('keepalive_nsq_held_messages', 'gauge', 'Messages held in flight because their dead letter cannot be published.', [[`{${mode}}`, s.heldMessages]]);
    metric('keepalive_nsq_touches_total', 'counter', 'TOUCH commands sent for slow requests.', [[`{${mode}}`, s.touches]]);
    metric('keepalive_nsq_protocol_errors_total', 'counter', 'nsqd error frames (E_FIN_FAILED and others).', [[`{${mode}}`, s.nsqProtocolErrors]]);
    metric(
      'keepalive_nsq_http_responses_total',
      'counter',
      'HTTP responses by status class (error: no response).',
      (Object.keys(s.httpResponses) as StatusClass[]).map((key) => [`{${mode},class="${key}"}`, s.httpResponses[key]]),
    );
    metric('keepalive_nsq_http_requests_total', 'counter', 'HTTP requests started (connection-reuse probe).', [[`{${mode}}`, s.httpRequests]]);
    metric('keepalive_nsq_http_connections_opened_total', 'counter', 'New TCP connections to destinations (connection-reuse probe).', [[`{${mode}}`, s.connectionsOpened]]);
    metric('keepalive_nsq_tls_handshakes_total', 'counter', 'TLS handshakes with destinations (connection-reuse probe).', [[`{${mode}}`, s.tlsHandshakes]]);
    metric('keepalive_nsq_http_connect_errors_total', 'counter', 'Failed connection attempts (refused, TLS verification, timeout).', [[`{${mode}}`, s.connectErrors]]);
    metric('keepalive_nsq_in_flight_messages', 'gauge', 'Messages currently in flight.', [[`{${mode}}`, s.inFlight]]);
    metric('keepalive_nsq_backoff_level', 'gauge', 'Consumer-wide backoff level (0: full speed).', [[`{${mode}}`, s.backoffLevel]]);
    lines.push('# HELP keepalive_nsq_http_request_duration_seconds POST latency, connection set-up included.');
    lines.push('# TYPE keepalive_nsq_http_request_duration_seconds histogram');
    for (const bucket of s.latency.buckets) {
      lines.push(`keepalive_nsq_http_request_duration_seconds_bucket{${mode},le="${bucket.le}"} ${bucket.count}`);
    }
    lines.push(`keepalive_nsq_http_request_duration_seconds_bucket{${mode},le="+Inf"} ${s.latency.count}`);
    lines.push(`keepalive_nsq_http_request_duration_seconds_sum{${mode}} ${s.latency.sumSeconds}`);
    lines.push(`keepalive_nsq_http_request_duration_seconds_count{${mode}} ${s.latency.count}`);
    return `${lines.join('\n')}\n`;
  }
}

export interface MetricsServer {
  /** host:port actually bound (port 0 resolves to a real port). */
  address: string;
  close(): Promise<void>;
}

export async function serveMetrics(metrics: ForwarderMetrics, hostPort: string): Promise<MetricsServer> {
  const index = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, index).replace(/^\[|\]$/g, '');
  const port = Number(hostPort.slice(index + 1));
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/metrics' || request.url?.startsWith('/metrics?'))) {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(metrics.render());
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found; metrics are at /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`--metrics-address ${hostPort}: ${error.message}`)));
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  return {
    address: `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
