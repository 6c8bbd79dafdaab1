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
    assert.deepEqual(config.post, ['https://example.test/in', 'https://b.test/']);
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

describe('parseDurationMs', () => {
  it('understands Go-style durations', () => {
    assert.equal(parseDurationMs('500ms'), 500);
    assert.equal(parseDurationMs('2s'), 2_000);
    assert.equal(parseDurationMs('1m30s'), 90_000);
    assert.equal(parseDurationMs('1.5s'), 1_500);
    assert.equal(parseDurationMs('0'), 0);
    assert.equal(parseDurationMs('10'), undefined);
    assert.equal(parseDurationMs('soon'), undefined);
  });
});
