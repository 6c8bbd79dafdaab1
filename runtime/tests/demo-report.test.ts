import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ForwardRunResult } from '../src/bench/forward-run.js';
import { compareRuns, demoChartSvg, demoTable, demoVerdict, type DemoJson } from '../src/demo/demo-report.js';
import { renderTextTable } from '../src/report/text-table.js';

const settings = { messages: 2000, maxInFlight: 16, sinkLatencyMs: 5, responseBytes: 256 * 1024 };

function result(kind: 'naive' | 'shared', overrides: Partial<ForwardRunResult>): ForwardRunResult {
  return {
    runId: `demo-${kind}`,
    kind,
    messages: 2000,
    maxInFlight: 16,
    delivered: 2000,
    seconds: 1,
    messagesPerSecond: 1000,
    requests: 2000,
    connections: 16,
    tlsHandshakes: 16,
    openConnectionsAtEnd: 16,
    byStatus: { '200': 2000 },
    timeoutCount: 0,
    requeueCount: 0,
    command: kind,
    exitCode: 0,
    ...overrides,
  };
}

const naive = result('naive', {
  messagesPerSecond: 250,
  seconds: 8,
  connections: 2000,
  tlsHandshakes: 2000,
  openConnectionsAtEnd: 1800,
  timeoutCount: 3,
  requeueCount: 3,
  summary: { raw: {}, latencyP50Ms: 40, latencyP99Ms: 180, latencySource: 'histogram' },
});
const shared = result('shared', {
  messagesPerSecond: 2000,
  summary: { raw: {}, latencyP50Ms: 6.5, latencyP99Ms: 12, latencySource: 'histogram' },
});

test('the table shows throughput, connections, handshakes, latency and nsqd counters per forwarder', () => {
  const text = renderTextTable(demoTable([naive, shared]));
  const [header, , naiveRow, sharedRow] = text.split('\n');
  assert.match(header ?? '', /^forwarder\s+msg\/s\s+TCP conns\s+TLS handshakes\s+open at end\s+p50 forward\s+p99 forward\s+nsqd timeouts\s+requeues$/);
  assert.match(naiveRow ?? '', /^naive\s+250\s+2,000\s+2,000\s+1,800\s+40 ms\s+180 ms\s+3\s+3$/);
  assert.match(sharedRow ?? '', /^shared\s+2,000\s+16\s+16\s+16\s+6\.5 ms\s+12 ms\s+0\s+0$/);
});

test('the verdict states the ratio, the leak and the timeouts in words', () => {
  const lines = demoVerdict(naive, shared, settings);
  assert.equal(lines[0], 'shared forwarded 8.0× as many messages per second as naive, over 16 TCP connections instead of 2,000 (max-in-flight 16).');
  assert.match(lines[1] ?? '', /naive left 1,800 connections open at the end: responses of 256 KiB that nobody read/);
  assert.match(lines[2] ?? '', /nsqd timed out 3 naive messages in flight/);
  assert.equal(demoVerdict(result('naive', { openConnectionsAtEnd: 2 }), shared, settings).length, 1);
  assert.deepEqual(compareRuns(naive, shared), { throughputRatio: 8, connectionRatio: 125 });
});

test('the chart has one panel per metric and names the settings', () => {
  const json: DemoJson = {
    kind: 'keepalive-demo',
    generatedAt: '2026-11-27T17:00:00.000Z',
    machine: { cpuModel: 'AMD EPYC', cpuCount: 2, memoryGiB: 24, os: 'linux', node: 'v20.20.2', loadAverage: 0.5 },
    settings,
    runs: [naive, shared],
    comparison: compareRuns(naive, shared),
  };
  const svg = demoChartSvg(json);
  for (const title of ['Messages per second', 'TCP connections accepted by the sink', 'TLS handshakes', 'Connections still open at the end', 'p99 forward latency']) {
    assert.ok(svg.includes(`>${title}</text>`), title);
  }
  assert.ok(svg.includes('2,000 messages, max-in-flight 16, sink latency 5 ms, 256 KiB responses — 8.0× throughput'));
  const withoutLatency = demoChartSvg({ ...json, runs: [result('naive', {}), result('shared', {})] });
  assert.ok(!withoutLatency.includes('p99 forward latency'));
  assert.ok(!withoutLatency.includes('Connections still open'), 'no leak panel when naive holds no more sockets than a pool');
});
