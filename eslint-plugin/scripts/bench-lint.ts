/**
 * `npm run bench:lint`: what the keepalive rules add to ESLint's time on the real-world corpus.
 *
 * For every file of a deterministic sample of the corpus (`--sample N` files, default 1500; `--all`
 * for every file), ESLint (same Linter, same @typescript-eslint/parser, parsing included) lints the
 * file once with no rules and once with all keepalive rules, alternating which goes first; `--runs R`
 * repetitions (default 3) after a warm-up. The ratio of the summed times is printed (goal <= 1.10)
 * and written to bench-results/lint.json at the repository root.
 *
 * The scaling case then lints generated service code of 5,000, 10,000, 20,000 and 40,000 lines the
 * same way (with and without rules, interleaved, CPU time, fastest of the runs) and prints, per size,
 * the time per line with rules, the time per line the rules add (with minus without) and the ratio.
 * Lint time with the rules must grow linearly with the file: its time per line must stay within
 * ±20 % of the 5,000-line value. How ESLint's own time per line (no rules) and the time per line the
 * rules add move over the same range are printed beside it: ESLint alone varies with the heap
 * (garbage collection), and the rules' share shows whether their own cost stays linear.
 * `--scaling-only` runs just this case, `--no-scaling` skips it.
 *
 * The hosts case (host-comparison.ts) times oxlint's and ESLint's CLIs with the rules on the same
 * sample; `--no-hosts` skips it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Linter } from 'eslint';
import {
  collectCorpus,
  configFor,
  ensureInstalled,
  loadBuiltPlugin,
  loadLinter,
  readPackageList,
  REPO_ROOT,
  type CorpusFile,
} from './realworld-corpus';
import { generatedSource } from './generated-source';
import { benchHosts } from './host-comparison';

const GOAL = 1.1;
const WARMUP_FILES = 200;
const SCALING_SIZES = [5_000, 10_000, 20_000, 40_000];
/** Largest allowed deviation of a size's time per line from the smallest size's. */
const SCALING_TOLERANCE = 0.2;

