// Flags of `npm run demo`, validated up front so a typo fails in a second, not after a run.
import { FlagError, optional, parseByteSize, parseFlags, parseInteger } from '../bench/flag-values.js';

export interface DemoOptions {
  messages: number;
  maxInFlight: number;
  sinkLatencyMs: number;
  responseBytes: number;
  /** Directory for demo.json and demo.svg. */
  outputDir: string;
  lint: boolean;
  forward: boolean;
  /** undefined: decide by whether stderr is a terminal. */
  progress: boolean | undefined;
  help: boolean;
}

export const DEMO_DEFAULTS = {
  messages: 2000,
  maxInFlight: 16,
  sinkLatencyMs: 5,
  // ≥ 256 KiB: larger than the stream buffers, so an unread response pins its connection (eslint-plugin/docs/library-facts.md).
  responseBytes: 256 * 1024,
} as const;

export const DEMO_USAGE = `Usage: npm run demo -- [flags]

Lints runtime/examples/ with eslint-plugin-keepalive, shows the corrected code, then forwards the same
messages from a real nsqd to a local HTTPS sink with the broken (naive) and the corrected (shared)
forwarder and compares what each costs.

  --messages N          messages per forwarder run (default ${DEMO_DEFAULTS.messages}, 1–100000)
  --max-in-flight N     messages in flight per forwarder (default ${DEMO_DEFAULTS.maxInFlight}, 1–1000)
  --sink-latency-ms N   the sink's simulated processing time (default ${DEMO_DEFAULTS.sinkLatencyMs}, 0–5000)
  --response-bytes N    response body size, e.g. 262144, 256KiB, 1MiB (default 256KiB, 0–16MiB)
  --output-dir DIR      where demo.json and demo.svg go (default <repo>/demo-output)
  --skip-lint           only the forwarder comparison
  --skip-forward        only the lint and the corrected code
  --no-progress         plain progress lines even on a terminal
  -h, --help            this text
`;

export function parseDemoOptions(argv: readonly string[], defaultOutputDir: string): DemoOptions {
  const values = parseFlags(argv, {
    messages: { type: 'string' },
    'max-in-flight': { type: 'string' },
    'sink-latency-ms': { type: 'string' },
    'response-bytes': { type: 'string' },
    'output-dir': { type: 'string' },
    'skip-lint': { type: 'boolean' },
    'skip-forward': { type: 'boolean' },
    'no-progress': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const options: DemoOptions = {
    messages: optional(values.messages, DEMO_DEFAULTS.messages, (text) => parseInteger('messages', text, { min: 1, max: 100_000 })),
    maxInFlight: optional(values['max-in-flight'], DEMO_DEFAULTS.maxInFlight, (text) =>
      parseInteger('max-in-flight', text, { min: 1, max: 1000 }),
    ),
    sinkLatencyMs: optional(values['sink-latency-ms'], DEMO_DEFAULTS.sinkLatencyMs, (text) =>
      parseInteger('sink-latency-ms', text, { min: 0, max: 5000 }),
    ),
    responseBytes: optional(values['response-bytes'], DEMO_DEFAULTS.responseBytes, (text) =>
      parseByteSize('response-bytes', text, { min: 0, max: 16 * 1024 * 1024 }),
    ),
    outputDir: values['output-dir'] ?? defaultOutputDir,
    lint: !values['skip-lint'],
    forward: !values['skip-forward'],
    progress: values['no-progress'] ? false : undefined,
    help: values.help ?? false,
  };
  if (!options.lint && !options.forward) throw new FlagError('--skip-lint and --skip-forward together leave nothing to do');
  return options;
}
