// Flags of `npm run demo`, validated up front so a typo fails in a second, not after a run.
import { FlagError, optional, parseByteSize, parseFlags, parseInteger } from '../bench/flag-values.js';

export interface DemoOptions {
  /** Messages published per second while each forwarder runs. */
  publishRate: number;
  /** Publishing time per forwarder. */
  seconds: number;
  maxInFlight: number;
  /** Requests at once (`-n`): the seed's consumer had one handler for all its messages in flight. */
  handlers: number;
  /** Latency Toxiproxy adds to each direction between forwarder and sink (a round trip costs twice this). */
  wanLatencyMs: number;
  /** nsqd's --msg-timeout. */
  msgTimeoutMs: number;
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
  publishRate: 12,
  seconds: 20,
  maxInFlight: 16,
  // go-nsq's default (one handler), as in the seed's consumer: messages in flight wait for it.
  handlers: 1,
  // 50 ms round trips: a sink in another region.
  wanLatencyMs: 25,
  // nsqd's default is 60 s; 1 s lets the incident show within a 20-second run.
  msgTimeoutMs: 1000,
  sinkLatencyMs: 5,
  // ≥ 256 KiB: larger than the stream buffers, so an unread response pins its connection (eslint-plugin/docs/library-facts.md).
  responseBytes: 256 * 1024,
} as const;

export const DEMO_USAGE = `Usage: npm run demo -- [flags]

Lints runtime/examples/ with eslint-plugin-keepalive, shows the corrected code, then reproduces the
incident: messages are published to a real nsqd at a steady rate while the broken (naive) and then
the corrected (shared) forwarder POST them to a local HTTPS sink through Toxiproxy, which adds WAN
latency each way, so every new connection pays its TLS handshake in round trips. nsqd's queue depth,
msg-timeouts and its own E_FIN_FAILED log lines show which forwarder keeps up.

  --rate N              messages published per second (default ${DEMO_DEFAULTS.publishRate}, 1–10000)
  --seconds N           publishing time per forwarder (default ${DEMO_DEFAULTS.seconds}, 1–600)
  --max-in-flight N     messages in flight per forwarder (default ${DEMO_DEFAULTS.maxInFlight}, 1–1000)
  -n, --handlers N      requests at once, the forwarder's -n (default ${DEMO_DEFAULTS.handlers}, as go-nsq's one handler; 1–1000)
  --wan-latency-ms N    latency added each way between forwarder and sink (default ${DEMO_DEFAULTS.wanLatencyMs}, 0–5000)
  --msg-timeout-ms N    nsqd's --msg-timeout (default ${DEMO_DEFAULTS.msgTimeoutMs}, 100–600000)
  --sink-latency-ms N   the sink's own processing time (default ${DEMO_DEFAULTS.sinkLatencyMs}, 0–5000)
  --response-bytes N    response body size, e.g. 262144, 256KiB, 1MiB (default 256KiB, 0–16MiB)
  --output-dir DIR      where demo.json and demo.svg go (default <repo>/demo-output)
  --skip-lint           only the forwarder comparison
  --skip-forward        only the lint and the corrected code
  --no-progress         plain progress lines even on a terminal
  -h, --help            this text
`;

export function parseDemoOptions(argv: readonly string[], defaultOutputDir: string): DemoOptions {
  const values = parseFlags(argv, {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    'max-in-flight': { type: 'string' },
    handlers: { type: 'string', short: 'n' },
    'wan-latency-ms': { type: 'string' },
    'msg-timeout-ms': { type: 'string' },
    'sink-latency-ms': { type: 'string' },
    'response-bytes': { type: 'string' },
    'output-dir': { type: 'string' },
    'skip-lint': { type: 'boolean' },
    'skip-forward': { type: 'boolean' },
    'no-progress': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const integer = (flag: keyof typeof values, fallback: number, min: number, max: number): number =>
    optional(values[flag] as string | undefined, fallback, (text) => parseInteger(flag, text, { min, max }));
  const options: DemoOptions = {
    publishRate: integer('rate', DEMO_DEFAULTS.publishRate, 1, 10_000),
    seconds: integer('seconds', DEMO_DEFAULTS.seconds, 1, 600),
    maxInFlight: integer('max-in-flight', DEMO_DEFAULTS.maxInFlight, 1, 1000),
    handlers: integer('handlers', DEMO_DEFAULTS.handlers, 1, 1000),
    wanLatencyMs: integer('wan-latency-ms', DEMO_DEFAULTS.wanLatencyMs, 0, 5000),
    msgTimeoutMs: integer('msg-timeout-ms', DEMO_DEFAULTS.msgTimeoutMs, 100, 600_000),
    sinkLatencyMs: integer('sink-latency-ms', DEMO_DEFAULTS.sinkLatencyMs, 0, 5000),
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
  if (options.handlers > options.maxInFlight) {
    throw new FlagError(`--handlers (${options.handlers}) must not exceed --max-in-flight (${options.maxInFlight})`);
  }
  return options;
}
