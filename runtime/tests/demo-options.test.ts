import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DEFAULTS, parseDemoOptions } from '../src/demo/demo-options.js';

test('defaults: 2,000 messages, 16 in flight, 256 KiB responses, lint and forward', () => {
  assert.deepEqual(parseDemoOptions([], '/out'), {
    messages: DEMO_DEFAULTS.messages,
    maxInFlight: 16,
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
    ['--messages', '500', '--max-in-flight=8', '--sink-latency-ms', '20', '--response-bytes', '1MiB', '--output-dir', 'x', '--skip-lint', '--no-progress'],
    '/out',
  );
  assert.equal(options.messages, 500);
  assert.equal(options.maxInFlight, 8);
  assert.equal(options.sinkLatencyMs, 20);
  assert.equal(options.responseBytes, 1024 * 1024);
  assert.equal(options.outputDir, 'x');
  assert.equal(options.lint, false);
  assert.equal(options.progress, false);
  assert.equal(parseDemoOptions(['-h'], '/out').help, true);
});

test('bad flags fail with the flag named', () => {
  assert.throws(() => parseDemoOptions(['--messages', '0'], '/out'), /--messages must be from 1 to 100000, got 0/);
  assert.throws(() => parseDemoOptions(['--max-in-flight', 'lots'], '/out'), /--max-in-flight must be a whole number/);
  assert.throws(() => parseDemoOptions(['--sink-latency-ms', '-5'], '/out'), /--sink-latency-ms/);
  assert.throws(() => parseDemoOptions(['--response-bytes', '2GB'], '/out'), /--response-bytes/);
  assert.throws(() => parseDemoOptions(['--messages'], '/out'), /--messages/);
  assert.throws(() => parseDemoOptions(['--nsqd', 'x'], '/out'), /Unknown option '--nsqd'/);
  assert.throws(() => parseDemoOptions(['extra'], '/out'), /positional/);
  assert.throws(() => parseDemoOptions(['--skip-lint', '--skip-forward'], '/out'), /nothing to do/);
});
