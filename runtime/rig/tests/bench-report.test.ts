import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBenchMarkdown, renderBenchSvg, type BenchJson } from '../bench/bench-report.js';
import { evaluateGoals, summarizeRuns, type BenchRun } from '../bench/bench-summary.js';
import type { ForwarderKind } from '../bench/forwarder-command.js';

function run(kind: ForwarderKind, sinkLatencyMs: number, messagesPerSecond: number, connections: number): BenchRun {
  return {
    runId: `r-${kind}-${sinkLatencyMs}`,
    kind,
    sinkLatencyMs,
    repetition: 1,
    messages: 3000,
    maxInFlight: 16,
    delivered: 3000,
    seconds: 3000 / messagesPerSecond,
    messagesPerSecond,
    requests: 3000,
    connections,
    tlsHandshakes: connections,
    openConnectionsAtEnd: 0,
    byStatus: { '200': 3000 },
    timeoutCount: 0,
    requeueCount: 0,
    command: kind,
    exitCode: 0,
  };
}

function benchJson(overrides: Partial<BenchJson> = {}): BenchJson {
  const runs = [run('shared', 0, 3000, 16), run('naive', 0, 400, 3000), run('nsq_to_http', 0, 2000, 3500), run('shared', 20, 780, 16)];
  const medians = summarizeRuns(runs);
  return {
    kind: 'keepalive-bench',
    generatedAt: '2026-11-27T17:00:00.000Z',
    machine: { cpuModel: 'AMD EPYC', cpuCount: 2, memoryGiB: 24, os: 'linux 6.1', node: 'v20.20.2', loadAverage: 0.5 },
    settings: { messages: 3000, maxInFlight: 16, runs: 1, sinkLatenciesMs: [0, 20], responseBytes: 128 },
    medians,
    goals: evaluateGoals(medians, 16),
    runs,
    lint: { status: 'not run', file: 'bench-results/lint.json', command: 'npm run bench:lint' },
    extension: {
      status: 'ok',
      file: 'bench-results/extension.json',
      data: { ratio: 2, lintMs: 860, parseMs: 430, cachedMs: 0.35, lines: 3004, machine: { cpus: 2 } },
    },
    ...overrides,
  };
}

test('the markdown report has the forwarder table, goals, lint and machine lines', () => {
  const markdown = renderBenchMarkdown(benchJson());
  assert.ok(markdown.includes('| latency | forwarder | msg/s (median) | vs nsq_to_http | TCP connections | TLS handshakes | nsqd timeouts | requeues |'));
  assert.ok(markdown.includes('| 0 ms | shared | 3,000 | 1.50× | 16 | 16 | 0 | 0 |'));
  assert.ok(markdown.includes('| 0 ms | naive | 400 | 0.20× | 3,000 | 3,000 | 0 | 0 |'));
  assert.ok(markdown.includes('| 20 ms | shared | 780 | n/a | 16 | 16 | 0 | 0 |'));
  assert.ok(markdown.includes('| shared throughput vs naive (new TLS connection per message), sink 0 ms | ≥ 5× | 7.5× | ✅ yes |'));
  assert.ok(markdown.includes('| shared throughput vs nsq_to_http, sink 20 ms | ≥ 1.0× | n/a | not measured |'));
  assert.ok(markdown.includes('- Lint (`bench-results/lint.json`): not run (`npm run bench:lint` writes bench-results/lint.json)'));
  assert.ok(markdown.includes('2.0×: lint 860 ms, parse 430 ms, cached 0.35 ms for a 3,004-line file (cpus: 2)'));
  assert.ok(markdown.includes('Machine: 2 × AMD EPYC, 24 GiB, linux 6.1, Node v20.20.2, load average 0.5.'));
  assert.ok(markdown.includes('Rerun: `npm run bench`'));
});

test('an unreadable side result is reported with its reason', () => {
  const markdown = renderBenchMarkdown(benchJson({ lint: { status: 'unreadable', file: 'x', reason: '"ratio" is null, expected a number' } }));
  assert.ok(markdown.includes('unreadable: "ratio" is null, expected a number'));
});

