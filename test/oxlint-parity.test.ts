/**
 * oxlint is a second host for the plugin (its JS plugins run ESLint-style rules). Its hosting
 * differs in ways that matter to cross-file analysis: no parser object that can parse another module
 * (`context.languageOptions.parser.parse` throws "not implemented yet"), so module summaries fall
 * back to @typescript-eslint/parser. Copies the whole labelled corpus (single-file cases and the
 * multi-file projects, workspace packages linked into `node_modules`) to a temporary directory,
 * runs the real ESLint CLI and the real oxlint CLI (npm `oxlint`) with the BUILT plugin and every
 * keepalive rule at `error`, and asserts identical findings: rule, file, line and message.
 * Run `npm run build -w eslint-plugin-keepalive` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ESLint } from 'eslint';
import { builtPlugin, builtPluginFlatConfig } from './support/built-plugin-config';
import { copyCorpus } from './support/corpus-copy';

const repoRoot = dirname(__dirname);
const eslintBin = join(repoRoot, 'node_modules', '.bin', 'eslint');
const oxlintBin = join(repoRoot, 'node_modules', '.bin', 'oxlint');
const RULES = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'];

interface Finding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const keyOf = (finding: Finding) => `${finding.file}:${finding.line}:${finding.rule}: ${finding.message}`;

function oxlintConfig(): string {
  return `${JSON.stringify(
    {
      jsPlugins: [builtPlugin],
      categories: { correctness: 'off' },
      // ESLint never lints node_modules; oxlint would follow the workspace symlinks into it.
      ignorePatterns: ['**/node_modules/**'],
      rules: Object.fromEntries(RULES.map((rule) => [`keepalive/${rule}`, 'error'])),
    },
    null,
    2,
  )}\n`;
}

function eslintFindings(cwd: string): Finding[] {
  const run = spawnSync(eslintBin, ['--format', 'json', '.'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.status === 0 || run.status === 1, `eslint exited with ${run.status}:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as ESLint.LintResult[];
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      rule: message.ruleId ?? 'fatal',
      file: relative(cwd, result.filePath).split(sep).join('/'),
      line: message.line,
      message: message.message,
    })),
  );
}

interface OxlintDiagnostic {
  readonly code?: string;
  readonly message: string;
  readonly filename: string;
  readonly labels?: readonly { readonly span: { readonly line: number } }[];
}

function oxlintFindings(cwd: string): Finding[] {
  const run = spawnSync(oxlintBin, ['-c', '.oxlintrc.json', '--format', 'json', '.'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(run.status === 0 || run.status === 1, `oxlint exited with ${run.status}:\n${run.stderr}`);
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: OxlintDiagnostic[] };
  return diagnostics.map((diagnostic) => ({
    // `keepalive(no-unconsumed-body)` -> `keepalive/no-unconsumed-body`
    rule: (diagnostic.code ?? 'fatal').replace(/^(.*)\((.*)\)$/, '$1/$2'),
    file: relative(cwd, resolve(cwd, diagnostic.filename)).split(sep).join('/'),
    line: diagnostic.labels?.[0]?.span.line ?? 0,
    message: diagnostic.message,
  }));
}

describe('oxlint hosts the plugin with the same findings as ESLint', () => {
  let workDir = '';
  let fromEslint: Finding[] = [];
  let fromOxlint: Finding[] = [];

  before(() => {
    for (const needed of [builtPlugin, oxlintBin, eslintBin]) {
      if (!existsSync(needed)) assert.fail(`${needed} is missing: run \`npm ci\` and \`npm run build -w eslint-plugin-keepalive\`.`);
    }
    workDir = copyCorpus('keepalive-oxlint-');
    writeFileSync(join(workDir, 'eslint.config.mjs'), builtPluginFlatConfig());
    writeFileSync(join(workDir, '.oxlintrc.json'), oxlintConfig());
    fromEslint = eslintFindings(workDir);
    fromOxlint = oxlintFindings(workDir);
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('reports no crash, parse failure or foreign diagnostic in either host', () => {
    const foreign = [...fromEslint, ...fromOxlint].filter((finding) => !finding.rule.startsWith('keepalive/'));
    assert.deepEqual(foreign.map(keyOf), []);
  });

  it('gives identical findings (rule, file, line, message), cross-file ones included', () => {
    assert.ok(fromEslint.length >= 100, `the corpus produces findings (ESLint: ${fromEslint.length})`);
    assert.ok(
      fromEslint.some((finding) => finding.file.startsWith('projects/')),
      'the comparison includes findings in the multi-file projects',
    );
    assert.deepEqual(fromOxlint.map(keyOf).sort(), fromEslint.map(keyOf).sort());
  });
});
