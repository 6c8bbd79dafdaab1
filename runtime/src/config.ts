// Command-line flags (modelled on nsq_to_http), their environment-variable equivalents, defaults,
// validation and --help. Every problem is reported as a ConfigError naming the flag.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatDurationMs, parseDurationMs } from './duration.js';

export type ForwarderMode = 'shared' | 'naive';

export interface ForwarderConfig {
  topic: string;
  channel: string;
  nsqdTcpAddresses: string[];
  lookupdHttpAddresses: string[];
  /** nsqd HTTP addresses used to publish dead letters (otherwise learnt from nsqlookupd). */
  nsqdHttpAddresses: string[];
  /** Destination URLs, used round-robin. */
  post: string[];
  contentType: string;
  /** Extra request headers, in order. */
  headers: [string, string][];
  maxInFlight: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
  /** PEM text of extra trusted CA certificates (from --ca-file), added to Node's bundled roots. */
  caPem?: string;
  caFile?: string;
  deadLetterTopic: string;
  /** host:port for the Prometheus endpoint, or undefined for none. */
  metricsAddress?: string;
  mode: ForwarderMode;
  maxDrainBytes: number;
  requeueDelayMs: number;
  maxRequeueDelayMs: number;
  maxBackoffMs: number;
  shutdownTimeoutMs: number;
  lookupdPollIntervalMs: number;
  summaryJsonFile?: string;
  quiet: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type FlagKind = 'string' | 'strings' | 'integer' | 'duration' | 'bytes' | 'boolean';

interface FlagSpec {
  name: string;
  kind: FlagKind;
  help: string;
  /** Shown in --help; also the value used when the flag is absent. */
  defaultValue?: string;
}

/** The one table of flags: --help, env vars and parsing all come from it. */
export const FLAGS: readonly FlagSpec[] = [
  { name: 'topic', kind: 'string', help: 'NSQ topic to consume (required)' },
  { name: 'channel', kind: 'string', help: 'NSQ channel', defaultValue: 'nsq_to_http' },
  { name: 'nsqd-tcp-address', kind: 'strings', help: 'nsqd TCP address host:port (repeatable)' },
  { name: 'lookupd-http-address', kind: 'strings', help: 'nsqlookupd HTTP address host:port (repeatable)' },
  { name: 'nsqd-http-address', kind: 'strings', help: 'nsqd HTTP address for publishing dead letters (repeatable; learnt from nsqlookupd when omitted)' },
  { name: 'post', kind: 'strings', help: 'https:// (or http://) URL to POST each message to (repeatable, round-robin; required)' },
  { name: 'content-type', kind: 'string', help: 'Content-Type of the POSTs', defaultValue: 'application/octet-stream' },
  { name: 'header', kind: 'strings', help: "extra request header 'Name: value' (repeatable)" },
  { name: 'max-in-flight', kind: 'integer', help: 'messages in flight (and HTTP connections per destination)', defaultValue: '200' },
  { name: 'http-client-connect-timeout', kind: 'duration', help: 'timeout for TCP connect + TLS handshake', defaultValue: '2s' },
  { name: 'http-client-request-timeout', kind: 'duration', help: 'timeout for one POST (headers and body); TOUCH keeps the message while it runs', defaultValue: '20s' },
  { name: 'max-attempts', kind: 'integer', help: 'deliveries before a retryable failure is dead-lettered', defaultValue: '5' },
  { name: 'ca-file', kind: 'string', help: 'PEM file of extra CA certificates to trust (TLS verification is always on)' },
  { name: 'dead-letter-topic', kind: 'string', help: 'topic for messages that cannot be delivered', defaultValue: '<topic>_dead_letter' },
  { name: 'metrics-address', kind: 'string', help: 'host:port to serve Prometheus metrics on at /metrics (port 0: any free port, logged)' },
  { name: 'mode', kind: 'string', help: 'shared: one keep-alive client (correct); naive: new client per message, response unread (the incident, for demos)', defaultValue: 'shared' },
  { name: 'max-drain-bytes', kind: 'bytes', help: 'response bytes read to keep a connection reusable; larger bodies close the connection', defaultValue: '1MiB' },
  { name: 'requeue-delay', kind: 'duration', help: 'first REQ delay after a retryable failure, doubled per attempt (Retry-After wins)', defaultValue: '1s' },
  { name: 'max-requeue-delay', kind: 'duration', help: 'cap on the per-message REQ delay', defaultValue: '1m' },
  { name: 'max-backoff-duration', kind: 'duration', help: 'cap on the consumer-wide pause while most requests fail', defaultValue: '1m' },
  { name: 'shutdown-timeout', kind: 'duration', help: 'on SIGTERM/SIGINT, how long in-flight messages may take before they are requeued', defaultValue: '30s' },
  { name: 'lookupd-poll-interval', kind: 'duration', help: 'how often nsqlookupd is asked for producers', defaultValue: '15s' },
  { name: 'summary-json', kind: 'string', help: 'also write the exit summary as JSON to this file' },
  { name: 'quiet', kind: 'boolean', help: 'log only warnings and errors' },
  { name: 'help', kind: 'boolean', help: 'show this help' },
];

export const ENV_PREFIX = 'KEEPALIVE_NSQ_';

/** `--max-in-flight` ↔ `KEEPALIVE_NSQ_MAX_IN_FLIGHT`. */
export function envName(flag: string): string {
  return ENV_PREFIX + flag.toUpperCase().replace(/-/g, '_');
}

export function helpText(): string {
  const lines = [
    'Usage: keepalive-nsq --topic T --nsqd-tcp-address H:P|--lookupd-http-address H:P --post URL [flags]',
    '',
    'Consumes an NSQ topic and POSTs every message over HTTPS, reusing connections.',
    '',
    'Flags (each also settable as an environment variable; repeatable flags take a comma-separated',
    'list there, --header a newline-separated one):',
  ];
  for (const flag of FLAGS) {
    const value = flag.kind === 'boolean' ? '' : ` <${flag.kind === 'strings' ? 'string' : flag.kind}>`;
    const fallback = flag.defaultValue ? ` (default ${flag.defaultValue})` : '';
    lines.push(`  --${flag.name}${value}`);
    lines.push(`      ${flag.help}${fallback}  [${envName(flag.name)}]`);
  }
  lines.push(
    '',
    'On exit it prints a one-line summary to stderr, then the same summary as a single JSON line',
    '({"event":"summary",...}) as the last line of stderr; --summary-json also writes it to a file.',
    'Exit codes: 0 after a clean shutdown, 1 on a runtime failure, 2 on bad flags.',
  );
  return lines.join('\n');
}

const NSQ_NAME = /^[.a-zA-Z0-9_-]+(#ephemeral)?$/;

function checkNsqName(flag: string, value: string): string {
  if (!NSQ_NAME.test(value) || value.length > 64) {
    throw new ConfigError(`--${flag}: "${value}" is not a valid NSQ name (1-64 characters of [.a-zA-Z0-9_-], optional #ephemeral)`);
  }
  return value;
}

function checkHostPort(flag: string, value: string, allowPortZero = false): string {
  const match = /^(\[[0-9a-fA-F:]+\]|[^\s:/]+):(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < (allowPortZero ? 0 : 1) || port > 65535) {
    throw new ConfigError(`--${flag}: "${value}" is not a host:port address`);
  }
  return value;
}

function parseBytes(flag: string, text: string): number {
  const match = /^(\d+)\s*(B|KiB|MiB|GiB|KB|MB|GB|k|K|M|G)?$/.exec(text.trim());
  if (!match) throw new ConfigError(`--${flag}: "${text}" is not a byte size (e.g. 1048576, 512KiB, 1MiB)`);
  const factor: Record<string, number> = { B: 1, KiB: 1024, k: 1024, K: 1024, KB: 1000, MiB: 1 << 20, M: 1 << 20, MB: 1e6, GiB: 1 << 30, G: 1 << 30, GB: 1e9 };
  return Number(match[1]) * (factor[match[2] ?? 'B'] ?? 1);
}

function parseInteger(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new ConfigError(`--${flag}: "${text}" is not a whole number`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(`--${flag}: ${value} is outside ${min}..${max}`);
  return value;
}

function parseDuration(flag: string, text: string, minMs: number): number {
  const ms = parseDurationMs(text);
  if (ms === undefined) throw new ConfigError(`--${flag}: "${text}" is not a duration (e.g. 500ms, 2s, 1m)`);
  if (ms < minMs) throw new ConfigError(`--${flag}: ${text} is shorter than the minimum ${formatDurationMs(minMs)}`);
  return ms;
}

function parseUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`--${flag}: "${text}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`--${flag}: "${text}" must be an https:// or http:// URL`);
  }
  if (url.username || url.password) throw new ConfigError(`--${flag}: "${text}" must not carry credentials; use --header`);
  return url.toString();
}

function parseHeader(text: string): [string, string] {
  const index = text.indexOf(':');
  const name = index > 0 ? text.slice(0, index).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new ConfigError(`--header: "${text}" is not a 'Name: value' header`);
  }
  const value = text.slice(index + 1).trim();
  if (/[\r\n]/.test(value)) throw new ConfigError(`--header: the value of "${name}" contains a line break`);
  const lower = name.toLowerCase();
  if (lower === 'content-length' || lower === 'host' || lower === 'connection' || lower === 'transfer-encoding') {
    throw new ConfigError(`--header: ${name} is set by the HTTP client and cannot be overridden`);
  }
  return [name, value];
}

