// Flags of `npm run bench`, validated up front with messages that name the flag.
import { optional, parseByteSize, parseChoiceList, parseFlags, parseInteger, parseIntegerList } from './flag-values.js';
import { FORWARDER_KINDS, type ForwarderKind } from './forwarder-command.js';

export interface BenchOptions {
  messages: number;
  maxInFlight: number;
  runs: number;
  sinkLatenciesMs: number[];
  /** Latencies Toxiproxy adds each way between forwarder and sink, one row each (sink latency 0). */
  wanLatenciesMs: number[];
  responseBytes: number;
  forwarders: ForwarderKind[];
  outputDir: string;
  progress: boolean | undefined;
  help: boolean;
}

export const BENCH_DEFAULTS = {
  messages: 3000,
  maxInFlight: 16,
  runs: 3,
  sinkLatenciesMs: [0, 20],
  wanLatenciesMs: [10],
  responseBytes: 128,
  forwarders: [...FORWARDER_KINDS],
} as const;

export const BENCH_USAGE = `Usage: npm run bench -- [flags]

Forwards the same messages from one real nsqd to one local HTTPS sink (Go, rig/sink/bench-sink) with
keepalive-nsq (shared), keepalive-nsq --mode naive and nsq's own nsq_to_http, same max-in-flight,
several runs each; reports medians, ratios and goals as markdown, JSON and SVG. Also includes
bench-results/lint.json (npm run bench:lint) and bench-results/extension.json
(npm run bench:extension) when they exist.

  --messages N          messages per run (default ${BENCH_DEFAULTS.messages}, 1–100000)
  --max-in-flight N     for every forwarder (default ${BENCH_DEFAULTS.maxInFlight}, 1–1000)
  --runs N              runs per forwarder and latency; medians are reported (default ${BENCH_DEFAULTS.runs}, 1–15)
  --sink-latency-ms L   comma-separated sink latencies (default ${BENCH_DEFAULTS.sinkLatenciesMs.join(',')}, each 0–5000)
  --wan-latency-ms L    comma-separated latencies Toxiproxy adds each way between forwarder and sink, one
                        row each (default ${BENCH_DEFAULTS.wanLatenciesMs.join(',')}, each 1–5000; "none" for no WAN row)
  --response-bytes N    response body size, e.g. 128, 2KiB (default ${BENCH_DEFAULTS.responseBytes}, 0–16MiB)
  --forwarders LIST     subset of ${FORWARDER_KINDS.join(',')} (default all)
  --output-dir DIR      where bench.md, bench.json and bench.svg go (default <repo>/bench-results)
  --no-progress         plain progress lines even on a terminal
  -h, --help            this text
`;

export function parseBenchOptions(argv: readonly string[], defaultOutputDir: string): BenchOptions {
  const values = parseFlags(argv, {
    messages: { type: 'string' },
    'max-in-flight': { type: 'string' },
    runs: { type: 'string' },
    'sink-latency-ms': { type: 'string' },
    'wan-latency-ms': { type: 'string' },
    'response-bytes': { type: 'string' },
    forwarders: { type: 'string' },
    'output-dir': { type: 'string' },
    'no-progress': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  return {
    messages: optional(values.messages, BENCH_DEFAULTS.messages, (text) => parseInteger('messages', text, { min: 1, max: 100_000 })),
    maxInFlight: optional(values['max-in-flight'], BENCH_DEFAULTS.maxInFlight, (text) =>
      parseInteger('max-in-flight', text, { min: 1, max: 1000 }),
    ),
    runs: optional(values.runs, BENCH_DEFAULTS.runs, (text) => parseInteger('runs', text, { min: 1, max: 15 })),
    sinkLatenciesMs: optional(values['sink-latency-ms'], [...BENCH_DEFAULTS.sinkLatenciesMs], (text) =>
      parseIntegerList('sink-latency-ms', text, { min: 0, max: 5000 }),
    ),
    wanLatenciesMs: optional(values['wan-latency-ms'], [...BENCH_DEFAULTS.wanLatenciesMs], (text) =>
      text.trim() === 'none' ? [] : parseIntegerList('wan-latency-ms', text, { min: 1, max: 5000 }),
    ),
    responseBytes: optional(values['response-bytes'], BENCH_DEFAULTS.responseBytes, (text) =>
      parseByteSize('response-bytes', text, { min: 0, max: 16 * 1024 * 1024 }),
    ),
    forwarders: optional(values.forwarders, [...BENCH_DEFAULTS.forwarders], (text) =>
      parseChoiceList('forwarders', text, FORWARDER_KINDS),
    ),
    outputDir: values['output-dir'] ?? defaultOutputDir,
    progress: values['no-progress'] ? false : undefined,
    help: values.help ?? false,
  };
}
