// Medians over repeated runs, and the goals the issue sets for the shared forwarder, checked
// against them: every claim is a ratio between runs measured side by side in one benchmark.
import { formatCount, formatPercent, formatRatio } from '../report/format.js';
import type { ForwardRunResult } from './forward-run.js';
import type { ForwarderKind } from './forwarder-command.js';
import { median } from './statistics.js';

export interface BenchRun extends ForwardRunResult {
  sinkLatencyMs: number;
  /** 1-based repetition number. */
  repetition: number;
}

export interface ForwarderMedian {
  sinkLatencyMs: number;
  kind: ForwarderKind;
  runs: number;
  messagesPerSecond: number;
  connections: number;
  /** Worst run: the connection goal must hold every time, not on the median. */
  maxConnections: number;
  tlsHandshakes: number;
  timeoutCount: number;
  requeueCount: number;
}

export interface Goal {
  description: string;
  target: string;
  measured: string;
  /** undefined when the runs needed were not part of this benchmark. */
  met: boolean | undefined;
}

export function summarizeRuns(runs: readonly BenchRun[]): ForwarderMedian[] {
  const groups = new Map<string, BenchRun[]>();
  for (const run of runs) {
    const key = `${run.sinkLatencyMs}\u0000${run.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    return {
      sinkLatencyMs: first.sinkLatencyMs,
      kind: first.kind,
      runs: group.length,
      messagesPerSecond: median(group.map((run) => run.messagesPerSecond)),
      connections: median(group.map((run) => run.connections)),
      maxConnections: Math.max(...group.map((run) => run.connections)),
      tlsHandshakes: median(group.map((run) => run.tlsHandshakes)),
      timeoutCount: median(group.map((run) => run.timeoutCount)),
      requeueCount: median(group.map((run) => run.requeueCount)),
    };
  });
}

export function findMedian(medians: readonly ForwarderMedian[], sinkLatencyMs: number, kind: ForwarderKind): ForwarderMedian | undefined {
  return medians.find((entry) => entry.sinkLatencyMs === sinkLatencyMs && entry.kind === kind);
}

/** Goals from the issue, per sink latency; "≥ 5× naive" is a claim about connection cost, so it is checked at 0 ms. */
export function evaluateGoals(medians: readonly ForwarderMedian[], maxInFlight: number): Goal[] {
  const goals: Goal[] = [];
  const latencies = [...new Set(medians.map((entry) => entry.sinkLatencyMs))].sort((a, b) => a - b);
  for (const latency of latencies) {
    const shared = findMedian(medians, latency, 'shared');
    const naive = findMedian(medians, latency, 'naive');
    const goForwarder = findMedian(medians, latency, 'nsq_to_http');
    const at = `sink ${latency} ms`;
    if (!shared) continue;

    const vsGo = goForwarder ? shared.messagesPerSecond / goForwarder.messagesPerSecond : undefined;
    goals.push({
      description: `shared throughput vs nsq_to_http, ${at}`,
      target: '≥ 1.0×',
      measured: formatRatio(vsGo),
      met: vsGo === undefined ? undefined : vsGo >= 1.0,
    });
    if (latency === 0) {
      const vsNaive = naive ? shared.messagesPerSecond / naive.messagesPerSecond : undefined;
      goals.push({
        description: `shared throughput vs naive (new TLS connection per message), ${at}`,
        target: '≥ 5×',
        measured: formatRatio(vsNaive),
        met: vsNaive === undefined ? undefined : vsNaive >= 5,
      });
    } else {
      const limit = maxInFlight / (latency / 1000);
      const fraction = shared.messagesPerSecond / limit;
      goals.push({
        description: `shared throughput vs max-in-flight ÷ sink latency (${formatCount(limit)} msg/s), ${at}`,
        target: '≥ 95 %',
        measured: formatPercent(fraction),
        met: fraction >= 0.95,
      });
    }
    goals.push({
      description: `shared TCP connections (worst of ${shared.runs} run${shared.runs === 1 ? '' : 's'}), ${at}`,
      target: `≤ ${maxInFlight} (max-in-flight)`,
      measured: formatCount(shared.maxConnections),
      met: shared.maxConnections <= maxInFlight,
    });
  }
  return goals;
}