/** Raw flag values as strings (repeatable flags as arrays), from argv first, then the environment. */
type RawValues = Record<string, string | string[] | boolean | undefined>;

function readRaw(argv: readonly string[], env: NodeJS.ProcessEnv): RawValues {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const flag of FLAGS) {
    options[flag.name] = flag.kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: flag.kind === 'strings' };
  }
  let values: RawValues;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as RawValues;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new ConfigError(`unknown flag ${unknown[1]} (see --help)`);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new ConfigError(`unexpected argument "${positional[1]}" (flags start with --; see --help)`);
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing) throw new ConfigError(`${missing[1]}: a value is required`);
    throw new ConfigError(message.split('\n')[0] ?? message);
  }
  for (const flag of FLAGS) {
    if (values[flag.name] !== undefined) continue;
    const fromEnv = env[envName(flag.name)];
    if (fromEnv === undefined || fromEnv === '') continue;
    if (flag.kind === 'boolean') values[flag.name] = /^(1|true|yes)$/i.test(fromEnv);
    else if (flag.kind === 'strings') {
      values[flag.name] = fromEnv.split(flag.name === 'header' ? '\n' : ',').map((part) => part.trim()).filter(Boolean);
    } else values[flag.name] = fromEnv;
  }
  return values;
}

export type ParsedCommandLine = { help: true } | { help: false; config: ForwarderConfig };

