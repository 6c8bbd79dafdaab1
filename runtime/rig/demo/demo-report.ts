// Turns the demo's two steady-rate runs (naive, then shared, same settings, through the same WAN
// latency) into the terminal table, the depth timeline, the verdict, the SVG chart and the JSON file.
import { FORWARDER_COLOURS } from '../bench/forwarder-command.js';
import { formatBytes, formatCount, formatRate } from '../report/format.js';
import { machineLine, type MachineInfo } from '../report/machine.js';
import { renderPanelChartSvg, type ChartPanel } from '../report/panel-chart-svg.js';
import type { Table } from '../report/text-table.js';
import type { ChannelSample, SteadyRunResult } from './steady-run.js';

export interface DemoSettings {
  publishRate: number;
  seconds: number;
  maxInFlight: number;
  handlers: number;
  wanLatencyMs: number;
  msgTimeoutMs: number;
  sinkLatencyMs: number;
  responseBytes: number;
}

export interface DemoJson {
  kind: 'keepalive-demo';
  generatedAt: string;
  machine: MachineInfo;
  settings: DemoSettings;
  runs: SteadyRunResult[];
}

export function demoTable(runs: readonly SteadyRunResult[]): Table {
  return {
    columns: [
      { header: 'forwarder' },
      { header: 'published', align: 'right' },
      { header: 'delivered', align: 'right' },
      { header: 'msg/s', align: 'right' },
      { header: 'depth at end', align: 'right' },
      { header: 'nsqd timeouts', align: 'right' },
      { header: 'E_FIN_FAILED', align: 'right' },
      { header: 'TCP conns', align: 'right' },
      { header: 'TLS handshakes', align: 'right' },
    ],
    rows: runs.map((run) => [
      run.kind,
      formatCount(run.published),
      formatCount(run.delivered),
      formatRate(run.messagesPerSecond),
      formatCount(run.finalDepth),
      formatCount(run.timeoutCount),
      formatCount(run.finFailedCount),
      formatCount(run.connections),
      formatCount(run.tlsHandshakes),
    ]),
  };
}

const TIMELINE_STEP_SECONDS = 5;

/** The samples at every 5th second, and the last one. */
function everyFiveSeconds(samples: readonly ChannelSample[]): ChannelSample[] {
  return samples.filter((sample, index) => sample.atSeconds % TIMELINE_STEP_SECONDS === 0 || index === samples.length - 1);
}

/** nsqd's channel depth every 5 seconds (and at the last sample), one row per forwarder. */
export function depthTimeline(runs: readonly SteadyRunResult[]): Table {
  const times = [...new Set(runs.flatMap((run) => everyFiveSeconds(run.samples).map((sample) => sample.atSeconds)))].sort((a, b) => a - b);
  return {
    columns: [{ header: 'depth after' }, ...times.map((at) => ({ header: `${at} s`, align: 'right' as const }))],
    rows: runs.map((run) => [
      run.kind,
      ...times.map((at) => {
        const sample = run.samples.find((entry) => entry.atSeconds === at);
        return sample === undefined ? '' : formatCount(sample.depth);
      }),
    ]),
  };
}

/** The plain-language reading of the table, printed under it. */
export function demoVerdict(naive: SteadyRunResult, shared: SteadyRunResult, settings: DemoSettings): string[] {
  const lines: string[] = [];
  const describe = (run: SteadyRunResult): string =>
    run.finalDepth > settings.maxInFlight || run.timeoutCount > 0
      ? `fell behind: nsqd's queue depth climbed to ${formatCount(run.finalDepth)}, nsqd timed out ${formatCount(run.timeoutCount)} ` +
        `messages in flight (no FIN within ${formatCount(settings.msgTimeoutMs)} ms) and refused ${formatCount(run.finFailedCount)} late FINs with E_FIN_FAILED`
      : `kept up: depth ${formatCount(run.finalDepth)} at the end (peak ${formatCount(run.peakDepth)}), ` +
        `${formatCount(run.timeoutCount)} nsqd timeouts, ${formatCount(run.finFailedCount)} E_FIN_FAILED`;
  lines.push(`naive ${describe(naive)}; it opened ${formatCount(naive.connections)} TCP connections, each paying the TLS handshake over the WAN.`);
  lines.push(
    `shared ${describe(shared)}, over ${formatCount(shared.connections)} TCP connection${shared.connections === 1 ? '' : 's'} ` +
      `(max-in-flight ${settings.maxInFlight}, ${settings.handlers} request${settings.handlers === 1 ? '' : 's'} at once).`,
  );
  return lines;
}

export function demoChartSvg(json: DemoJson): string {
  const bars = (pick: (run: SteadyRunResult) => number) =>
    json.runs.map((run) => ({ series: run.kind, value: pick(run), valueLabel: formatCount(pick(run)) }));
  const { settings } = json;
  const panels: ChartPanel[] = [
    {
      title: 'Delivered per second',
      note: `published ${formatCount(settings.publishRate)}/s`,
      bars: json.runs.map((run) => ({ series: run.kind, value: run.messagesPerSecond, valueLabel: formatRate(run.messagesPerSecond) })),
      reference: { value: settings.publishRate, label: `publish rate ${formatCount(settings.publishRate)}/s` },
    },
    { title: 'nsqd queue depth at the end', note: 'flat is keeping up', bars: bars((run) => run.finalDepth) },
    ...json.runs
      .filter((run) => run.peakDepth > settings.maxInFlight)
      .map((run) => ({
        title: `nsqd queue depth during the ${run.kind} run`,
        note: 'climbing: the forwarder falls further behind',
        bars: everyFiveSeconds(run.samples).map((sample) => ({
          series: run.kind,
          label: `after ${sample.atSeconds} s`,
          value: sample.depth,
          valueLabel: formatCount(sample.depth),
        })),
      })),
    { title: 'nsqd msg-timeouts', note: `msg-timeout ${formatCount(settings.msgTimeoutMs)} ms`, bars: bars((run) => run.timeoutCount) },
    { title: 'E_FIN_FAILED in nsqd’s log', note: 'late FINs refused', bars: bars((run) => run.finFailedCount) },
    { title: 'TCP connections accepted by the sink', note: `lower is better; max-in-flight ${settings.maxInFlight}`, bars: bars((run) => run.connections) },
  ];
  return renderPanelChartSvg({
    title: 'keepalive demo: the incident through WAN latency, naive vs shared',
    subtitle:
      `${formatCount(settings.publishRate)} msg/s for ${settings.seconds} s, max-in-flight ${settings.maxInFlight}, -n ${settings.handlers}, ` +
      `${settings.wanLatencyMs} ms each way (Toxiproxy), nsqd msg-timeout ${formatCount(settings.msgTimeoutMs)} ms, ${formatBytes(settings.responseBytes)} responses`,
    panels,
    seriesColours: FORWARDER_COLOURS,
    footer: `${machineLine(json.machine)} · ${json.generatedAt} · npm run demo`,
  });
}
