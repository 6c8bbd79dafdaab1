import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, FLAGS, envName, helpText, parseCommandLine, type ForwarderConfig } from '../src/config.js';
import { parseDurationMs } from '../src/duration.js';

const BASE = ['--topic', 'orders', '--nsqd-tcp-address', '127.0.0.1:4150', '--post', 'https://example.test/in'];

function parse(args: string[], env: NodeJS.ProcessEnv = {}): ForwarderConfig {
  const parsed = parseCommandLine(args, env);
  assert.equal(parsed.help, false);
  return (parsed as { config: ForwarderConfig }).config;
}

describe('parseCommandLine', () => {
  it('applies nsq_to_http-like defaults', () => {
    const config = parse(BASE);
    assert.equal(config.channel, 'nsq_to_http');
    assert.equal(config.maxInFlight, 200);
    assert.equal(config.connectTimeoutMs, 2_000);
    assert.equal(config.requestTimeoutMs, 20_000);
    assert.equal(config.maxAttempts, 5);
    assert.equal(config.mode, 'shared');
    assert.equal(config.contentType, 'application/octet-stream');
    assert.equal(config.maxDrainBytes, 1 << 20);
    assert.equal(config.deadLetterTopic, 'orders_dead_letter');
  });

  it('collects repeatable flags in order', () => {
    const config = parse([...BASE, '--post', 'https://b.test/', '--header', 'X-A: 1', '--header', 'Authorization: Bearer t:k']);
    assert.deepEqual(config.destinations, ['https://example.test/in', 'https://b.test/']);
    assert.equal(config.method, 'POST');
    assert.deepEqual(config.headers, [['X-A', '1'], ['Authorization', 'Bearer t:k']]);
  });

  it('reads environment variables, flags taking precedence', () => {
    const config = parse(BASE, { KEEPALIVE_NSQ_MAX_IN_FLIGHT: '7', KEEPALIVE_NSQ_TOPIC: 'ignored', KEEPALIVE_NSQ_HEADER: 'X-A: 1\nX-B: 2' });
    assert.equal(config.maxInFlight, 7);
    assert.equal(config.topic, 'orders');
    assert.deepEqual(config.headers, [['X-A', '1'], ['X-B', '2']]);
  });

  it('names the flag in every error', () => {
    const cases: [string[], RegExp][] = [
      [[...BASE, '--nope'], /unknown flag --nope/],
      [BASE.slice(2), /--topic is required/],
      [[...BASE, '--topic', 'bad topic!'], /--topic: "bad topic!" is not a valid NSQ name/],
      [[...BASE, '--nsqd-tcp-address', 'localhost'], /--nsqd-tcp-address: "localhost" is not a host:port address/],
      [[...BASE, '--lookupd-http-address', '127.0.0.1:4161'], /not both/],
      [[...BASE.slice(0, 4)], /--post is required/],
      [[...BASE, '--max-attempts', 'x'], /--max-attempts: "x" is not a whole number/],
      [[...BASE, '--max-drain-bytes', 'lots'], /--max-drain-bytes: "lots" is not a byte size/],
      [[...BASE, '--requeue-delay', '2m', '--max-requeue-delay', '1m'], /--max-requeue-delay must be at least --requeue-delay/],
      [[...BASE, '--dead-letter-topic', 'orders'], /--dead-letter-topic must differ from --topic/],
      [[...BASE, '--header', 'Host: evil'], /--header: Host is set by the HTTP client/],
      [[...BASE, '--post', 'https://user:pw@example.test/'], /--post: .* must not carry credentials/],
      [[...BASE, '--metrics-address', 'nowhere'], /--metrics-address: "nowhere" is not a host:port address/],
    ];
    for (const [args, pattern] of cases) {
      assert.throws(() => parseCommandLine(args, {}), (error: unknown) => error instanceof ConfigError && pattern.test(error.message), `${args.join(' ')}`);
    }
  });

  it('reads --ca-file and refuses files without a certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keepalive-config-'));
    const good = join(dir, 'ca.pem');
    const bad = join(dir, 'empty.pem');
    writeFileSync(good, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    writeFileSync(bad, 'nothing here');
    assert.match(parse([...BASE, '--ca-file', good]).caPem ?? '', /BEGIN CERTIFICATE/);
    assert.throws(() => parse([...BASE, '--ca-file', bad]), /--ca-file: .* holds no PEM certificate/);
  });

  it('documents every flag in --help', () => {
    assert.deepEqual(parseCommandLine(['--help'], {}), { help: true });
    const text = helpText();
    for (const flag of FLAGS) {
      assert.ok(text.includes(`--${flag.name}`));
      assert.ok(text.includes(envName(flag.name)));
    }
  });
});

