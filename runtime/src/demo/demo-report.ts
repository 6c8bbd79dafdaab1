// Turns the demo's two forwarder runs (naive, then shared, same settings) into the terminal table,
// the SVG chart and the JSON file — one data shape, three renderings.
import type { ForwardRunResult } from '../bench/forward-run.js';
import { FORWARDER_COLOURS } from '../bench/forwarder-command.js';
import { formatBytes, formatCount, formatMs, formatRate, formatRatio } from '../report/format.js';
import { machineLine, type MachineInfo } from '../report/machine.js';
import { renderPanelChartSvg, type ChartPanel } from '../report/panel-chart-svg.js';
import type { Table } from '../report/text-table.js';

export interface DemoSettings {
  messages: number;
  maxInFlight: number;
  sinkLatencyMs: number;
  responseBytes: number;
}

export interface DemoComparison {
  /** shared msg/s ÷ naive msg/s */
  throughputRatio: number;
  /** naive connections ÷ shared connections */
  connectionRatio: number;
}

export interface DemoJson {
  kind: 'keepalive-demo';
  generatedAt: string;
  machine: MachineInfo;
  settings: DemoSettings;
  runs: ForwardRunResult[];
  comparison: DemoComparison;
}

export function compareRuns(naive: ForwardRunResult, shared: ForwardRunResult): DemoComparison {
  return {
    throughputRatio: shared.messagesPerSecond / naive.messagesPerSecond,
    connectionRatio: naive.connections / Math.max(1, shared.connections),
  };
}

export function demoTable(runs: readonly ForwardRunResult[]): Table {
  return {
    columns: [
      { header: 'forwarder' },
      { header: 'msg/s', align: 'right' },
      { header: 'TCP conns', align: 'right' },
      { header: 'TLS handshakes', align: 'right' },
      { header: 'open at end', align: 'right' },
      { header: 'p50 forward', align: 'right' },
      { header: 'p99 forward', align: 'right' },
      { header: 'nsqd timeouts', align: 'right' },
      { header: 'requeues', align: 'right' },
    ],
    rows: runs.map((run) => [
      run.kind,
      formatRate(run.messagesPerSecond),
      formatCount(run.connections),
      formatCount(run.tlsHandshakes),
      formatCount(run.openConnectionsAtEnd),
      formatMs(run.summary?.latencyP50Ms),
      formatMs(run.summary?.latencyP99Ms),
      formatCount(run.timeoutCount),
      formatCount(run.requeueCount),
    ]),
  };
}

/** The plain-language reading of the table, printed under it. */
export function demoVerdict(naive: ForwardRunResult, shared: ForwardRunResult, settings: DemoSettings): string[] {
  const comparison = compareRuns(naive, shared);
  const lines = [
    `shared forwarded ${formatRatio(comparison.throughputRatio)} as many messages per second as naive, ` +
      `over ${formatCount(shared.connections)} TCP connections instead of ${formatCount(naive.connections)} ` +
      `(max-in-flight ${settings.maxInFlight}).`,
  ];
  if (naive.openConnectionsAtEnd > settings.maxInFlight) {
    lines.push(
      `naive left ${formatCount(naive.openConnectionsAtEnd)} connections open at the end: responses of ` +
        `${formatBytes(settings.responseBytes)} that nobody read pin their sockets until the process exits.`,
    );
  }
  if (naive.timeoutCount > 0 || naive.requeueCount > 0) {
    lines.push(
      `nsqd timed out ${formatCount(naive.timeoutCount)} naive messages in flight (each one an E_FIN_FAILED when its FIN arrives late) ` +
        `and requeued ${formatCount(naive.requeueCount)}.`,
    );
  }
  return lines;
}

export function demoChartSvg(json: DemoJson): string {
  const bars = (pick: (run: ForwardRunResult) => number, label: (run: ForwardRunResult) => string) =>
    json.runs.map((run) => ({ series: run.kind, value: pick(run), valueLabel: label(run) }));
  const panels: ChartPanel[] = [
    {
      title: 'Messages per second',
      note: 'higher is better',
      bars: bars((run) => run.messagesPerSecond, (run) => formatRate(run.messagesPerSecond)),
    },
    {
      title: 'TCP connections accepted by the sink',
      note: `lower is better; max-in-flight is ${json.settings.maxInFlight}`,
      bars: bars((run) => run.connections, (run) => formatCount(run.connections)),
    },
    {
      title: 'TLS handshakes',
      note: 'lower is better',
      bars: bars((run) => run.tlsHandshakes, (run) => formatCount(run.tlsHandshakes)),
    },
  ];
  // Only a story when the broken run holds more sockets than a pool would: unread bodies pinning them.
  if (json.runs.some((run) => run.kind === 'naive' && run.openConnectionsAtEnd > json.settings.maxInFlight)) {
    panels.push({
      title: 'Connections still open at the end',
      note: 'unread bodies pin sockets',
      bars: bars((run) => run.openConnectionsAtEnd, (run) => formatCount(run.openConnectionsAtEnd)),
    });
  }
  if (json.runs.every((run) => run.summary?.latencyP99Ms !== undefined)) {
    panels.push({
      title: 'p99 forward latency',
      note: 'lower is better',
      bars: bars((run) => run.summary?.latencyP99Ms ?? 0, (run) => formatMs(run.summary?.latencyP99Ms)),
    });
  }
  const { settings } = json;
  return renderPanelChartSvg({
    title: 'keepalive demo: NSQ → HTTPS forwarder, broken (naive) vs corrected (shared)',
    subtitle:
      `${formatCount(settings.messages)} messages, max-in-flight ${settings.maxInFlight}, sink latency ${settings.sinkLatencyMs} ms, ` +
      `${formatBytes(settings.responseBytes)} responses — ${formatRatio(json.comparison.throughputRatio)} throughput`,
    panels,
    seriesColours: FORWARDER_COLOURS,
    footer: `${machineLine(json.machine)} · ${json.generatedAt} · npm run demo`,
  });
}
