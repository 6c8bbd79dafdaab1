// Command-line flags (nsq_to_http's, in Go's flag syntax, plus the forwarder's own), their
// environment-variable equivalents, defaults, validation and --help. Every problem is reported as a ConfigError naming the flag.
import { readFileSync } from 'node:fs';
import { CONSUMER_OPTIONS, UNSUPPORTED_CONSUMER_OPTIONS, splitConsumerOption, type NsqConnectionSettings } from './consumer-options.js';
import { formatDurationMs, parseDurationMs } from './duration.js';
import { FlagSyntaxError, parseGoFlags, type FlagValues } from './go-flags.js';

/** How messages use HTTP connections: `shared` (one keep-alive pool) or `naive` (the incident). */
export type ForwarderMode = 'shared' | 'naive';
/** How one of several destinations is chosen per message (nsq_to_http's --mode values). */
export type EndpointSelection = 'hostpool' | 'round-robin' | 'epsilon-greedy';

export const CONNECTION_MODES: readonly ForwarderMode[] = ['shared', 'naive'];
export const ENDPOINT_SELECTIONS: readonly EndpointSelection[] = ['hostpool', 'round-robin', 'epsilon-greedy'];

export interface ForwarderConfig {
  topic: string;
  channel: string;
  nsqdTcpAddresses: string[];
  lookupdHttpAddresses: string[];
  /** nsqd HTTP addresses, a fall-back for publishing dead letters (TCP PUB to the message's nsqd comes first). */
  nsqdHttpAddresses: string[];
  /** POST: the body is the message. GET: the message, query-escaped, replaces the URL's one `%s`. */
  method: 'POST' | 'GET';
  /** Destination URLs (from --post, or --get templates with `%s`). */
  destinations: string[];
  selection: EndpointSelection;
  contentType: string;
  /** Extra request headers, in order. */
  headers: [string, string][];
  maxInFlight: number;
  /** Requests running at once (nsq_to_http's -n); at most max-in-flight. */
  concurrency: number;
  /** Fraction of messages forwarded (nsq_to_http's --sample); the rest are finished unsent. */
  sample: number;
  /** Log a latency line every this many requests (0: never). */
  statusEvery: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
  /** PEM text of extra trusted CA certificates (from --ca-file), added to the system and bundled roots. */
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
  /** First consumer-wide pause (go-nsq's backoff_multiplier). */
  backoffBaseMs: number;
  shutdownTimeoutMs: number;
  lookupdPollIntervalMs: number;
  /** IDENTIFY settings from --consumer-opt (undefined: nsqd's or the forwarder's default). */
  nsqConnection: NsqConnectionSettings;
  summaryJsonFile?: string;
  quiet: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type FlagKind = 'string' | 'strings' | 'integer' | 'number' | 'duration' | 'bytes' | 'boolean';

interface FlagSpec {
  name: string;
  kind: FlagKind;
  help: string;
  /** Shown in --help; also the value used when the flag is absent (unless it is a <placeholder>). */
  defaultValue?: string;
  /** Also one of nsq_to_http's flags, with the same meaning (differences are in the README). */
  nsqToHttp?: true;
}

/** The one table of flags: --help, env vars and parsing all come from it. */
export const FLAGS: readonly FlagSpec[] = [
  { name: 'topic', kind: 'string', help: 'NSQ topic to consume (required)', nsqToHttp: true },
  { name: 'channel', kind: 'string', help: 'NSQ channel', defaultValue: 'nsq_to_http', nsqToHttp: true },
  { name: 'nsqd-tcp-address', kind: 'strings', help: 'nsqd TCP address host:port (repeatable)', nsqToHttp: true },
  { name: 'lookupd-http-address', kind: 'strings', help: 'nsqlookupd HTTP address host:port (repeatable)', nsqToHttp: true },
  { name: 'nsqd-http-address', kind: 'strings', help: 'nsqd HTTP address, a fall-back for dead letters (repeatable; dead letters go over TCP to the nsqd the message came from first)' },
  { name: 'post', kind: 'strings', help: 'https:// (or http://) URL to POST each message to (repeatable; --mode chooses among them)', nsqToHttp: true },
  { name: 'get', kind: 'strings', help: "URL to GET per message, its one '%s' replaced by the query-escaped message (repeatable; instead of --post)", nsqToHttp: true },
  { name: 'content-type', kind: 'string', help: 'Content-Type of the POSTs', defaultValue: 'application/octet-stream', nsqToHttp: true },
  { name: 'header', kind: 'strings', help: "extra request header 'Name: value' (repeatable)", nsqToHttp: true },
  { name: 'max-in-flight', kind: 'integer', help: 'messages in flight (and HTTP connections per destination)', defaultValue: '200', nsqToHttp: true },
  { name: 'n', kind: 'integer', help: 'HTTP requests at once (nsq_to_http: concurrent handlers); further messages wait in flight', defaultValue: '<max-in-flight>', nsqToHttp: true },
  { name: 'mode', kind: 'strings', help: 'how one of several destinations is chosen: hostpool, round-robin, epsilon-greedy; and how connections are used: shared (one keep-alive pool) or naive (a new client per message, response unread: the incident, for demos). Give one of each with a comma or twice', defaultValue: 'hostpool,shared', nsqToHttp: true },
  { name: 'sample', kind: 'number', help: 'fraction of messages to forward (0..1); the others are finished unsent', defaultValue: '1', nsqToHttp: true },
  { name: 'status-every', kind: 'integer', help: 'log request latencies (99th, 95th percentile, average) every this many requests; 0 disables', defaultValue: '250', nsqToHttp: true },
  { name: 'http-client-connect-timeout', kind: 'duration', help: 'timeout for TCP connect + TLS handshake', defaultValue: '2s', nsqToHttp: true },
  { name: 'http-client-request-timeout', kind: 'duration', help: 'timeout for one request (headers and body); TOUCH keeps the message while it runs', defaultValue: '20s', nsqToHttp: true },
  { name: 'consumer-opt', kind: 'strings', help: "go-nsq consumer option 'key,value' (repeatable): max_in_flight, max_attempts, default_requeue_delay, max_requeue_delay, max_backoff_duration, backoff_multiplier, lookupd_poll_interval, msg_timeout, heartbeat_interval, output_buffer_timeout, output_buffer_size, sample_rate, client_id", nsqToHttp: true },
  { name: 'max-attempts', kind: 'integer', help: 'deliveries before a retryable failure is dead-lettered', defaultValue: '5' },
  { name: 'ca-file', kind: 'string', help: 'PEM file of extra CA certificates to trust, added to the system roots (SSL_CERT_FILE/SSL_CERT_DIR), NODE_EXTRA_CA_CERTS and the bundled roots; TLS verification is always on' },
  { name: 'dead-letter-topic', kind: 'string', help: 'topic for messages that cannot be delivered', defaultValue: '<topic>_dead_letter' },
  { name: 'metrics-address', kind: 'string', help: 'host:port to serve Prometheus metrics on at /metrics (port 0: any free port, logged)' },
  { name: 'max-drain-bytes', kind: 'bytes', help: 'response bytes read to keep a connection reusable; larger bodies close the connection', defaultValue: '1MiB' },
  { name: 'requeue-delay', kind: 'duration', help: 'first REQ delay after a retryable failure, doubled per attempt (Retry-After wins)', defaultValue: '1s' },
  { name: 'max-requeue-delay', kind: 'duration', help: 'cap on the per-message REQ delay', defaultValue: '1m' },
  { name: 'backoff-multiplier', kind: 'duration', help: 'first consumer-wide pause while most requests fail, doubled per level', defaultValue: '1s' },
  { name: 'max-backoff-duration', kind: 'duration', help: 'cap on the consumer-wide pause while most requests fail', defaultValue: '1m' },
  { name: 'shutdown-timeout', kind: 'duration', help: 'on SIGTERM/SIGINT, how long in-flight messages may take before they are requeued', defaultValue: '30s' },
  { name: 'lookupd-poll-interval', kind: 'duration', help: 'how often nsqlookupd is asked for producers', defaultValue: '15s' },
  { name: 'summary-json', kind: 'string', help: 'also write the exit summary as JSON to this file' },
  { name: 'quiet', kind: 'boolean', help: 'log only warnings and errors' },
  { name: 'version', kind: 'boolean', help: 'print the version and exit', nsqToHttp: true },
  { name: 'help', kind: 'boolean', help: 'show this help (also -h)', nsqToHttp: true },
];

/** Other names a flag answers to (Go's flag package treats -h as -help). */
const FLAG_ALIASES: Readonly<Record<string, string>> = { h: 'help' };

export const ENV_PREFIX = 'KEEPALIVE_NSQ_';

/** `--max-in-flight` ↔ `KEEPALIVE_NSQ_MAX_IN_FLIGHT`. */
export function envName(flag: string): string {
  return ENV_PREFIX + flag.toUpperCase().replace(/-/g, '_');
}

export function helpText(): string {
  const lines = [
    'Usage: keepalive-nsq --topic T --nsqd-tcp-address H:P|--lookupd-http-address H:P --post URL [flags]',
    '',
    'Consumes an NSQ topic and POSTs every message over HTTPS, reusing connections. A drop-in for',
    "nsq_to_http: its flags work under their own names, with one or two dashes, Go's -flag=value too.",
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

/** How a flag is written in messages: `-n` (single letter, as nsq_to_http documents it) or `--name`. */
function dashed(flag: string): string {
  return flag.length === 1 ? `-${flag}` : `--${flag}`;
}

const NSQ_NAME = /^[.a-zA-Z0-9_-]+(#ephemeral)?$/;

function checkNsqName(flag: string, value: string): string {
  if (!NSQ_NAME.test(value) || value.length > 64) {
    throw new ConfigError(`${dashed(flag)}: "${value}" is not a valid NSQ name (1-64 characters of [.a-zA-Z0-9_-], optional #ephemeral)`);
  }
  return value;
}

function checkHostPort(flag: string, value: string, allowPortZero = false): string {
  const match = /^(\[[0-9a-fA-F:]+\]|[^\s:/]+):(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < (allowPortZero ? 0 : 1) || port > 65535) {
    throw new ConfigError(`${dashed(flag)}: "${value}" is not a host:port address`);
  }
  return value;
}

function parseBytes(flag: string, text: string): number {
  const match = /^(\d+)\s*(B|KiB|MiB|GiB|KB|MB|GB|k|K|M|G)?$/.exec(text.trim());
  if (!match) throw new ConfigError(`${dashed(flag)}: "${text}" is not a byte size (e.g. 1048576, 512KiB, 1MiB)`);
  const factor: Record<string, number> = { B: 1, KiB: 1024, k: 1024, K: 1024, KB: 1000, MiB: 1 << 20, M: 1 << 20, MB: 1e6, GiB: 1 << 30, G: 1 << 30, GB: 1e9 };
  return Number(match[1]) * (factor[match[2] ?? 'B'] ?? 1);
}

function parseInteger(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new ConfigError(`${dashed(flag)}: "${text}" is not a whole number`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(`${dashed(flag)}: ${value} is outside ${min}..${max}`);
  return value;
}

function parseDuration(flag: string, text: string, minMs: number): number {
  const ms = parseDurationMs(text);
  if (ms === undefined) throw new ConfigError(`${dashed(flag)}: "${text}" is not a duration (e.g. 500ms, 2s, 1m)`);
  if (ms < minMs) throw new ConfigError(`${dashed(flag)}: ${text} is shorter than the minimum ${formatDurationMs(minMs)}`);
  return ms;
}

function parseUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${dashed(flag)}: "${text}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${dashed(flag)}: "${text}" must be an https:// or http:// URL`);
  }
  if (url.username || url.password) throw new ConfigError(`${dashed(flag)}: "${text}" must not carry credentials; use --header`);
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

function parseNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) throw new ConfigError(`${dashed(flag)}: "${text}" is not a number`);
  if (value < min || value > max) throw new ConfigError(`${dashed(flag)}: ${value} is outside ${min}..${max}`);
  return value;
}

/** A --get URL template: exactly one `%s` (nsq_to_http's rule), otherwise a valid http(s) URL. */
function parseGetTemplate(text: string): string {
  if (text.split('%s').length !== 2) throw new ConfigError(`--get: "${text}" must contain exactly one %s (replaced by the message)`);
  parseUrl('get', text.replace('%s', 'x'));
  return text;
}

/** Raw flag values as strings (repeatable flags as arrays), from argv first, then the environment. */
type RawValues = FlagValues;

function readRaw(argv: readonly string[], env: NodeJS.ProcessEnv): RawValues {
  const shapes = FLAGS.map((flag) => ({ name: flag.name, boolean: flag.kind === 'boolean', repeatable: flag.kind === 'strings' }));
  let values: RawValues;
  try {
    values = parseGoFlags(argv, shapes, FLAG_ALIASES);
  } catch (error) {
    if (error instanceof FlagSyntaxError) throw new ConfigError(error.message);
    throw error;
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

/** --mode values: one endpoint selection and/or one connection mode, comma-separated or repeated. */
function parseModes(values: readonly string[]): { mode: ForwarderMode; selection: EndpointSelection } {
  let mode: ForwarderMode = 'shared';
  let selection: EndpointSelection = 'hostpool';
  for (const value of values.flatMap((text) => text.split(',')).map((part) => part.trim())) {
    if ((CONNECTION_MODES as readonly string[]).includes(value)) mode = value as ForwarderMode;
    else if ((ENDPOINT_SELECTIONS as readonly string[]).includes(value)) selection = value as EndpointSelection;
    else throw new ConfigError(`--mode: "${value}" is not one of ${[...CONNECTION_MODES, ...ENDPOINT_SELECTIONS].join(', ')}`);
  }
  return { mode, selection };
}

/**
 * Applies --consumer-opt: options with a flag of their own fill that flag unless it was given
 * (the dedicated flag wins); IDENTIFY options are collected. Unknown or unsupported keys are errors.
 */
function applyConsumerOptions(raw: RawValues, options: readonly string[]): NsqConnectionSettings {
  const settings: NsqConnectionSettings = {};
  for (const text of options) {
    const { key, value } = splitConsumerOption(text);
    const label = `consumer-opt ${key}`;
    const target = CONSUMER_OPTIONS[key];
    if (!target) {
      const reason = UNSUPPORTED_CONSUMER_OPTIONS[key];
      throw new ConfigError(reason ? `--${label}: not supported by keepalive-nsq (${reason})` : `--consumer-opt: "${key}" is not a go-nsq consumer option`);
    }
    if ('flag' in target) {
      raw[target.flag] ??= value;
      continue;
    }
    if (target.kind === 'string') {
      if (value === '' || value === 'true') throw new ConfigError(`--${label}: a value is required`);
      settings[target.identify as 'clientId'] = value;
    } else if (target.kind === 'duration') {
      settings[target.identify as 'msgTimeoutMs'] = parseDuration(label, value, target.identify === 'outputBufferTimeoutMs' ? 25 : 1);
    } else {
      settings[target.identify as 'sampleRate'] = target.identify === 'sampleRate' ? parseInteger(label, value, 0, 99) : parseInteger(label, value, 64, 1 << 30);
    }
  }
  return settings;
}

export type ParsedCommandLine = { help: true } | { help: false; version: true } | { help: false; version: false; config: ForwarderConfig };

/** Parses and validates flags; throws ConfigError naming the offending flag. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const raw = readRaw(argv, env);
  if (raw.help === true) return { help: true };
  if (raw.version === true) return { help: false, version: true };
  const nsqConnection = applyConsumerOptions(raw, Array.isArray(raw['consumer-opt']) ? raw['consumer-opt'] : []);
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
  const get = list('get').map(parseGetTemplate);
  if (post.length > 0 && get.length > 0) throw new ConfigError('use --post or --get, not both');
  if (post.length === 0 && get.length === 0) throw new ConfigError('--post is required (the URL to POST messages to; or --get)');

  const contentType = text('content-type')!;
  if (!/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/.test(contentType)) {
    throw new ConfigError(`--content-type: "${contentType}" is not a media type`);
  }
  if (get.length > 0 && typeof raw['content-type'] === 'string') throw new ConfigError('--content-type is only used with --post');
  const headers = list('header').map(parseHeader);

  const { mode, selection } = parseModes(list('mode'));

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

  const maxInFlight = parseInteger('max-in-flight', text('max-in-flight')!, 1, 2500);
  const concurrency = typeof raw.n === 'string' ? parseInteger('n', raw.n, 1, 100_000) : maxInFlight;
  const connectTimeoutMs = parseDuration('http-client-connect-timeout', text('http-client-connect-timeout')!, 1);
  const requestTimeoutMs = parseDuration('http-client-request-timeout', text('http-client-request-timeout')!, 1);
  const requeueDelayMs = parseDuration('requeue-delay', text('requeue-delay')!, 0);
  const maxRequeueDelayMs = parseDuration('max-requeue-delay', text('max-requeue-delay')!, 0);
  if (maxRequeueDelayMs < requeueDelayMs) throw new ConfigError('--max-requeue-delay must be at least --requeue-delay');
  if (maxRequeueDelayMs > 3_600_000) throw new ConfigError('--max-requeue-delay: nsqd caps REQ delays at 1h (--max-req-timeout)');

  return {
    help: false,
    version: false,
    config: {
      topic,
      channel,
      nsqdTcpAddresses,
      lookupdHttpAddresses,
      nsqdHttpAddresses,
      method: get.length > 0 ? 'GET' : 'POST',
      destinations: get.length > 0 ? get : post,
      selection,
      contentType,
      headers,
      maxInFlight,
      // More handlers than messages in flight would idle (as they do in nsq_to_http).
      concurrency: Math.min(concurrency, maxInFlight),
      sample: parseNumber('sample', text('sample')!, 0, 1),
      statusEvery: parseInteger('status-every', text('status-every')!, 0, 1_000_000),
      connectTimeoutMs,
      requestTimeoutMs,
      maxAttempts: parseInteger('max-attempts', text('max-attempts')!, 1, 65535),
      caPem,
      caFile,
      deadLetterTopic,
      metricsAddress,
      mode,
      maxDrainBytes: parseBytes('max-drain-bytes', text('max-drain-bytes')!),
      requeueDelayMs,
      maxRequeueDelayMs,
      maxBackoffMs: parseDuration('max-backoff-duration', text('max-backoff-duration')!, 0),
      backoffBaseMs: parseDuration('backoff-multiplier', text('backoff-multiplier')!, 1),
      shutdownTimeoutMs: parseDuration('shutdown-timeout', text('shutdown-timeout')!, 0),
      lookupdPollIntervalMs: parseDuration('lookupd-poll-interval', text('lookupd-poll-interval')!, 100),
      nsqConnection,
      summaryJsonFile: typeof raw['summary-json'] === 'string' ? raw['summary-json'] : undefined,
      quiet: raw.quiet === true,
    },
  };
}
