import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBenchOptions } from '../bench/bench-options.js';

test('defaults: 3 runs of every forwarder at 0 and 20 ms, and through 10 ms of WAN latency each way', () => {
  const options = parseBenchOptions([], '/results');
  assert.equal(options.runs, 3);
  assert.equal(options.maxInFlight, 16);
  assert.deepEqual(options.sinkLatenciesMs, [0, 20]);
  assert.deepEqual(options.wanLatenciesMs, [10]);
  assert.deepEqual(options.forwarders, ['shared', 'naive', 'nsq_to_http', 'http_only']);
  assert.equal(options.outputDir, '/results');
});

test('flags are read and validated with the flag named', () => {
  const options = parseBenchOptions(['--runs', '1', '--sink-latency-ms', '5', '--forwarders', 'shared,nsq_to_http', '--messages', '100'], '/r');
  assert.equal(options.runs, 1);
  assert.deepEqual(options.sinkLatenciesMs, [5]);
  assert.deepEqual(options.forwarders, ['shared', 'nsq_to_http']);
  assert.equal(options.messages, 100);
  assert.deepEqual(parseBenchOptions(['--wan-latency-ms', '5,25'], '/r').wanLatenciesMs, [5, 25]);
  assert.deepEqual(parseBenchOptions(['--wan-latency-ms', 'none'], '/r').wanLatenciesMs, []);
  assert.throws(() => parseBenchOptions(['--wan-latency-ms', '0'], '/r'), /--wan-latency-ms must be from 1 to 5000, got 0/);
  assert.throws(() => parseBenchOptions(['--runs', '0'], '/r'), /--runs must be from 1 to 15/);
  assert.throws(() => parseBenchOptions(['--forwarders', 'curl'], '/r'), /--forwarders: unknown value "curl"/);
  assert.throws(() => parseBenchOptions(['--sink-latency-ms', '0,0'], '/r'), /--sink-latency-ms lists a value twice/);
  assert.throws(() => parseBenchOptions(['--bogus'], '/r'), /Unknown option '--bogus'/);
});
