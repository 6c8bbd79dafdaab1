import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateGoals, summarizeRuns, type BenchRun } from '../bench/bench-summary.js';
import type { ForwarderKind } from '../bench/forwarder-command.js';

function run(kind: ForwarderKind, sinkLatencyMs: number, repetition: number, messagesPerSecond: number, connections: number): BenchRun {
  return {
    runId: `r-${kind}-${sinkLatencyMs}-${repetition}`,
    kind,
    sinkLatencyMs,
    repetition,
    messages: 1000,
    maxInFlight: 16,
    delivered: 1000,
    seconds: 1000 / messagesPerSecond,
    messagesPerSecond,
    requests: 1000,
    connections,
    tlsHandshakes: connections,
    openConnectionsAtEnd: 0,
    byStatus: { '200': 1000 },
    timeoutCount: 0,
    requeueCount: 0,
    command: kind,
    exitCode: 0,
  };
}

const runs: BenchRun[] = [
  ...[3000, 3400, 3200].map((rate, i) => run('shared', 0, i + 1, rate, 16)),
  ...[300, 320, 310].map((rate, i) => run('naive', 0, i + 1, rate, 1000)),
  ...[2000, 2500, 2200].map((rate, i) => run('nsq_to_http', 0, i + 1, rate, 3500)),
  ...[770, 765, 780].map((rate, i) => run('shared', 20, i + 1, rate, i === 2 ? 17 : 16)),
  ...[700, 710, 720].map((rate, i) => run('nsq_to_http', 20, i + 1, rate, 1000)),
];

test('summarizeRuns takes medians per latency and forwarder, and the worst connection count', () => {
  const medians = summarizeRuns(runs);
  const shared20 = medians.find((m) => m.kind === 'shared' && m.sinkLatencyMs === 20);
  assert.deepEqual(
    medians.map((m) => [m.sinkLatencyMs, m.kind, m.messagesPerSecond]),
    [
      [0, 'shared', 3200],
      [0, 'naive', 310],
      [0, 'nsq_to_http', 2200],
      [20, 'shared', 770],
      [20, 'nsq_to_http', 710],
    ],
  );
  assert.equal(shared20?.connections, 16);
  assert.equal(shared20?.maxConnections, 17);
  assert.equal(shared20?.runs, 3);
});

test('goals: ratios against nsq_to_http and naive, the Little-law limit and connections', () => {
  const goals = evaluateGoals(summarizeRuns(runs), 16);
  assert.deepEqual(
    goals.map((goal) => [goal.description, goal.target, goal.measured, goal.met]),
    [
      ['shared throughput vs nsq_to_http, sink 0 ms', '≥ 2.5×', '1.45×', false],
      ['shared throughput vs naive (new TLS connection per message), sink 0 ms', '≥ 5×', '10×', true],
      ['shared TCP connections (worst of 3 runs), sink 0 ms', '≤ 16 (max-in-flight)', '16', true],
      ['shared throughput vs nsq_to_http, sink 20 ms', '≥ 1.0×', '1.08×', true],
      ['shared throughput vs max-in-flight ÷ sink latency (800 msg/s), sink 20 ms', '≥ 95 %', '96 %', true],
      ['shared TCP connections (worst of 3 runs), sink 20 ms', '≤ 16 (max-in-flight)', '17', false],
    ],
  );
});

test('a goal whose comparison run is missing is "not measured", not failed', () => {
  const goals = evaluateGoals(summarizeRuns(runs.filter((r) => r.kind === 'shared' && r.sinkLatencyMs === 0)), 16);
  assert.equal(goals[0]?.met, undefined);
  assert.equal(goals[0]?.measured, 'n/a');
  assert.equal(goals[1]?.met, undefined);
});

test('runs through the WAN proxy are a condition of their own, never merged with the sink-latency rows', () => {
  const wan = [run('shared', 0, 1, 500, 16), run('nsq_to_http', 0, 1, 250, 1400)].map((entry) => ({ ...entry, wanLatencyMs: 10 }));
  const medians = summarizeRuns([...runs, ...wan]);
  assert.deepEqual(
    medians.filter((m) => m.wanLatencyMs === 10).map((m) => [m.sinkLatencyMs, m.kind, m.messagesPerSecond]),
    [
      [0, 'shared', 500],
      [0, 'nsq_to_http', 250],
    ],
  );
  assert.equal(medians.find((m) => m.kind === 'shared' && m.sinkLatencyMs === 0 && m.wanLatencyMs === 0)?.messagesPerSecond, 3200);
  const wanGoals = evaluateGoals(medians, 16).filter((goal) => goal.description.includes('WAN'));
  assert.deepEqual(
    wanGoals.map((goal) => [goal.description, goal.measured, goal.met]),
    [
      ['shared throughput vs nsq_to_http, WAN +10 ms each way', '2.0×', true],
      ['shared TCP connections (worst of 1 run), WAN +10 ms each way', '16', true],
    ],
  );
});
