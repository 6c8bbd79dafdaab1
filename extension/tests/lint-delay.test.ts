import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ON_TYPE_DELAY, onTypeDelay } from '../src/lint-delay';

describe('onTypeDelay', () => {
  it('is the setting for a file not linted yet or linted quickly', () => {
    assert.equal(onTypeDelay(300, undefined), 300);
    assert.equal(onTypeDelay(300, 40), 300);
    assert.equal(onTypeDelay(0, 0), 0);
  });

  it('grows to twice the last lint time of a slow file, up to the ceiling', () => {
    assert.equal(onTypeDelay(300, 450), 900);
    assert.equal(onTypeDelay(300, 5_000), MAX_ON_TYPE_DELAY);
    assert.equal(onTypeDelay(3_000, 5_000), 3_000, 'a longer setting wins');
  });
});
