import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoChartSvg, demoTable, demoVerdict, depthTimeline, type DemoJson, type DemoSettings } from '../demo/demo-report.js';
import type { ChannelSample, SteadyRunResult } from '../demo/steady-run.js';
import { renderTextTable } from '../report/text-table.js';

const settings: DemoSettings = {
  publishRate: 12,
  seconds: 10,
  maxInFlight: 16,
  handlers: 1,
  wanLatencyMs: 25,
  msgTimeoutMs: 1000,
  sinkLatencyMs: 5,
  responseBytes: 256 * 1024,
};

function samples(depths: number[]): ChannelSample[] {
  return depths.map((depth, index) => ({ atSeconds: index, published: index * 12, delivered: index * 10, depth, inFlight: 16, timeoutCount: 0 }));
}

function result(kind: 'naive' | 'shared', overrides: Partial<SteadyRunResult>): SteadyRunResult {
  return {
    runId: `demo-${kind}`,
    kind,
    publishRate: 12,
    seconds: 10,
    maxInFlight: 16,
    handlers: 1,
    published: 120,
    delivered: 120,
    messagesPerSecond: 12,
    requests: 120,
    connections: 1,
    tlsHandshakes: 1,
    finalDepth: 0,
    peakDepth: 0,
    timeoutCount: 0,
    requeueCount: 0,
    finFailedCount: 0,
    finFailedLines: [],
    samples: samples([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    command: kind,
    ...overrides,
  };
}

const naive = result('naive', {
  delivered: 45,
  messagesPerSecond: 4.1,
  connections: 90,
  tlsHandshakes: 89,
  finalDepth: 64,
  peakDepth: 64,
  timeoutCount: 120,
  requeueCount: 3,
  finFailedCount: 50,
  finFailedLines: ['[nsqd] ERROR: [127.0.0.1:1] - E_FIN_FAILED FIN 0a failed ID not in flight - ID not in flight'],
  samples: samples([0, 4, 9, 15, 21, 28, 34, 40, 47, 53, 60, 64]),
});
const shared = result('shared', {});

test('the table shows published, delivered, depth, nsqd timeouts, E_FIN_FAILED and connections per forwarder', () => {
  const text = renderTextTable(demoTable([naive, shared]));
  const [header, , naiveRow, sharedRow] = text.split('\n');
  assert.match(header ?? '', /^forwarder\s+published\s+delivered\s+msg\/s\s+depth at end\s+nsqd timeouts\s+E_FIN_FAILED\s+TCP conns\s+TLS handshakes$/);
  assert.match(naiveRow ?? '', /^naive\s+120\s+45\s+4\.1\s+64\s+120\s+50\s+90\s+89$/);
  assert.match(sharedRow ?? '', /^shared\s+120\s+120\s+12\.0\s+0\s+0\s+0\s+1\s+1$/);
});

test('the depth timeline has a column every 5 s plus the last sample', () => {
  const text = renderTextTable(depthTimeline([naive, shared]));
  const [header, , naiveRow, sharedRow] = text.split('\n');
  assert.match(header ?? '', /^depth after\s+0 s\s+5 s\s+10 s\s+11 s$/);
  assert.match(naiveRow ?? '', /^naive\s+0\s+28\s+60\s+64$/);
  assert.match(sharedRow ?? '', /^shared\s+0\s+0\s+0\s+0$/);
});

test('the verdict says who fell behind and who kept up, in words', () => {
  const [naiveLine, sharedLine] = demoVerdict(naive, shared, settings);
  assert.match(naiveLine ?? '', /^naive fell behind: nsqd's queue depth climbed to 64, nsqd timed out 120 messages in flight \(no FIN within 1,000 ms\) and refused 50 late FINs with E_FIN_FAILED/);
  assert.match(sharedLine ?? '', /^shared kept up: depth 0 at the end \(peak 0\), 0 nsqd timeouts, 0 E_FIN_FAILED, over 1 TCP connection \(max-in-flight 16, 1 request at once\)\.$/);
  // A naive run that happened to keep up is not described as falling behind.
  assert.match(demoVerdict(result('naive', {}), shared, settings)[0] ?? '', /^naive kept up/);
});

test('the chart has one panel per observable and names the settings', () => {
  const json: DemoJson = {
    kind: 'keepalive-demo',
    generatedAt: '2026-12-06T17:00:00.000Z',
    machine: { cpuModel: 'AMD EPYC', cpuCount: 2, memoryGiB: 24, os: 'linux', node: 'v20.20.2', loadAverage: 0.5 },
    settings,
    runs: [naive, shared],
  };
  const svg = demoChartSvg(json);
  for (const title of ['Delivered per second', 'nsqd queue depth at the end', 'nsqd msg-timeouts', 'E_FIN_FAILED in nsqd’s log', 'TCP connections accepted by the sink']) {
    assert.ok(svg.includes(`>${title}</text>`), title);
  }
  assert.ok(svg.includes('12 msg/s for 10 s, max-in-flight 16, -n 1, 25 ms each way (Toxiproxy), nsqd msg-timeout 1,000 ms, 256 KiB responses'));
  // The run that fell behind gets its depth over time; the one that kept up does not.
  assert.ok(svg.includes('>nsqd queue depth during the naive run</text>'));
  assert.ok(!svg.includes('during the shared run'));
  for (const label of ['after 0 s', 'after 5 s', 'after 10 s', 'after 11 s']) assert.ok(svg.includes(`>${label}</text>`), label);
  assert.ok(!svg.includes('>after 3 s</text>'));
});
