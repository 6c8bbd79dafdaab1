import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlagError, parseByteSize, parseChoiceList, parseInteger, parseIntegerList } from '../bench/flag-values.js';

test('parseInteger accepts whole numbers in range and names the flag otherwise', () => {
  assert.equal(parseInteger('messages', '2000', { min: 1, max: 10_000 }), 2000);
  assert.equal(parseInteger('messages', '10_000', { min: 1, max: 10_000 }), 10_000);
  assert.throws(() => parseInteger('messages', 'many', { min: 1, max: 10 }), { name: 'FlagError', message: '--messages must be a whole number, got "many"' });
  assert.throws(() => parseInteger('messages', '1.5', { min: 1, max: 10 }), /--messages must be a whole number/);
  assert.throws(() => parseInteger('max-in-flight', '0', { min: 1, max: 10 }), /--max-in-flight must be from 1 to 10, got 0/);
  assert.throws(() => parseInteger('runs', '', { min: 1, max: 10 }), /--runs needs a value/);
});

test('parseByteSize reads plain bytes and binary units', () => {
  const range = { min: 0, max: 16 * 1024 * 1024 };
  assert.equal(parseByteSize('response-bytes', '262144', range), 262_144);
  assert.equal(parseByteSize('response-bytes', '256KiB', range), 262_144);
  assert.equal(parseByteSize('response-bytes', '256k', range), 262_144);
  assert.equal(parseByteSize('response-bytes', '1MiB', range), 1_048_576);
  assert.throws(() => parseByteSize('response-bytes', '1GiB', range), /--response-bytes must be a size in bytes/);
  assert.throws(() => parseByteSize('response-bytes', '64MiB', range), /--response-bytes must be from 0 to 16777216 bytes/);
  assert.throws(() => parseByteSize('response-bytes', '-1', range), FlagError);
});

test('lists are checked entry by entry and refuse duplicates', () => {
  assert.deepEqual(parseIntegerList('sink-latency-ms', '0,20', { min: 0, max: 5000 }), [0, 20]);
  assert.throws(() => parseIntegerList('sink-latency-ms', '0,x', { min: 0, max: 5000 }), /--sink-latency-ms must be a whole number, got "x"/);
  assert.throws(() => parseIntegerList('sink-latency-ms', '20,20', { min: 0, max: 5000 }), /lists a value twice/);
  assert.deepEqual(parseChoiceList('forwarders', 'shared, naive', ['shared', 'naive', 'nsq_to_http']), ['shared', 'naive']);
  assert.throws(() => parseChoiceList('forwarders', 'shared,curl', ['shared', 'naive']), /--forwarders: unknown value "curl" \(expected shared, naive\)/);
});
