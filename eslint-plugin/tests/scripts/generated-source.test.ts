import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWithAllRules } from '../support/lint-with-all-rules';
import { generatedSource } from '../../scripts/generated-source';


describe('generated source for the scaling benchmark', () => {
  it('has about the requested length, the same text every time, and findings in proportion to its length', () => {
    const small = generatedSource(2_000);
    const large = generatedSource(4_000);
    assert.equal(generatedSource(2_000), small);
    const lines = small.split('\n').length;
    assert.ok(lines >= 2_000 && lines < 2_200, `${lines} lines`);
    const smallMessages = lintWithAllRules(small);
    const largeMessages = lintWithAllRules(large);
    // Parses cleanly: every message is a keepalive finding, from the one section in ten with bugs.
    assert.deepEqual(
      smallMessages.filter((message) => !message.ruleId?.startsWith('keepalive/')),
      [],
    );
    assert.equal(smallMessages.length, 5);
    assert.equal(largeMessages.length, 5 * 2 + 5);
  });
});
