/**
 * Scores the built plugin against the labelled corpus in test/corpus/: every line that must be
 * reported ends with `// expect: <rule>[, <rule>]`; every other line must stay silent. Lints a copy of
 * the corpus on disk (real file paths, workspace packages linked into `node_modules`, so that rules
 * can follow imports into other modules) with the real ESLint, @typescript-eslint/parser and
 * `configs.all`. Scores single-file cases (files outside `projects/`) and multi-file cases (the
 * mini-projects under `projects/`) separately, and fails when a rule's precision is below 0.95 or its
 * recall below 0.90 in either, printing each false positive and false negative with its file:line so
 * that a failure says what to fix.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import { copyCorpus, expectedRulesByLine, PROJECTS_DIR } from './support/corpus-copy';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;
const PREFIX = 'keepalive/';

const repoRoot = dirname(__dirname);
const requireFromRoot = createRequire(join(repoRoot, 'package.json'));

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
}

type CaseKind = 'single-file' | 'multi-file';

const keyOf = (finding: Finding) => `${finding.file}:${finding.line}:${finding.rule}`;
const kindOf = (file: string): CaseKind => (file.startsWith(`${PROJECTS_DIR}/`) ? 'multi-file' : 'single-file');

function loadBuiltPlugin(): { rules: Record<string, unknown>; configs: { all: Linter.Config } } {
  const entry = join(repoRoot, 'eslint-plugin', 'dist', 'index.js');
  if (!existsSync(entry)) {
    assert.fail(`The built plugin is missing (${entry}). Run \`npm run build -w eslint-plugin-keepalive\` first.`);
  }
  return requireFromRoot('eslint-plugin-keepalive') as { rules: Record<string, unknown>; configs: { all: Linter.Config } };
}

async function lintCorpus(plugin: ReturnType<typeof loadBuiltPlugin>, cwd: string): Promise<ESLint.LintResult[]> {
  const tsParser = requireFromRoot('@typescript-eslint/parser') as Linter.Parser;
  const eslint = new ESLint({
    cwd,
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

/** What linting the corpus produced, keyed by file path relative to the corpus (with `/`). */
interface CorpusRun {
  readonly ruleNames: string[];
  readonly files: string[];
  readonly expected: Map<string, Finding>;
  readonly actual: Map<string, Finding>;
  readonly crashes: Array<{ file: string; text: string }>;
  readonly sources: Map<string, string[]>;
}

async function runCorpus(cwd: string): Promise<CorpusRun> {
  const plugin = loadBuiltPlugin();
  const ruleNames = Object.keys(plugin.rules);
  const results = await lintCorpus(plugin, cwd);
  const run: CorpusRun = { ruleNames, files: [], expected: new Map(), actual: new Map(), crashes: [], sources: new Map() };
  for (const result of results) {
    const file = relative(cwd, result.filePath).split(sep).join('/');
    const text = readFileSync(result.filePath, 'utf8');
    run.files.push(file);
    run.sources.set(file, text.split('\n'));
    for (const { line, rule } of expectedRulesByLine(text)) {
      assert.ok(ruleNames.includes(rule), `${file}:${line}: unknown rule id "${rule}" in an expect comment`);
      const finding = { file, line, rule };
      run.expected.set(keyOf(finding), finding);
    }
    for (const message of result.messages) {
      if (message.fatal || message.ruleId === null || !message.ruleId.startsWith(PREFIX)) {
        run.crashes.push({ file, text: `${file}:${message.line}: ${message.ruleId ?? 'fatal'}: ${message.message}` });
        continue;
      }
      const finding = { file, line: message.line, rule: message.ruleId.slice(PREFIX.length) };
      run.actual.set(keyOf(finding), finding);
    }
  }
  return run;
}

interface Score {
  readonly report: string;
  readonly failing: string[];
  readonly crashes: string[];
  readonly expectedCount: number;
  readonly fileCount: number;
}

