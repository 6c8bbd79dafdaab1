import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint/universal';
import * as parser from '@typescript-eslint/parser';
import { buildEslintConfig, lintFilename, optionsKey } from '../src/eslint-config';
import type { LintOptions } from '../src/lint-types';

const OPTIONS: LintOptions = {
  rules: { 'keepalive/report-settings': 'error' },
  handlerRegistrations: [{ object: 'bus', method: 'subscribe' }],
  poolConstructors: [{ from: 'package', package: '@acme/http', name: 'HttpClient' }],
  consumingHelpers: [],
  maxFileSize: 1000,
};

// A real rule run by the real Linter: it reports what reaches rules through settings.keepalive.
const probePlugin = {
  rules: {
    'report-settings': {
      meta: { type: 'problem' as const, schema: [] },
      create(context: { settings: Record<string, unknown>; report(d: unknown): void }) {
        return {
          Program(node: unknown) {
            context.report({ node, message: JSON.stringify(context.settings.keepalive) });
          },
        };
      },
    },
  },
};

describe('buildEslintConfig', () => {
  it('runs the configured rules with the shared settings on TypeScript with JSX', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = buildEslintConfig(
      OPTIONS,
      probePlugin as never,
      parser as never,
      'view.tsx',
    );
    const messages = linter.verify('const a: number = 1;\nexport const v = <div>{a}</div>;\n', config, { filename: 'view.tsx' });
    assert.equal(messages.length, 1, JSON.stringify(messages));
    assert.equal(messages[0]?.ruleId, 'keepalive/report-settings');
    assert.deepEqual(JSON.parse(messages[0]?.message ?? ''), {
      handlerRegistrations: OPTIONS.handlerRegistrations,
      poolConstructors: OPTIONS.poolConstructors,
      consumingHelpers: [],
    });
  });

  it('does not report disable directives for rules it does not run', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = buildEslintConfig({ ...OPTIONS, rules: {} }, probePlugin as never, parser as never, 'a.ts');
    const messages = linter.verify('// eslint-disable-next-line no-console\nconsole.log(1);\n', config, { filename: 'a.ts' });
    assert.deepEqual(messages, []);
  });
});

describe('lintFilename', () => {
  it('keeps linted extensions and adds one from the language for untitled documents', () => {
    assert.equal(lintFilename('handler.mts', 'typescript'), 'handler.mts');
    assert.equal(lintFilename('Untitled-1', 'typescriptreact'), 'Untitled-1.tsx');
    assert.equal(lintFilename('Untitled-2', 'javascript'), 'Untitled-2.js');
    assert.throws(() => lintFilename('notes.md', 'markdown'), /cannot lint language "markdown"/);
  });
});

describe('optionsKey', () => {
  it('ignores rule order but not values', () => {
    const a = optionsKey({ ...OPTIONS, rules: { x: 'warn', y: 'off' } });
    const b = optionsKey({ ...OPTIONS, rules: { y: 'off', x: 'warn' } });
    const c = optionsKey({ ...OPTIONS, rules: { x: 'error', y: 'off' } });
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
});
