import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramQuantileMs, readForwarderSummary } from '../harness/forwarder-summary.js';

const histogram = {
  // cumulative, seconds: 60 at ≤ 5 ms, 90 at ≤ 10 ms, 100 at ≤ 25 ms
  buckets: [
    { le: 0.005, count: 60 },
    { le: 0.01, count: 90 },
    { le: 0.025, count: 100 },
  ],
  count: 100,
  sumSeconds: 0.6,
};

test('histogramQuantileMs interpolates inside the bucket like Prometheus histogram_quantile', () => {
  assert.ok(Math.abs(histogramQuantileMs(histogram, 0.5)! - (5 * 50) / 60) < 1e-9);
  assert.ok(Math.abs(histogramQuantileMs(histogram, 0.9)! - 10) < 1e-9);
  assert.ok(Math.abs(histogramQuantileMs(histogram, 0.99)! - (10 + 15 * 0.9)) < 1e-9);
  assert.equal(histogramQuantileMs({ buckets: [], count: 0 }, 0.5), undefined);
  assert.equal(histogramQuantileMs({ buckets: [{ le: 0.005, count: 1 }], count: 2 }, 0.99), 5, 'beyond the last bound');
});

test('the last JSON line of the output is the summary; exact quantiles win over the histogram', () => {
  const output = [
    'keepalive-nsq summary: mode=shared received=10',
    '{"event":"summary","mode":"shared","latency":' + JSON.stringify(histogram) + '}',
    '',
  ].join('\n');
  const fromHistogram = readForwarderSummary(output);
  assert.equal(fromHistogram?.raw.mode, 'shared');
  assert.equal(fromHistogram?.latencySource, 'histogram');
  assert.ok(Math.abs(fromHistogram!.latencyP50Ms! - (5 * 50) / 60) < 1e-9);

  const exact = readForwarderSummary('{"event":"summary","latencyMs":{"p50":1.5,"p99":9},"latency":' + JSON.stringify(histogram) + '}');
  assert.deepEqual([exact?.latencyP50Ms, exact?.latencyP99Ms, exact?.latencySource], [1.5, 9, 'exact']);
});

test('output without a JSON object has no summary; a summary without latency has no quantiles', () => {
  assert.equal(readForwarderSummary('starting\n{not json}\n'), undefined);
  const bare = readForwarderSummary('{"event":"summary"}');
  assert.deepEqual(bare, { raw: { event: 'summary' } });
});
