/**
 * Scores the built plugin against the labelled corpus in test/corpus/: every line that must be
 * reported ends with `// expect: <rule>[, <rule>]`; every other line must stay silent. Lints with the
 * real ESLint, @typescript-eslint/parser and `configs.all`, and fails when a rule's precision is
 * below 0.95 or its recall below 0.90, printing each false positive and false negative with its
 * file:line so that a failure says what to fix.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;
const PREFIX = 'keepalive/';

const repoRoot = dirname(__dirname);
const corpusDir = join(__dirname, 'corpus');
const requireFromRoot = createRequire(join(repoRoot, 'package.json'));

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
}

const keyOf = (finding: Finding) => `${finding.file}:${finding.line}:${finding.rule}`;

function loadBuiltPlugin(): { rules: Record<string, unknown>; configs: { all: Linter.Config } } {
  const entry = join(repoRoot, 'eslint-plugin', 'dist', 'index.js');
  if (!existsSync(entry)) {
    assert.fail(`The built plugin is missing (${entry}). Run \`npm run build -w eslint-plugin-keepalive\` first.`);
  }
  return requireFromRoot('eslint-plugin-keepalive') as { rules: Record<string, unknown>; configs: { all: Linter.Config } };
}

/** `// expect: no-client-per-request, no-disabled-keepalive` -> one finding per listed rule. */
function expectedFindings(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /\/\/\s*expect:\s*([\w\-, ]+)\s*$/.exec(line);
    if (!match?.[1]) return;
    for (const rule of match[1].split(',').map((id) => id.trim()).filter(Boolean)) {
      findings.push({ file, line: index + 1, rule });
    }
  });
  return findings;
}

async function lintCorpus(plugin: ReturnType<typeof loadBuiltPlugin>): Promise<ESLint.LintResult[]> {
  const tsParser = requireFromRoot('@typescript-eslint/parser') as Linter.Parser;
  const eslint = new ESLint({
    cwd: corpusDir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
        languageOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      plugin.configs.all,
    ],
  });
  return eslint.lintFiles(['.']);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

describe('labelled corpus accuracy (test/corpus)', () => {
  it(`every rule reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} without crashes`, async () => {
    const plugin = loadBuiltPlugin();
    const ruleNames = Object.keys(plugin.rules);
    const results = await lintCorpus(plugin);
    assert.ok(results.length >= 25, `expected at least 25 corpus files, linted ${results.length}`);

    const expected = new Map<string, Finding>();
    const actual = new Map<string, Finding>();
    const crashes: string[] = [];
    const sources = new Map<string, string[]>();

    for (const result of results) {
      const file = relative(corpusDir, result.filePath);
      const text = readFileSync(result.filePath, 'utf8');
      sources.set(file, text.split('\n'));
      for (const finding of expectedFindings(file, text)) {
        assert.ok(ruleNames.includes(finding.rule), `${file}:${finding.line}: unknown rule id "${finding.rule}" in an expect comment`);
        expected.set(keyOf(finding), finding);
      }
      for (const message of result.messages) {
        if (message.fatal || message.ruleId === null || !message.ruleId.startsWith(PREFIX)) {
          crashes.push(`${file}:${message.line}: ${message.ruleId ?? 'fatal'}: ${message.message}`);
          continue;
        }
        const finding = { file, line: message.line, rule: message.ruleId.slice(PREFIX.length) };
        actual.set(keyOf(finding), finding);
      }
    }

    const sourceLine = (finding: Finding) => sources.get(finding.file)?.[finding.line - 1]?.trim() ?? '';
    const rows: string[] = ['rule                    expected  reported  TP  FP  FN  precision  recall'];
    const problems: string[] = [];
    for (const rule of ruleNames) {
      const wanted = [...expected.values()].filter((finding) => finding.rule === rule);
      const got = [...actual.values()].filter((finding) => finding.rule === rule);
      const falsePositives = got.filter((finding) => !expected.has(keyOf(finding)));
      const falseNegatives = wanted.filter((finding) => !actual.has(keyOf(finding)));
      const truePositives = got.length - falsePositives.length;
      const precision = ratio(truePositives, got.length);
      const recall = ratio(truePositives, wanted.length);
      rows.push(
        `${rule.padEnd(24)}${String(wanted.length).padStart(8)}${String(got.length).padStart(10)}` +
          `${String(truePositives).padStart(4)}${String(falsePositives.length).padStart(4)}` +
          `${String(falseNegatives.length).padStart(4)}${precision.toFixed(3).padStart(11)}${recall.toFixed(3).padStart(8)}`,
      );
      for (const finding of falsePositives) problems.push(`FP ${rule} ${finding.file}:${finding.line}  ${sourceLine(finding)}`);
      for (const finding of falseNegatives) problems.push(`FN ${rule} ${finding.file}:${finding.line}  ${sourceLine(finding)}`);
      if (precision < MIN_PRECISION || recall < MIN_RECALL) {
        problems.push(`!! ${rule}: precision ${precision.toFixed(3)} (min ${MIN_PRECISION}), recall ${recall.toFixed(3)} (min ${MIN_RECALL})`);
      }
    }
    console.log(`\n${rows.join('\n')}\n${problems.length ? `\n${problems.join('\n')}\n` : ''}`);

    assert.deepEqual(crashes, [], 'no fatal messages or rule crashes');
    const failing = problems.filter((problem) => problem.startsWith('!!'));
    assert.deepEqual(failing, [], `below the accuracy bar:\n${problems.join('\n')}`);
  });
});
