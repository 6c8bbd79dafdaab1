// Renders one benchmark (forwarder medians, goals, lint and extension results) as markdown for
// the README, JSON for tools, and an SVG chart.
import { formatBytes, formatCount, formatMs, formatPercent, formatRate, formatRatio } from '../report/format.js';
import { machineLine, type MachineInfo } from '../report/machine.js';
import { renderPanelChartSvg, type ChartPanel } from '../report/panel-chart-svg.js';
import { renderMarkdownTable, type Table } from '../report/text-table.js';
import { FORWARDER_COLOURS } from './forwarder-command.js';
import { findMedian, latencyLabel, type BenchRun, type ForwarderMedian, type Goal } from './bench-summary.js';
import {
  describeForeignMachine,
  type ExtensionBenchmark,
  type LintBenchmark,
  type SideResult,
} from './side-benchmarks.js';

export interface BenchSettings {
  messages: number;
  maxInFlight: number;
  runs: number;
  sinkLatenciesMs: number[];
  /** Toxiproxy latencies each way (sink latency 0); absent in reports written before the WAN row. */
  wanLatenciesMs?: number[];
  responseBytes: number;
}

export interface BenchJson {
  kind: 'keepalive-bench';
  generatedAt: string;
  machine: MachineInfo;
  settings: BenchSettings;
  medians: ForwarderMedian[];
  goals: Goal[];
  runs: BenchRun[];
  lint: SideResult<LintBenchmark>;
  extension: SideResult<ExtensionBenchmark>;
}

export const BENCH_COMMAND = 'npm run bench';

export function forwarderTable(medians: readonly ForwarderMedian[]): Table {
  return {
    columns: [
      { header: 'latency' },
      { header: 'forwarder' },
      { header: 'msg/s (median)', align: 'right' },
      { header: 'vs nsq_to_http', align: 'right' },
      { header: 'TCP connections', align: 'right' },
      { header: 'TLS handshakes', align: 'right' },
      { header: 'nsqd timeouts', align: 'right' },
      { header: 'requeues', align: 'right' },
    ],
    rows: medians.map((entry) => {
      const reference = findMedian(medians, entry.sinkLatencyMs, 'nsq_to_http', entry.wanLatencyMs);
      return [
        latencyLabel(entry),
        entry.kind,
        formatRate(entry.messagesPerSecond),
        reference ? formatRatio(entry.messagesPerSecond / reference.messagesPerSecond) : 'n/a',
        formatCount(entry.connections),
        formatCount(entry.tlsHandshakes),
        formatCount(entry.timeoutCount),
        formatCount(entry.requeueCount),
      ];
    }),
  };
}

export function goalsTable(goals: readonly Goal[]): Table {
  return {
    columns: [{ header: 'goal' }, { header: 'target', align: 'right' }, { header: 'measured', align: 'right' }, { header: 'met' }],
    rows: goals.map((goal) => [
      goal.description,
      goal.target,
      goal.measured,
      goal.met === undefined ? 'not measured' : goal.met ? '✅ yes' : '❌ no',
    ]),
  };
}

/**
 * Per sink latency, how close the HTTP leg alone (`http_only`: undici, no NSQ) comes to Little's
 * limit, and how much of that ceiling the shared forwarder keeps: what NSQ costs versus what the
 * sink and the machine cost.
 */
export function ceilingLines(medians: readonly ForwarderMedian[], maxInFlight: number): string[] {
  const lines: string[] = [];
  for (const reference of medians) {
    if (reference.kind !== 'http_only' || reference.wanLatencyMs !== 0 || reference.sinkLatencyMs === 0) continue;
    const limit = maxInFlight / (reference.sinkLatencyMs / 1000);
    const shared = findMedian(medians, reference.sinkLatencyMs, 'shared');
    lines.push(
      `- Sink ${reference.sinkLatencyMs} ms: HTTP alone (\`http_only\`, ${maxInFlight} requests at once, no NSQ) reaches ` +
        `${formatRate(reference.messagesPerSecond)} msg/s, ${formatPercent(reference.messagesPerSecond / limit)} of the ` +
        `${formatCount(limit)} msg/s limit` +
        (shared ? `; shared keeps ${formatPercent(shared.messagesPerSecond / reference.messagesPerSecond)} of that ceiling.` : '.'),
    );
  }
  return lines;
}

function lintLine(result: SideResult<LintBenchmark>): string {
  if (result.status === 'not run') return `not run (\`${result.command}\` writes ${result.file})`;
  if (result.status === 'unreadable') return `unreadable: ${result.reason}`;
  const data = result.data;
  return (
    `rules' overhead ${formatRatio(data.ratio)}: ${formatMs(data.withRulesMs)} with the keepalive rules vs ` +
    `${formatMs(data.baselineMs)} without, ${formatCount(data.files)} files, ${formatCount(data.runs)} runs ` +
    `(${describeForeignMachine(data.machine)})`
  );
}