describe("nsq_to_http's command line", () => {
  const NSQ_TO_HTTP = ['-topic', 'orders', '-nsqd-tcp-address=127.0.0.1:4150', '-post', 'https://example.test/in'];

  it("accepts Go's flag syntax: one or two dashes, -flag=value, -flag value, boolean -flag", () => {
    const config = parse([...NSQ_TO_HTTP, '-n', '4', '--max-in-flight=16', '-status-every=0', '-quiet', '--channel', 'c', '-http-client-connect-timeout=1.5s']);
    assert.equal(config.topic, 'orders');
    assert.deepEqual(config.nsqdTcpAddresses, ['127.0.0.1:4150']);
    assert.equal(config.concurrency, 4);
    assert.equal(config.maxInFlight, 16);
    assert.equal(config.statusEvery, 0);
    assert.equal(config.quiet, true);
    assert.equal(config.channel, 'c');
    assert.equal(config.connectTimeoutMs, 1_500);
    assert.equal(parse([...NSQ_TO_HTTP, '-quiet=false']).quiet, false);
    assert.deepEqual(parseCommandLine(['-h'], {}), { help: true });
    assert.deepEqual(parseCommandLine(['-help'], {}), { help: true });
    assert.deepEqual(parseCommandLine(['--version'], {}), { help: false, version: true });
    assert.deepEqual(parseCommandLine(['-version'], {}), { help: false, version: true });
  });

  it('-n defaults to max-in-flight and is capped by it', () => {
    assert.equal(parse([...NSQ_TO_HTTP, '-max-in-flight', '16']).concurrency, 16);
    assert.equal(parse([...NSQ_TO_HTTP, '-max-in-flight', '16', '-n', '100']).concurrency, 16);
  });

  it('--mode takes the endpoint selection and the connection mode, in any order', () => {
    const defaults = parse(NSQ_TO_HTTP);
    assert.deepEqual([defaults.selection, defaults.mode], ['hostpool', 'shared']);
    const roundRobin = parse([...NSQ_TO_HTTP, '-mode', 'round-robin']);
    assert.deepEqual([roundRobin.selection, roundRobin.mode], ['round-robin', 'shared']);
    const both = parse([...NSQ_TO_HTTP, '--mode', 'naive', '--mode=epsilon-greedy']);
    assert.deepEqual([both.selection, both.mode], ['epsilon-greedy', 'naive']);
    const comma = parse([...NSQ_TO_HTTP, '--mode', 'round-robin,naive']);
    assert.deepEqual([comma.selection, comma.mode], ['round-robin', 'naive']);
  });

  it('--get takes URL templates with one %s, instead of --post', () => {
    const config = parse(['-topic', 'orders', '-nsqd-tcp-address', '127.0.0.1:4150', '-get', 'https://example.test/in?m=%s']);
    assert.equal(config.method, 'GET');
    assert.deepEqual(config.destinations, ['https://example.test/in?m=%s']);
  });

  it('--sample is a fraction', () => {
    assert.equal(parse([...NSQ_TO_HTTP, '-sample', '0.25']).sample, 0.25);
    assert.equal(parse(NSQ_TO_HTTP).sample, 1);
  });

  it('--consumer-opt maps go-nsq options to flags (which win) and IDENTIFY settings', () => {
    const config = parse([
      ...NSQ_TO_HTTP,
      '-consumer-opt', 'max_attempts,9',
      '-consumer-opt', 'max_in_flight,32',
      '-consumer-opt=msg_timeout,5s',
      '-consumer-opt', 'heartbeat_interval,10s',
      '-consumer-opt', 'client_id,me',
      '-consumer-opt', 'backoff_multiplier,250ms',
      '-max-in-flight', '8',
    ]);
    assert.equal(config.maxAttempts, 9);
    assert.equal(config.maxInFlight, 8, 'the dedicated flag wins');
    assert.equal(config.backoffBaseMs, 250);
    assert.deepEqual(config.nsqConnection, { msgTimeoutMs: 5_000, heartbeatIntervalMs: 10_000, clientId: 'me' });
  });

  it('names the flag in every error', () => {
    const cases: [string[], RegExp][] = [
      [[...NSQ_TO_HTTP, '-nope'], /^unknown flag -nope \(see --help\)$/],
      [[...NSQ_TO_HTTP, '-n'], /^-n: a value is required$/],
      [[...NSQ_TO_HTTP, '-n', 'many'], /^-n: "many" is not a whole number$/],
      [[...NSQ_TO_HTTP, '-quiet=maybe'], /^-quiet: "maybe" is not a boolean/],
      [[...NSQ_TO_HTTP, '---topic'], /^bad flag syntax: ---topic$/],
      [[...NSQ_TO_HTTP, 'stray'], /^unexpected argument "stray"/],
      [[...NSQ_TO_HTTP, '-sample', '2'], /^--sample: 2 is outside 0\.\.1$/],
      [[...NSQ_TO_HTTP, '-mode', 'fastest'], /^--mode: "fastest" is not one of shared, naive, hostpool, round-robin, epsilon-greedy$/],
      [[...NSQ_TO_HTTP, '-get', 'https://example.test/?m=%s'], /^use --post or --get, not both$/],
      [['-topic', 'o', '-nsqd-tcp-address', '127.0.0.1:4150', '-get', 'https://example.test/'], /^--get: .* must contain exactly one %s/],
      [['-topic', 'o', '-nsqd-tcp-address', '127.0.0.1:4150', '-get', 'https://example.test/%s', '-content-type', 'text/plain'], /^--content-type is only used with --post$/],
      [[...NSQ_TO_HTTP, '-consumer-opt', 'tls_v1,true'], /^--consumer-opt tls_v1: not supported by keepalive-nsq \(TLS to nsqd is not supported\)$/],
      [[...NSQ_TO_HTTP, '-consumer-opt', 'no_such_thing,1'], /^--consumer-opt: "no_such_thing" is not a go-nsq consumer option$/],
      [[...NSQ_TO_HTTP, '-consumer-opt', 'max_attempts,lots'], /^--max-attempts: "lots" is not a whole number$/],
      [[...NSQ_TO_HTTP, '-consumer-opt', 'msg_timeout,soon'], /^--consumer-opt msg_timeout: "soon" is not a duration/],
    ];
    for (const [args, pattern] of cases) {
      assert.throws(() => parseCommandLine(args, {}), (error: unknown) => error instanceof ConfigError && pattern.test(error.message), `${args.join(' ')}`);
    }
  });

  it("every nsq_to_http v1.3.0 flag is accepted (the list from its -h)", () => {
    const nsqToHttpFlags = ['channel', 'consumer-opt', 'content-type', 'get', 'header', 'http-client-connect-timeout', 'http-client-request-timeout', 'lookupd-http-address', 'max-in-flight', 'mode', 'n', 'nsqd-tcp-address', 'post', 'sample', 'status-every', 'topic', 'version'];
    const ours = new Set(FLAGS.filter((flag) => flag.nsqToHttp).map((flag) => flag.name));
    for (const flag of nsqToHttpFlags) assert.ok(ours.has(flag), `-${flag} is missing`);
  });
});

describe('parseDurationMs', () => {
  it('understands Go-style durations', () => {
    assert.equal(parseDurationMs('500ms'), 500);
    assert.equal(parseDurationMs('2s'), 2_000);
    assert.equal(parseDurationMs('1m30s'), 90_000);
    assert.equal(parseDurationMs('1.5s'), 1_500);
    assert.equal(parseDurationMs('0'), 0);
    assert.equal(parseDurationMs('1500us'), 2);
    assert.equal(parseDurationMs('1h'), 3_600_000);
    assert.equal(parseDurationMs('10'), undefined);
    assert.equal(parseDurationMs('soon'), undefined);
  });
});
