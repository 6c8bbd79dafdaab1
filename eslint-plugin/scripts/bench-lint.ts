/**
 * `npm run bench:lint`: what the keepalive rules add to ESLint's time on the real-world corpus.
 *
 * For every file of a deterministic sample of the corpus (`--sample N` files, default 1500; `--all`
 * for every file), ESLint (same Linter, same @typescript-eslint/parser, parsing included) lints the
 * file once with no rules and once with all keepalive rules, alternating which goes first; `--runs R`
 * repetitions (default 3) after a warm-up. The ratio of the summed times is printed (goal <= 1.10)
 * and written to bench-results/lint.json at the repository root.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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

const GOAL = 1.1;
const WARMUP_FILES = 200;

interface Args {
  sample: number | 'all';
  runs: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sample: 1500, runs: 3 };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--all') args.sample = 'all';
    else if (arg === '--sample' || arg === '--runs') {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer`);
      if (arg === '--sample') args.sample = value;
      else args.runs = value;
    } else {
      throw new Error(`unknown argument ${arg} (accepted: --sample N, --all, --runs N)`);
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

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const modules = ensureInstalled(readPackageList(), log);
  const corpus = collectCorpus(modules);
  const files = sampleOf(corpus.files, args.sample);
  const texts = files.map((file) => readFileSync(file.path, 'utf8'));

  const plugin = loadBuiltPlugin();
  const { Linter: ESLintLinter, parser } = loadLinter();
  const linter = new ESLintLinter({ configType: 'flat', cwd: modules });
  const withRules = files.map((file) => configFor(file, parser, plugin.configs.all));
  const withoutRules = files.map((file) => configFor(file, parser, undefined));

  const lintOnce = (index: number, configs: Linter.Config[][]): number => {
    const started = performance.now();
    linter.verify(texts[index] ?? '', configs[index] ?? [], files[index]?.path);
    return performance.now() - started;
  };

  log(`bench:lint: ${files.length} of ${corpus.files.length} corpus files, ${args.runs} interleaved runs`);
  for (let index = 0; index < Math.min(WARMUP_FILES, files.length); index++) {
    lintOnce(index, withoutRules);
    lintOnce(index, withRules);
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
        runWithout += lintOnce(index, withoutRules);
        runWith += lintOnce(index, withRules);
      } else {
        runWith += lintOnce(index, withRules);
        runWithout += lintOnce(index, withoutRules);
      }
    }
    perRun.push({ withRulesMs: Math.round(runWith), baselineMs: Math.round(runWithout), ratio: round(runWith / runWithout) });
    log(`  run ${run + 1}: with rules ${runWith.toFixed(0)} ms, no rules ${runWithout.toFixed(0)} ms, ratio ${(runWith / runWithout).toFixed(3)}`);
    withRulesMs += runWith;
    baselineMs += runWithout;
  }

  const ratio = round(withRulesMs / baselineMs);
  const result = {
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
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
    },
    measuredAt: new Date().toISOString(),
  };
  const outDir = join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'lint.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`ESLint time with keepalive rules / without: ${ratio.toFixed(3)} (goal <= ${GOAL}) ${ratio <= GOAL ? 'MET' : 'NOT MET'}`);
  log(`written to ${join(outDir, 'lint.json')}`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main();