interface Args {
  sample: number | 'all';
  runs: number;
  realWorld: boolean;
  scaling: boolean;
  hosts: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sample: 1500, runs: 3, realWorld: true, scaling: true, hosts: true };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--all') args.sample = 'all';
    else if (arg === '--scaling-only') {
      args.realWorld = false;
      args.hosts = false;
    } else if (arg === '--no-hosts') args.hosts = false;
    else if (arg === '--no-scaling') args.scaling = false;
    else if (arg === '--sample' || arg === '--runs') {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer`);
      if (arg === '--sample') args.sample = value;
      else args.runs = value;
    } else {
      throw new Error(
        `unknown argument ${arg} (accepted: --sample N, --all, --runs N, --scaling-only, --no-scaling, --no-hosts)`,
      );
    }
  }
  return args;
}

/** Every k-th file, so the sample spreads over all packages in a stable order. */
function sampleOf(files: readonly CorpusFile[], size: number | 'all'): CorpusFile[] {
  if (size === 'all' || size >= files.length) return [...files];
  const step = files.length / size;
  return Array.from({ length: size }, (_, index) => files[Math.floor(index * step)]).filter(
    (file): file is CorpusFile => file !== undefined,
  );
}

type LintTimer = (text: string, configs: Linter.Config[], path: string) => number;

function timerFor(linter: Linter): LintTimer {
  return (text, configs, path) => {
    const started = performance.now();
    linter.verify(text, configs, path);
    return performance.now() - started;
  };
}

/**
 * CPU time of this process (user + system, garbage collection threads included) rather than wall
 * time: on a shared machine other processes stretch wall time by whole seconds at random, which
 * hides how the cost grows with the file.
 */
function cpuTimerFor(linter: Linter): LintTimer {
  return (text, configs, path) => {
    const started = process.cpuUsage();
    linter.verify(text, configs, path);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const modules = ensureInstalled(readPackageList(), log);
  const plugin = loadBuiltPlugin();
  const { Linter: ESLintLinter, parser } = loadLinter();

  const outDir = join(REPO_ROOT, 'bench-results');
  const outFile = join(outDir, 'lint.json');
  // A partial run (`--scaling-only`, `--no-scaling`) keeps the other part of the previous results.
  let result: Record<string, unknown> = {};
  try {
    result = JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, unknown>;
  } catch {
    result = {};
  }
  if (args.realWorld) {
    const linter = new ESLintLinter({ configType: 'flat', cwd: modules });
    result = { ...benchRealWorld(args, modules, plugin, parser, timerFor(linter), log), hosts: result.hosts, scaling: result.scaling };
  }
  if (args.hosts) {
    result.hosts = benchHosts(sampleOf(collectCorpus(modules).files, args.sample), modules, Math.min(args.runs, 2), log);
  }
  if (args.scaling) {
    result.scaling = benchScaling(args.runs, plugin, parser, ESLintLinter, log);
  }
  result.machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  log(`written to ${outFile}`);
}

function benchRealWorld(
  args: Args,
  modules: string,
  plugin: ReturnType<typeof loadBuiltPlugin>,
  parser: Linter.Parser,
  lintOnce: LintTimer,
  log: (line: string) => void,
): Record<string, unknown> {
  const corpus = collectCorpus(modules);
  const files = sampleOf(corpus.files, args.sample);
  const texts = files.map((file) => readFileSync(file.path, 'utf8'));
  const withRules = files.map((file) => configFor(file, parser, plugin.configs.all));
  const withoutRules = files.map((file) => configFor(file, parser, undefined));
  const lintFile = (index: number, configs: Linter.Config[][]): number =>
    lintOnce(texts[index] ?? '', configs[index] ?? [], files[index]?.path ?? '');

  log(`bench:lint: ${files.length} of ${corpus.files.length} corpus files, ${args.runs} interleaved runs`);
  for (let index = 0; index < Math.min(WARMUP_FILES, files.length); index++) {
    lintFile(index, withoutRules);
    lintFile(index, withRules);
  }

  let withRulesMs = 0;
  let baselineMs = 0;
  const perRun: { withRulesMs: number; baselineMs: number; ratio: number }[] = [];
  for (let run = 0; run < args.runs; run++) {
    let runWith = 0;
    let runWithout = 0;
    for (let index = 0; index < files.length; index++) {
      // Alternate the order so that neither side always runs on a warm cache.
      if ((index + run) % 2 === 0) {
        runWithout += lintFile(index, withoutRules);
        runWith += lintFile(index, withRules);
      } else {
        runWith += lintFile(index, withRules);
        runWithout += lintFile(index, withoutRules);
      }
    }
    perRun.push({ withRulesMs: Math.round(runWith), baselineMs: Math.round(runWithout), ratio: round(runWith / runWithout) });
    log(`  run ${run + 1}: with rules ${runWith.toFixed(0)} ms, no rules ${runWithout.toFixed(0)} ms, ratio ${(runWith / runWithout).toFixed(3)}`);
    withRulesMs += runWith;
    baselineMs += runWithout;
  }

  const ratio = round(withRulesMs / baselineMs);
  log(`ESLint time with keepalive rules / without: ${ratio.toFixed(3)} (goal <= ${GOAL}) ${ratio <= GOAL ? 'MET' : 'NOT MET'}`);
  return {
    ratio,
    goal: GOAL,
    withRulesMs: Math.round(withRulesMs),
    baselineMs: Math.round(baselineMs),
    files: files.length,
    corpusFiles: corpus.files.length,
    runs: args.runs,
    perRun,
    rules: Object.keys(plugin.rules),
    parser: '@typescript-eslint/parser',
    measuredAt: new Date().toISOString(),
  };
}

interface ScalingRow {
  lines: number;
  withRulesMs: number;
  baselineMs: number;
  /** Microseconds per line with the rules on. */
  usPerLine: number;
  /** Microseconds per line the rules add (with minus without). */
  rulesUsPerLine: number;
  ratio: number;
  findings: number;
}

/**
 * Lints generated files of every size in SCALING_SIZES with and without the rules (order alternating,
 * `runs` runs after a warm-up, fastest run per size) and checks that the time per line stays flat.
 */
function benchScaling(
  runs: number,
  plugin: ReturnType<typeof loadBuiltPlugin>,
  parser: Linter.Parser,
  ESLintLinter: typeof Linter,
  log: (line: string) => void,
): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-bench-'));
  const linter = new ESLintLinter({ configType: 'flat', cwd: dir });
  // A Linter keeps the SourceCode of the last file it linted (AST, tokens, scopes): with one Linter
  // for every lint, the 40,000-line lint would run with the previous 40,000-line file still in the
  // heap, and garbage collection would grow with the previous file too. A fresh Linter per lint
  // leaves that one collectable, so each lint starts from the same heap.
  const lintOnce: LintTimer = (text, configs, path) => cpuTimerFor(new ESLintLinter({ configType: 'flat', cwd: dir }))(text, configs, path);
  try {
    const cases = SCALING_SIZES.map((size) => {
      const text = generatedSource(size);
      const path = join(dir, `service-${size}.ts`);
      writeFileSync(path, text);
      const file: CorpusFile = { path, relativePath: `service-${size}.ts`, packageName: 'generated' };
      return {
        lines: text.split('\n').length,
        text,
        path,
        withRules: configFor(file, parser, plugin.configs.all),
        withoutRules: configFor(file, parser, undefined),
      };
    });
    log(`bench:lint scaling: generated files of ${cases.map((c) => c.lines).join(', ')} lines, ${runs} interleaved runs`);
    for (const entry of cases) {
      lintOnce(entry.text, entry.withoutRules, entry.path);
      lintOnce(entry.text, entry.withRules, entry.path);
    }
    const times = cases.map(() => ({ with: [] as number[], without: [] as number[] }));
    for (let run = 0; run < runs; run++) {
      cases.forEach((entry, index) => {
        const slot = times[index];
        if (!slot) return;
        if ((index + run) % 2 === 0) {
          slot.without.push(lintOnce(entry.text, entry.withoutRules, entry.path));
          slot.with.push(lintOnce(entry.text, entry.withRules, entry.path));
        } else {
          slot.with.push(lintOnce(entry.text, entry.withRules, entry.path));
          slot.without.push(lintOnce(entry.text, entry.withoutRules, entry.path));
        }
      });
    }
    const rows: ScalingRow[] = cases.map((entry, index) => {
      // The fastest run: the one least disturbed by other processes, as growth with size is the question.
      const withRulesMs = Math.min(...(times[index]?.with ?? []));
      const baselineMs = Math.min(...(times[index]?.without ?? []));
      const findings = linter.verify(entry.text, entry.withRules, entry.path).length;
      return {
        lines: entry.lines,
        withRulesMs: Math.round(withRulesMs),
        baselineMs: Math.round(baselineMs),
        usPerLine: round((withRulesMs * 1000) / entry.lines),
        rulesUsPerLine: round(((withRulesMs - baselineMs) * 1000) / entry.lines),
        ratio: round(withRulesMs / baselineMs),
        findings,
      };
    });
    const deviationFromFirst = (perLine: (row: ScalingRow) => number): number => {
      const reference = rows[0] ? perLine(rows[0]) : 0;
      return Math.max(...rows.map((row) => Math.abs(perLine(row) / reference - 1)));
    };
    const deviation = deviationFromFirst((row) => row.usPerLine);
    const eslintDeviation = deviationFromFirst((row) => (row.baselineMs * 1000) / row.lines);
    const rulesDeviation = deviationFromFirst((row) => row.rulesUsPerLine);
    const flat = deviation <= SCALING_TOLERANCE;
    log('     lines   with rules   no rules   µs/line (rules)   added by rules   ratio   findings');
    for (const row of rows) {
      log(
        `  ${String(row.lines).padStart(8)}   ${`${row.withRulesMs} ms`.padStart(10)}   ${`${row.baselineMs} ms`.padStart(8)}` +
          `   ${row.usPerLine.toFixed(1).padStart(15)}   ${`${row.rulesUsPerLine.toFixed(1)} µs`.padStart(14)}` +
          `   ${row.ratio.toFixed(2).padStart(5)}   ${String(row.findings).padStart(8)}`,
      );
    }
    const first = rows[0]?.lines ?? 0;
    log(
      `time per line with rules deviates at most ${(deviation * 100).toFixed(1)} % from the ${first}-line file ` +
        `(goal ±${SCALING_TOLERANCE * 100} %): ${flat ? 'MET' : 'NOT MET'}`,
    );
    log(
      `  over the same range: ESLint alone (no rules) ${(eslintDeviation * 100).toFixed(1)} %, ` +
        `the time per line the rules add ${(rulesDeviation * 100).toFixed(1)} %`,
    );
    return {
      rows,
      maxDeviation: round(deviation),
      eslintAloneMaxDeviation: round(eslintDeviation),
      rulesAddedMaxDeviation: round(rulesDeviation),
      tolerance: SCALING_TOLERANCE,
      flat,
      runs,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main();
