/**
 * Test helper for cross-file analysis: writes a small project to a fresh temp directory and lints
 * one of its files from disk with the real ESLint `Linter` (ESLint 9, or 10 through the `eslint-v10`
 * alias package), with @typescript-eslint/parser or espree, so rules and probes see a real rule
 * context whose `filename` is the file's absolute path.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter as Linter9 } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type ProjectFiles = Readonly<Record<string, string>>;

/** Writes `files` (relative path -> text) under a new temp directory; returns its real path. */
export function writeProject(files: ProjectFiles): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'keepalive-project-')));
  writeFiles(root, files);
  return root;
}

/** Writes (or overwrites) `files` under `root`. */
export function writeFiles(root: string, files: ProjectFiles): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

export function removeProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface LintFileOptions {
  readonly parser?: 'typescript' | 'espree';
  readonly eslint?: 9 | 10;
  readonly sourceType?: 'module' | 'commonjs';
  /** Extra parser options (for example `project`, which module summaries must drop). */
  readonly parserOptions?: Readonly<Record<string, unknown>>;
}

/**
 * Lints `file` (absolute, on disk) with a rule whose listeners `create` returns and asserts that
 * the lint produced no message at all (no parse error, no crash).
 */
export function lintFile(
  file: string,
  create: (context: RuleContext) => TSESLint.RuleListener,
  options: LintFileOptions = {},
): void {
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create: create as never,
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Linter = (options.eslint === 10 ? require('eslint-v10').Linter : Linter9) as typeof Linter9;
  // espree ships no type declarations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parser: unknown = options.parser === 'espree' ? require('espree') : tsParser;
  const linter = new Linter({ configType: 'flat', cwd: path.dirname(file) });
  const messages = linter.verify(
    fs.readFileSync(file, 'utf8'),
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          parser: parser as never,
          ecmaVersion: 2024,
          sourceType: options.sourceType ?? 'module',
          ...(options.parserOptions ? { parserOptions: options.parserOptions } : {}),
        },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    file,
  );
  assert.deepEqual(messages, [], 'the probe must run without parse errors or crashes');
}

/** Lints `file` and returns `inspect`'s result for every node `selector` matches, in order. */
export function probeFile<T>(
  file: string,
  selector: string,
  inspect: (node: TSESTree.Node, context: RuleContext) => T,
  options: LintFileOptions = {},
): T[] {
  const results: T[] = [];
  lintFile(
    file,
    (context) => ({
      [selector](node: TSESTree.Node) {
        results.push(inspect(node, context));
      },
    }),
    options,
  );
  return results;
}