function extensionLine(result: SideResult<ExtensionBenchmark>): string {
  if (result.status === 'not run') return `not run (\`${result.command}\` writes ${result.file})`;
  if (result.status === 'unreadable') return `unreadable: ${result.reason}`;
  const data = result.data;
  return (
    `${formatRatio(data.ratio)}: lint ${formatMs(data.lintMs)}, parse ${formatMs(data.parseMs)}, cached ` +
    `${formatMs(data.cachedMs)} for a ${formatCount(data.lines)}-line file (${describeForeignMachine(data.machine)})`
  );
}

/** More runnable work than cores: every forwarder was starved of CPU, some more than others. */
function busyMachine(machine: MachineInfo): boolean {
  return machine.loadAverage > machine.cpuCount;
}

function busyMachineNote(machine: MachineInfo): string {
  return (
    `⚠ The machine was busy (load average ${machine.loadAverage.toFixed(1)} on ${machine.cpuCount} cores): absolute ` +
    'numbers are low and noisy. Runs were interleaved so each forwarder met the same load, but rerun on an idle machine for numbers to quote.'
  );
}

/** `lines` under `heading`, followed by a blank line; nothing when there are no lines. */
function withHeading(heading: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [heading, '', ...lines, ''];
}

export function renderBenchMarkdown(json: BenchJson): string {
  const { settings } = json;
  return [
    '## Benchmarks',
    '',
    `Forwarding ${formatCount(settings.messages)} messages from one nsqd to one local HTTPS sink (a Go process whose latency holds to ~0.2 ms; CA made per run, ` +
      `${formatBytes(settings.responseBytes)} responses), max-in-flight ${settings.maxInFlight} for every forwarder, ` +
      `median of ${settings.runs} run${settings.runs === 1 ? '' : 's'} each. Connections and handshakes are counted by the sink ` +
      `(every accepted TCP connection, including dials abandoned mid-handshake).` +
      ((settings.wanLatenciesMs ?? []).length > 0
        ? ' WAN rows go through Toxiproxy, which adds the latency to each direction, so a new connection pays its TLS handshake in round trips.'
        : ''),
    '',
    renderMarkdownTable(forwarderTable(json.medians)),
    '',
    '### Goals',
    '',
    renderMarkdownTable(goalsTable(json.goals)),
    '',
    ...withHeading('### The ceiling without NSQ', ceilingLines(json.medians, settings.maxInFlight)),
    '### Lint and editor',
    '',
    `- Lint (\`bench-results/lint.json\`): ${lintLine(json.lint)}`,
    `- Extension per-file latency (\`bench-results/extension.json\`): ${extensionLine(json.extension)}`,
    '',
    `Machine: ${machineLine(json.machine)}. Generated ${json.generatedAt}. Rerun: \`${BENCH_COMMAND}\` ` +
      `(flags: \`${BENCH_COMMAND} -- --help\`).`,
    ...(busyMachine(json.machine) ? ['', busyMachineNote(json.machine)] : []),
    '',
  ].join('\n');
}

export function renderBenchSvg(json: BenchJson): string {
  const panels: ChartPanel[] = [];
  const conditions = [
    ...json.settings.sinkLatenciesMs.map((sinkLatencyMs) => ({ sinkLatencyMs, wanLatencyMs: 0 })),
    ...(json.settings.wanLatenciesMs ?? []).map((wanLatencyMs) => ({ sinkLatencyMs: 0, wanLatencyMs })),
  ];
  for (const condition of conditions) {
    const atLatency = json.medians.filter(
      (entry) => entry.sinkLatencyMs === condition.sinkLatencyMs && (entry.wanLatencyMs ?? 0) === condition.wanLatencyMs,
    );
    if (atLatency.length === 0) continue;
    const latency = condition.sinkLatencyMs;
    const limit = condition.wanLatencyMs === 0 && latency > 0 ? json.settings.maxInFlight / (latency / 1000) : undefined;
    const label = condition.wanLatencyMs === 0 ? `sink latency ${latency} ms` : latencyLabel(condition);
    panels.push({
      title: `msg/s, ${label}`,
      note: 'higher is better',
      bars: atLatency.map((entry) => ({ series: entry.kind, value: entry.messagesPerSecond, valueLabel: formatRate(entry.messagesPerSecond) })),
      ...(limit === undefined ? {} : { reference: { value: limit, label: `limit ${formatCount(limit)} (max-in-flight ÷ latency)` } }),
    });
    panels.push({
      title: `TCP connections, ${label}`,
      note: `lower is better; max-in-flight ${json.settings.maxInFlight}`,
      bars: atLatency.map((entry) => ({ series: entry.kind, value: entry.connections, valueLabel: formatCount(entry.connections) })),
    });
  }
  return renderPanelChartSvg({
    title: 'keepalive-nsq (shared, naive) vs nsq_to_http, and HTTP alone (http_only)',
    subtitle:
      `${formatCount(json.settings.messages)} messages, max-in-flight ${json.settings.maxInFlight}, ` +
      `median of ${json.settings.runs} runs, HTTPS on loopback${(json.settings.wanLatenciesMs ?? []).length > 0 ? ' (WAN rows through Toxiproxy)' : ''}`,
    panels,
    seriesColours: FORWARDER_COLOURS,
    footer: `${machineLine(json.machine)} · ${json.generatedAt} · ${BENCH_COMMAND}`,
  });
}
