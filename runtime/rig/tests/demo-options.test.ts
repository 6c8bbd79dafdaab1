import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DEFAULTS, parseDemoOptions } from '../demo/demo-options.js';

test('defaults: 12 msg/s for 20 s, 16 in flight, one handler, 25 ms each way, 1 s msg-timeout, lint and forward', () => {
  assert.deepEqual(parseDemoOptions([], '/out'), {
    publishRate: 12,
    seconds: 20,
    maxInFlight: 16,
    handlers: 1,
    wanLatencyMs: 25,
    msgTimeoutMs: 1000,
    sinkLatencyMs: DEMO_DEFAULTS.sinkLatencyMs,
    responseBytes: 256 * 1024,
    outputDir: '/out',
    lint: true,
    forward: true,
    progress: undefined,
    help: false,
  });
});

test('every flag is read', () => {
  const options = parseDemoOptions(
    [
      '--rate', '30', '--seconds=5', '--max-in-flight=8', '-n', '2', '--wan-latency-ms', '40', '--msg-timeout-ms', '500',
      '--sink-latency-ms', '20', '--response-bytes', '1MiB', '--output-dir', 'x', '--skip-lint', '--no-progress',
    ],
    '/out',
  );
  assert.equal(options.publishRate, 30);
  assert.equal(options.seconds, 5);
  assert.equal(options.maxInFlight, 8);
  assert.equal(options.handlers, 2);
  assert.equal(options.wanLatencyMs, 40);
  assert.equal(options.msgTimeoutMs, 500);
  assert.equal(options.sinkLatencyMs, 20);
  assert.equal(options.responseBytes, 1024 * 1024);
  assert.equal(options.outputDir, 'x');
  assert.equal(options.lint, false);
  assert.equal(options.progress, false);
  assert.equal(parseDemoOptions(['--handlers', '3'], '/out').handlers, 3);
  assert.equal(parseDemoOptions(['-h'], '/out').help, true);
});

test('bad flags fail with the flag named', () => {
  assert.throws(() => parseDemoOptions(['--rate', '0'], '/out'), /--rate must be from 1 to 10000, got 0/);
  assert.throws(() => parseDemoOptions(['--seconds', '601'], '/out'), /--seconds must be from 1 to 600, got 601/);
  assert.throws(() => parseDemoOptions(['--max-in-flight', 'lots'], '/out'), /--max-in-flight must be a whole number/);
  assert.throws(() => parseDemoOptions(['--msg-timeout-ms', '50'], '/out'), /--msg-timeout-ms must be from 100/);
  assert.throws(() => parseDemoOptions(['--wan-latency-ms', '-5'], '/out'), /--wan-latency-ms/);
  assert.throws(() => parseDemoOptions(['--response-bytes', '2GB'], '/out'), /--response-bytes/);
  assert.throws(() => parseDemoOptions(['--rate'], '/out'), /--rate/);
  assert.throws(() => parseDemoOptions(['-n', '17'], '/out'), /--handlers \(17\) must not exceed --max-in-flight \(16\)/);
  assert.throws(() => parseDemoOptions(['--messages', '5'], '/out'), /Unknown option '--messages'/);
  assert.throws(() => parseDemoOptions(['extra'], '/out'), /positional/);
  assert.throws(() => parseDemoOptions(['--skip-lint', '--skip-forward'], '/out'), /nothing to do/);
});
