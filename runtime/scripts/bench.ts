// `npm run bench`: keepalive-nsq (shared and naive) against nsq's own nsq_to_http on the same nsqd
// and HTTPS sink, same max-in-flight, repeated runs, medians, ratios and goals.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseBenchOptions, BENCH_USAGE, type BenchOptions } from '../src/bench/bench-options.js';
import { renderBenchMarkdown, renderBenchSvg, type BenchJson } from '../src/bench/bench-report.js';
import { evaluateGoals, summarizeRuns, type BenchRun } from '../src/bench/bench-summary.js';
import { CleanupOnExit } from '../src/bench/cleanup-on-exit.js';
import { FlagError } from '../src/bench/flag-values.js';
import { runForwarder } from '../src/bench/forward-run.js';
import { RUNTIME_ROOT } from '../src/bench/forwarder-command.js';
import { keyByMessageId } from '../src/bench/message-bodies.js';
import { readExtensionBenchmark, readLintBenchmark } from '../src/bench/side-benchmarks.js';
import { startNsqd } from '../src/harness/nsqd.js';
import { formatCount, formatRate } from '../src/report/format.js';
import { describeMachine } from '../src/report/machine.js';
import { createProgress } from '../src/report/progress-bar.js';
import { generateCertificates } from '../src/sink/certificates.js';
import { startHttpsSink } from '../src/sink/https-sink.js';

const REPO_ROOT = resolve(RUNTIME_ROOT, '..');
const SIDE_RESULTS_DIR = join(REPO_ROOT, 'bench-results');
const out = (text = ''): void => void process.stdout.write(`${text}\n`);

/** Rotates the forwarder order each repetition so no forwarder always runs first (warm caches, page cache). */
function orderFor<T>(items: readonly T[], repetition: number): T[] {
  const shift = (repetition - 1) % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function runBenchmarks(options: BenchOptions, cleanup: CleanupOnExit): Promise<BenchRun[]> {
  const certificates = await generateCertificates();
  cleanup.add('certificates', () => rm(certificates.dir, { recursive: true, force: true }));
  const nsqd = await startNsqd();
  cleanup.add('nsqd', () => nsqd.stop());
  const sink = await startHttpsSink({ certificates, responseBytes: options.responseBytes, keyOf: keyByMessageId });
  cleanup.add('HTTPS sink', () => sink.close());
  out(`nsqd ${nsqd.tcpAddress} · sink ${sink.url} · ${formatCount(options.messages)} messages per run, max-in-flight ${options.maxInFlight}`);

  const runs: BenchRun[] = [];
  const stamp = Date.now().toString(36);
  for (const sinkLatencyMs of options.sinkLatenciesMs) {
    // One sink for every run; its latency is a responder stall so the server itself never changes.
    sink.setResponder(sinkLatencyMs === 0 ? undefined : () => ({ stallMs: sinkLatencyMs }));
    for (let repetition = 1; repetition <= options.runs; repetition += 1) {
      for (const kind of orderFor(options.forwarders, repetition)) {
        const label = `${String(sinkLatencyMs).padStart(3)} ms ${kind.padEnd(11)} ${repetition}/${options.runs}`;
        const progress = createProgress({
          label,
          total: options.messages,
          ...(options.progress === undefined ? {} : { interactive: options.progress }),
        });
        const result = await runForwarder(
          { runId: `bench-${stamp}-${sinkLatencyMs}-${kind}-${repetition}`, kind, messages: options.messages, maxInFlight: options.maxInFlight },
          { nsqd, sink, certificates, cleanup, onProgress: (delivered) => progress.update(delivered) },
        );
        progress.update(result.delivered);
        progress.finish(`${formatRate(result.messagesPerSecond)} msg/s, ${formatCount(result.connections)} connections`);
        runs.push({ ...result, sinkLatencyMs, repetition });
      }
    }
  }
  return runs;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2), SIDE_RESULTS_DIR);
  } catch (error) {
    if (error instanceof FlagError) {
      process.stderr.write(`bench: ${error.message}\n(npm run bench -- --help lists the flags)\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    out(BENCH_USAGE);
    return 0;
  }
  const cleanup = new CleanupOnExit();
  cleanup.exitOnSignals();
  try {
    const runs = await runBenchmarks(options, cleanup);
    await cleanup.runAll();
    const medians = summarizeRuns(runs);
    const json: BenchJson = {
      kind: 'keepalive-bench',
      generatedAt: new Date().toISOString(),
      machine: describeMachine(),
      settings: {
        messages: options.messages,
        maxInFlight: options.maxInFlight,
        runs: options.runs,
        sinkLatenciesMs: options.sinkLatenciesMs,
        responseBytes: options.responseBytes,
      },
      medians,
      goals: evaluateGoals(medians, options.maxInFlight),
      runs,
      lint: await readLintBenchmark(join(SIDE_RESULTS_DIR, 'lint.json'), 'bench-results/lint.json'),
      extension: await readExtensionBenchmark(join(SIDE_RESULTS_DIR, 'extension.json'), 'bench-results/extension.json'),
    };
    const markdown = renderBenchMarkdown(json);
    await mkdir(options.outputDir, { recursive: true });
    const files = {
      'bench.md': markdown,
      'bench.json': `${JSON.stringify(json, null, 2)}\n`,
      'bench.svg': renderBenchSvg(json),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(options.outputDir, name), content);
    out();
    out(markdown);
    out(`Wrote ${Object.keys(files).map((name) => relative(process.cwd(), join(options.outputDir, name))).join(', ')}`);
    return 0;
  } catch (error) {
    process.stderr.write(`\nbench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await cleanup.runAll();
  }
}

process.exitCode = await main();