test('the SVG has a throughput and a connections panel per latency, in fixed forwarder colours', () => {
  const svg = renderBenchSvg(benchJson());
  for (const title of ['msg/s, sink latency 0 ms', 'TCP connections, sink latency 0 ms', 'msg/s, sink latency 20 ms', 'TCP connections, sink latency 20 ms']) {
    assert.ok(svg.includes(`>${title}</text>`), title);
  }
  assert.ok(svg.includes('limit 800 (max-in-flight ÷ latency)'));
  assert.equal((svg.match(/class="reference"/g) ?? []).length, 1, 'a limit line only where the sink has latency');
  assert.equal((svg.match(/fill="#2e7d32"/g) ?? []).length, 4, 'shared is green in all four panels');
  assert.equal((svg.match(/fill="#c62828"/g) ?? []).length, 2, 'naive ran only at 0 ms');
});

test('a busy machine (load above the core count) gets a warning under the table', () => {
  assert.ok(!renderBenchMarkdown(benchJson()).includes('The machine was busy'));
  const busy = benchJson({ machine: { cpuModel: 'AMD EPYC', cpuCount: 2, memoryGiB: 24, os: 'linux 6.1', node: 'v20.20.2', loadAverage: 13.6 } });
  assert.ok(renderBenchMarkdown(busy).includes('⚠ The machine was busy (load average 13.6 on 2 cores)'));
});

test('a WAN row (Toxiproxy) gets its own table rows, goals against nsq_to_http and panels, without a Little-law limit', () => {
  const wanRuns: BenchRun[] = [
    { ...run('shared', 0, 600, 16), wanLatencyMs: 10 },
    { ...run('nsq_to_http', 0, 300, 1500), wanLatencyMs: 10 },
  ];
  const base = benchJson();
  const runs = [...base.runs, ...wanRuns];
  const medians = summarizeRuns(runs);
  const json = benchJson({ runs, medians, goals: evaluateGoals(medians, 16), settings: { ...base.settings, wanLatenciesMs: [10] } });
  const markdown = renderBenchMarkdown(json);
  assert.ok(markdown.includes('| WAN +10 ms each way | shared | 600 | 2.0× | 16 | 16 | 0 | 0 |'), markdown);
  assert.ok(markdown.includes('| WAN +10 ms each way | nsq_to_http | 300 | 1.00× | 1,500 | 1,500 | 0 | 0 |'));
  assert.ok(markdown.includes('| shared throughput vs nsq_to_http, WAN +10 ms each way | ≥ 1.0× | 2.0× | ✅ yes |'));
  assert.ok(markdown.includes('| shared TCP connections (worst of 1 run), WAN +10 ms each way | ≤ 16 (max-in-flight) | 16 | ✅ yes |'));
  assert.ok(!markdown.includes('max-in-flight ÷ sink latency (800 msg/s), WAN'));
  assert.ok(markdown.includes('WAN rows go through Toxiproxy'));
  const svg = renderBenchSvg(json);
  assert.ok(svg.includes('>msg/s, WAN +10 ms each way</text>'));
  assert.ok(svg.includes('>TCP connections, WAN +10 ms each way</text>'));
  assert.equal((svg.match(/class="reference"/g) ?? []).length, 1, 'no limit line on the WAN panel');
});

test('the http_only reference gets a ceiling line per sink latency: its share of the limit and what shared keeps of it', () => {
  const base = benchJson();
  const runs = [...base.runs, run('http_only', 0, 3500, 16), run('http_only', 20, 720, 16)];
  const medians = summarizeRuns(runs);
  const markdown = renderBenchMarkdown(benchJson({ runs, medians, goals: evaluateGoals(medians, 16) }));
  assert.ok(markdown.includes('| 20 ms | http_only | 720 | n/a | 16 | 16 | 0 | 0 |'), markdown);
  assert.ok(markdown.includes('### The ceiling without NSQ'));
  assert.ok(
    markdown.includes('- Sink 20 ms: HTTP alone (`http_only`, 16 requests at once, no NSQ) reaches 720 msg/s, 90 % of the 800 msg/s limit; shared keeps 108 % of that ceiling.'),
    markdown,
  );
  // No ceiling line at 0 ms (no limit there), and none at all without the reference.
  assert.ok(!markdown.includes('- Sink 0 ms'));
  assert.ok(!renderBenchMarkdown(benchJson()).includes('The ceiling without NSQ'));
  assert.ok(renderBenchSvg(benchJson({ runs, medians })).includes('fill="#757575"'), 'http_only is grey');
});
