/**
 * Test helper: runs real ESLint over `code` and calls `inspect` on every node the selector matches
 * (by default every `new Probe()` expression, which sits in the code exactly where a client
 * construction would), so analysis functions are tested on the ASTs and scopes ESLint really builds.
 */
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
// espree ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const espree = require('espree') as object;
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type ProbeContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ProbeOptions {
  readonly filename?: string;
  /** Parse as plain JavaScript with espree instead of @typescript-eslint/parser. */
  readonly espree?: boolean;
  readonly sourceType?: 'module' | 'commonjs';
  /** ESLint selector of the probed nodes; default `new Probe()`. */
  readonly selector?: string;
}

export function probeAll<T>(
  code: string,
  inspect: (node: TSESTree.Node, context: ProbeContext) => T,
  options: ProbeOptions = {},
): T[] {
  const results: T[] = [];
  const probeRule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        [options.selector ?? 'NewExpression[callee.name="Probe"]'](node: TSESTree.Node) {
          results.push(inspect(node, context));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          parser: (options.espree ? espree : tsParser) as never,
          sourceType: options.sourceType ?? 'module',
          ecmaVersion: 2024,
        },
        plugins: { t: { rules: { probe: probeRule as never } } },
        rules: { 't/probe': 'error' },
      },
    ],
    options.filename ?? 'file.ts',
  );
  assert.deepEqual(messages, []);
  return results;
}
