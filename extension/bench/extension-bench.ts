/**
 * `npm run bench:extension`: the extension's lint of a ~3,000-line TypeScript file (LintEngine, the
 * code the lint worker runs, in-process) against the bare parse of the same text with the same
 * parser and options (@typescript-eslint/parser `parseForESLint`, which ESLint calls), interleaved in
 * the same run. Each repetition edits the text (a trailing comment) so the lint cache misses, as after
 * a keystroke; a final lint of an unchanged text shows the cache. `ratio` is the median of the
 * per-round ratios (each round measures both back to back, so load from other processes on a shared
 * machine mostly cancels); medians and minimums of the times are reported beside it.
 * Writes bench-results/extension.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { LintEngine } from '../src/lint-engine';
import { readSettings } from '../src/settings';
import { generateBenchSource } from './generate-source';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 15);
const WARMUP = 3;
const FILENAME = 'forwarder.ts';
const GOAL = 1.15;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const source = generateBenchSource();
const lines = source.split('\n').length;
const engine = new LintEngine();
const ruleNames = engine.rules().map((rule) => rule.ruleId.replace(/^keepalive\//, ''));
const options = readSettings(() => undefined, ruleNames).settings.lint;
/** Every rule off: what ESLint itself adds to the parse (traversal, code-path analysis, directives). */
const allOff = Object.fromEntries(ruleNames.map((name) => [name, 'off']));
const rulesOff = readSettings((key) => (key === 'rules' ? allOff : undefined), ruleNames).settings.lint;

function parseOnce(text: string): number {
  const started = performance.now();
  parser.parseForESLint(text, {
    filePath: FILENAME,
    ecmaVersion: 'latest',
    sourceType: 'module',
    ecmaFeatures: { jsx: true },
  });
  return performance.now() - started;
}

function lintOnce(text: string, lintOptions = options): { ms: number; findings: number; fromCache: boolean } {
  const started = performance.now();
  const result = engine.lint({ filename: FILENAME, text, options: lintOptions });
  if (result.problem) throw new Error(`benchmark source did not lint: ${result.problem.message}`);
  return { ms: performance.now() - started, findings: result.findings.length, fromCache: result.fromCache };
}

const parseTimes: number[] = [];
const lintTimes: number[] = [];
const coreTimes: number[] = [];
/** lint ÷ parse of the same round: measured back to back, so load from other processes mostly cancels. */
const roundRatios: number[] = [];
let findings = 0;
for (let round = 0; round < WARMUP + REPETITIONS; round++) {
  const text = `${source}// edit ${round}\n`;
  // Rotate the order so no measurement always runs first (or last) in a round.
  const measurements: Record<'parse' | 'lint' | 'core', () => void> = {
    parse: () => parseTimes.push(parseOnce(text)),
    lint: () => {
      const lint = lintOnce(text);
      if (lint.fromCache) throw new Error('an edited text was served from the cache');
      findings = lint.findings;
      lintTimes.push(lint.ms);
    },
    core: () => coreTimes.push(lintOnce(text, rulesOff).ms),
  };
  const order = (['parse', 'lint', 'core'] as const).map((_, i, all) => all[(i + round) % all.length] as 'parse' | 'lint' | 'core');
  for (const name of order) measurements[name]();
  if (round < WARMUP) {
    parseTimes.pop();
    lintTimes.pop();
    coreTimes.pop();
  } else {
    roundRatios.push((lintTimes.at(-1) as number) / (parseTimes.at(-1) as number));
  }
}

const unchanged = `${source}// unchanged\n`;
lintOnce(unchanged);
const cached = lintOnce(unchanged);
if (!cached.fromCache) throw new Error('the second lint of an unchanged text was not served from the cache');

const parseMs = median(parseTimes);
const coreMs = median(coreTimes);
const lintMs = median(lintTimes);
const ratio = median(roundRatios);
const report = {
  ratio: Number(ratio.toFixed(3)),
  lintMs: Number(lintMs.toFixed(1)),
  parseMs: Number(parseMs.toFixed(1)),
  cachedMs: Number(cached.ms.toFixed(3)),
  lines,
  findings,
  /** Lint with every rule off: parse plus ESLint's own traversal, code-path analysis and directives. */
  eslintCoreMs: Number(coreMs.toFixed(1)),
  coreRatio: Number((coreMs / parseMs).toFixed(3)),
  repetitions: REPETITIONS,
  minLintMs: Number(Math.min(...lintTimes).toFixed(1)),
  minParseMs: Number(Math.min(...parseTimes).toFixed(1)),
  ratioOfMinimums: Number((Math.min(...lintTimes) / Math.min(...parseTimes)).toFixed(3)),
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  goal: GOAL,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
};
const outDir = join(__dirname, '..', '..', 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'extension.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `extension lint of ${lines} lines: ${lintMs.toFixed(1)} ms vs bare parse ${parseMs.toFixed(1)} ms → ratio ${ratio.toFixed(3)} (goal ≤ ${GOAL}); ` +
    `ESLint with every rule off ${coreMs.toFixed(1)} ms (${(coreMs / parseMs).toFixed(3)} × parse) ` +
    `(median of per-round ratios; minimums ${Math.min(...lintTimes).toFixed(1)} / ${Math.min(...parseTimes).toFixed(1)} ms); cached re-lint ${cached.ms.toFixed(3)} ms; ${findings} findings; median of ${REPETITIONS}`,
);
console.log(JSON.stringify(report));
