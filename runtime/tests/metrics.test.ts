import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ForwarderMetrics, serveMetrics } from '../src/metrics.js';

describe('ForwarderMetrics', () => {
  it('renders counters, status classes and the latency histogram in Prometheus text format', async () => {
    const metrics = new ForwarderMetrics('shared', { inFlight: () => 3, backoffLevel: () => 0, held: () => 0 });
    metrics.messagesReceived = 4;
    metrics.observeResponse(200, 0.004);
    metrics.observeResponse(503, 0.2);
    metrics.observeResponse(undefined, 31);
    const server = await serveMetrics(metrics, '127.0.0.1:0');
    try {
      const response = await fetch(`http://${server.address}/metrics`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      assert.match(text, /^# TYPE keepalive_nsq_messages_received_total counter$/m);
      assert.match(text, /^keepalive_nsq_messages_received_total\{mode="shared"\} 4$/m);
      assert.match(text, /^keepalive_nsq_http_responses_total\{mode="shared",class="2xx"\} 1$/m);
      assert.match(text, /^keepalive_nsq_http_responses_total\{mode="shared",class="5xx"\} 1$/m);
      assert.match(text, /^keepalive_nsq_http_responses_total\{mode="shared",class="error"\} 1$/m);
      assert.match(text, /^keepalive_nsq_http_request_duration_seconds_bucket\{mode="shared",le="0\.005"\} 1$/m);
      assert.match(text, /^keepalive_nsq_http_request_duration_seconds_bucket\{mode="shared",le="0\.25"\} 2$/m);
      assert.match(text, /^keepalive_nsq_http_request_duration_seconds_bucket\{mode="shared",le="\+Inf"\} 3$/m);
      assert.match(text, /^keepalive_nsq_in_flight_messages\{mode="shared"\} 3$/m);
      assert.equal((await fetch(`http://${server.address}/other`)).status, 404);
    } finally {
      await server.close();
    }
  });
});
