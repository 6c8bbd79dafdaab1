/**
 * Test harness for the body/path analysis modules: runs a probe rule through the real ESLint
 * `Linter` (ESLint 9, or ESLint 10 through the `eslint-v10` alias package) with
 * @typescript-eslint/parser or espree, and fails when the probe crashes or the code does not parse.
 */
import assert from 'node:assert/strict';
import { Linter as Linter9 } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

export type ProbeCreate = (context: Readonly<TSESLint.RuleContext<never, []>>) => TSESLint.RuleListener;

export interface RunProbeOptions {
  readonly parser?: 'typescript' | 'espree';
  readonly eslint?: 9 | 10;
}

/** Lints `code` with a rule whose listeners `create` returns; asserts no message at all. */
export function runProbe(code: string, create: ProbeCreate, options: RunProbeOptions = {}): void {
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create: create as never,
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Linter = (options.eslint === 10 ? require('eslint-v10').Linter : Linter9) as typeof Linter9;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parser: unknown = options.parser === 'espree' ? require('espree') : tsParser;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: parser as never, ecmaVersion: 2024, sourceType: 'module' },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    options.parser === 'espree' ? 'file.js' : 'file.ts',
  );
  assert.deepEqual(messages, [], 'the probe must run without parse errors or crashes');
}