/** Parses and validates flags; throws ConfigError naming the offending flag. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const raw = readRaw(argv, env);
  if (raw.help === true) return { help: true };
  const text = (name: string): string | undefined => {
    const value = raw[name];
    if (typeof value === 'string') return value;
    return FLAGS.find((flag) => flag.name === name)?.defaultValue;
  };
  const list = (name: string): string[] => {
    const value = raw[name];
    return Array.isArray(value) ? value : [];
  };

  const topicText = raw.topic;
  if (typeof topicText !== 'string' || topicText === '') throw new ConfigError('--topic is required');
  const topic = checkNsqName('topic', topicText);
  const channel = checkNsqName('channel', text('channel')!);

  const nsqdTcpAddresses = list('nsqd-tcp-address').map((value) => checkHostPort('nsqd-tcp-address', value));
  const lookupdHttpAddresses = list('lookupd-http-address').map((value) => checkHostPort('lookupd-http-address', value));
  if (nsqdTcpAddresses.length === 0 && lookupdHttpAddresses.length === 0) {
    throw new ConfigError('--nsqd-tcp-address or --lookupd-http-address is required');
  }
  if (nsqdTcpAddresses.length > 0 && lookupdHttpAddresses.length > 0) {
    throw new ConfigError('use --nsqd-tcp-address or --lookupd-http-address, not both');
  }
  const nsqdHttpAddresses = list('nsqd-http-address').map((value) => checkHostPort('nsqd-http-address', value));

  const post = list('post').map((value) => parseUrl('post', value));
  if (post.length === 0) throw new ConfigError('--post is required (the URL to POST messages to)');

  const contentType = text('content-type')!;
  if (!/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/.test(contentType)) {
    throw new ConfigError(`--content-type: "${contentType}" is not a media type`);
  }
  const headers = list('header').map(parseHeader);

  const modeText = text('mode')!;
  if (modeText !== 'shared' && modeText !== 'naive') {
    throw new ConfigError(`--mode: "${modeText}" is not one of shared, naive`);
  }

  const caFile = typeof raw['ca-file'] === 'string' ? raw['ca-file'] : undefined;
  let caPem: string | undefined;
  if (caFile !== undefined) {
    try {
      caPem = readFileSync(caFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(`--ca-file: cannot read ${caFile} (${code})`);
    }
    if (!caPem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError(`--ca-file: ${caFile} holds no PEM certificate`);
    }
  }

  const deadLetterText = typeof raw['dead-letter-topic'] === 'string' ? raw['dead-letter-topic'] : `${topic.replace(/#ephemeral$/, '')}_dead_letter`;
  const deadLetterTopic = checkNsqName('dead-letter-topic', deadLetterText);
  if (deadLetterTopic === topic) throw new ConfigError('--dead-letter-topic must differ from --topic');

  const metricsAddress = typeof raw['metrics-address'] === 'string' ? checkHostPort('metrics-address', raw['metrics-address'], true) : undefined;

  const connectTimeoutMs = parseDuration('http-client-connect-timeout', text('http-client-connect-timeout')!, 1);
  const requestTimeoutMs = parseDuration('http-client-request-timeout', text('http-client-request-timeout')!, 1);
  const requeueDelayMs = parseDuration('requeue-delay', text('requeue-delay')!, 0);
  const maxRequeueDelayMs = parseDuration('max-requeue-delay', text('max-requeue-delay')!, 0);
  if (maxRequeueDelayMs < requeueDelayMs) throw new ConfigError('--max-requeue-delay must be at least --requeue-delay');
  if (maxRequeueDelayMs > 3_600_000) throw new ConfigError('--max-requeue-delay: nsqd caps REQ delays at 1h (--max-req-timeout)');

  return {
    help: false,
    config: {
      topic,
      channel,
      nsqdTcpAddresses,
      lookupdHttpAddresses,
      nsqdHttpAddresses,
      post,
      contentType,
      headers,
      maxInFlight: parseInteger('max-in-flight', text('max-in-flight')!, 1, 2500),
      connectTimeoutMs,
      requestTimeoutMs,
      maxAttempts: parseInteger('max-attempts', text('max-attempts')!, 1, 65535),
      caPem,
      caFile,
      deadLetterTopic,
      metricsAddress,
      mode: modeText,
      maxDrainBytes: parseBytes('max-drain-bytes', text('max-drain-bytes')!),
      requeueDelayMs,
      maxRequeueDelayMs,
      maxBackoffMs: parseDuration('max-backoff-duration', text('max-backoff-duration')!, 0),
      shutdownTimeoutMs: parseDuration('shutdown-timeout', text('shutdown-timeout')!, 0),
      lookupdPollIntervalMs: parseDuration('lookupd-poll-interval', text('lookupd-poll-interval')!, 100),
      summaryJsonFile: typeof raw['summary-json'] === 'string' ? raw['summary-json'] : undefined,
      quiet: raw.quiet === true,
    },
  };
}
