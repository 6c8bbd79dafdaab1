import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median } from '../bench/statistics.js';

test('median of odd and even counts, input left untouched', () => {
  const values = [30, 10, 20];
  assert.equal(median(values), 20);
  assert.deepEqual(values, [30, 10, 20]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), /no values/);
});
