import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatCount, formatMs, formatPercent, formatRate, formatRatio } from '../report/format.js';

test('numbers are formatted for reading, with n/a for missing values', () => {
  assert.equal(formatCount(3499.6), '3,500');
  assert.equal(formatRate(2480.4), '2,480');
  assert.equal(formatRate(42.25), '42.3');
  assert.equal(formatRate(Number.NaN), 'n/a');
  assert.equal(formatMs(0.4213), '0.42 ms');
  assert.equal(formatMs(4.21), '4.2 ms');
  assert.equal(formatMs(42.1), '42 ms');
  assert.equal(formatMs(1234), '1,234 ms');
  assert.equal(formatMs(undefined), 'n/a');
  assert.equal(formatRatio(5.26), '5.3×');
  assert.equal(formatRatio(12.6), '13×');
  assert.equal(formatRatio(0.456), '0.46×');
  assert.equal(formatRatio(1.037), '1.04×');
  assert.equal(formatRatio(Number.POSITIVE_INFINITY), 'n/a');
  assert.equal(formatPercent(0.956), '96 %');
  assert.equal(formatBytes(256 * 1024), '256 KiB');
  assert.equal(formatBytes(1024 * 1024), '1 MiB');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(128), '128 B');
});