/** Precision and recall per rule over the files of one kind, with every FP and FN listed. */
function score(run: CorpusRun, kind: CaseKind): Score {
  const ofKind = (finding: Finding) => kindOf(finding.file) === kind;
  const expected = [...run.expected.values()].filter(ofKind);
  const actual = [...run.actual.values()].filter(ofKind);
  const sourceLine = (finding: Finding) => run.sources.get(finding.file)?.[finding.line - 1]?.trim() ?? '';
  const fileCount = run.files.filter((file) => kindOf(file) === kind).length;

  const rows = [
    `${kind} cases: ${fileCount} files, ${expected.length} expected findings`,
    'rule                    expected  reported  TP  FP  FN  precision  recall',
  ];
  const details: string[] = [];
  const failing: string[] = [];
  for (const rule of run.ruleNames) {
    const wanted = expected.filter((finding) => finding.rule === rule);
    const got = actual.filter((finding) => finding.rule === rule);
    const falsePositives = got.filter((finding) => !run.expected.has(keyOf(finding)));
    const falseNegatives = wanted.filter((finding) => !run.actual.has(keyOf(finding)));
    const truePositives = got.length - falsePositives.length;
    const precision = ratio(truePositives, got.length);
    const recall = ratio(truePositives, wanted.length);
    rows.push(
      `${rule.padEnd(24)}${String(wanted.length).padStart(8)}${String(got.length).padStart(10)}` +
        `${String(truePositives).padStart(4)}${String(falsePositives.length).padStart(4)}` +
        `${String(falseNegatives.length).padStart(4)}${precision.toFixed(3).padStart(11)}${recall.toFixed(3).padStart(8)}`,
    );
    for (const finding of falsePositives) details.push(`FP ${rule} ${finding.file}:${finding.line}  ${sourceLine(finding)}`);
    for (const finding of falseNegatives) details.push(`FN ${rule} ${finding.file}:${finding.line}  ${sourceLine(finding)}`);
    if (precision < MIN_PRECISION || recall < MIN_RECALL) {
      failing.push(`${kind} ${rule}: precision ${precision.toFixed(3)} (min ${MIN_PRECISION}), recall ${recall.toFixed(3)} (min ${MIN_RECALL})`);
    }
  }
  const crashes = run.crashes.filter((crash) => kindOf(crash.file) === kind).map((crash) => crash.text);
  const report = [...rows, ...(details.length ? ['', ...details] : []), ...(crashes.length ? ['', ...crashes] : [])].join('\n');
  return { report, failing, crashes, expectedCount: expected.length, fileCount };
}

describe('labelled corpus accuracy (test/corpus)', () => {
  let workDir = '';
  let run: CorpusRun;

  before(async () => {
    workDir = copyCorpus('keepalive-corpus-');
    run = await runCorpus(workDir);
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it(`single-file cases: every rule reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} without crashes`, () => {
    const result = score(run, 'single-file');
    console.log(`\n${result.report}\n`);
    assert.ok(result.fileCount >= 25, `expected at least 25 single-file corpus files, linted ${result.fileCount}`);
    assert.deepEqual(result.crashes, [], 'no fatal messages or rule crashes');
    assert.deepEqual(result.failing, [], `below the accuracy bar:\n${result.report}`);
  });

  it(`multi-file cases (${PROJECTS_DIR}/): every rule reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} without crashes`, () => {
    const result = score(run, 'multi-file');
    console.log(`\n${result.report}\n`);
    const projects = new Set(run.files.filter((file) => kindOf(file) === 'multi-file').map((file) => file.split('/')[1]));
    assert.ok(projects.size >= 14, `expected at least 14 mini-projects under ${PROJECTS_DIR}/, found ${projects.size}`);
    assert.ok(result.expectedCount >= 25, `expected at least 25 labelled multi-file findings, found ${result.expectedCount}`);
    assert.deepEqual(result.crashes, [], 'no fatal messages or rule crashes');
    assert.deepEqual(result.failing, [], `below the accuracy bar:\n${result.report}`);
  });
});
