import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index';
import { generatedSource } from '../../scripts/generated-source';

function lint(text: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    text,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as never, sourceType: 'module' },
        plugins: { keepalive: plugin as never },
        rules: {
          'keepalive/no-client-per-request': 'error',
          'keepalive/no-unconsumed-body': 'error',
          'keepalive/no-disabled-keepalive': 'error',
        },
      },
    ],
    'service.ts',
  );
}

describe('generated source for the scaling benchmark', () => {
  it('has about the requested length, the same text every time, and findings in proportion to its length', () => {
    const small = generatedSource(2_000);
    const large = generatedSource(4_000);
    assert.equal(generatedSource(2_000), small);
    const lines = small.split('\n').length;
    assert.ok(lines >= 2_000 && lines < 2_200, `${lines} lines`);
    const smallMessages = lint(small);
    const largeMessages = lint(large);
    // Parses cleanly: every message is a keepalive finding, from the one section in ten with bugs.
    assert.deepEqual(
      smallMessages.filter((message) => !message.ruleId?.startsWith('keepalive/')),
      [],
    );
    assert.equal(smallMessages.length, 5);
    assert.equal(largeMessages.length, 5 * 2 + 5);
  });
});
