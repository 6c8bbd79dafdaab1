// `npm run bench`: keepalive-nsq (shared and naive) against nsq's own nsq_to_http on the same nsqd
// and HTTPS sink, same max-in-flight, repeated runs, medians, ratios and goals; at the sink's own
// latencies and through WAN latency (Toxiproxy) between forwarder and sink.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseBenchOptions, BENCH_USAGE, type BenchOptions } from '../rig/bench/bench-options.js';
import { renderBenchMarkdown, renderBenchSvg, type BenchJson } from '../rig/bench/bench-report.js';
import { evaluateGoals, summarizeRuns, type BenchRun } from '../rig/bench/bench-summary.js';
import { CleanupOnExit } from '../rig/bench/cleanup-on-exit.js';
import { FlagError } from '../rig/bench/flag-values.js';
import { runForwarder } from '../rig/bench/forward-run.js';
import { RUNTIME_ROOT } from '../rig/bench/forwarder-command.js';
import { readExtensionBenchmark, readLintBenchmark } from '../rig/bench/side-benchmarks.js';
import { startNsqd } from '../rig/harness/nsqd.js';
import { startToxiproxy, type LatencyProxy } from '../rig/harness/toxiproxy.js';
import { formatCount, formatRate } from '../rig/report/format.js';
import { describeMachine } from '../rig/report/machine.js';
import { createProgress } from '../rig/report/progress-bar.js';
import { generateCertificates } from '../rig/sink/certificates.js';
import { startBenchSink } from '../rig/sink/bench-sink.js';

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
  // The Go sink: its latency holds to ~0.1 ms, and it runs outside this process (see bench-sink.ts).
  const sink = await startBenchSink({ certificates, responseBytes: options.responseBytes });
  cleanup.add('HTTPS sink', () => sink.close());
  out(`nsqd ${nsqd.tcpAddress} · sink ${sink.url} · ${formatCount(options.messages)} messages per run, max-in-flight ${options.maxInFlight}`);

  // One Toxiproxy for the WAN rows, in front of the same sink.
  let wan: LatencyProxy | undefined;
  if (options.wanLatenciesMs.length > 0) {
    const toxiproxy = await startToxiproxy();
    cleanup.add('toxiproxy-server', () => toxiproxy.stop());
    wan = await toxiproxy.createLatencyProxy('sink', new URL(sink.url).host, options.wanLatenciesMs[0]!);
    out(`Toxiproxy ${wan.listen} → sink for the WAN row${options.wanLatenciesMs.length === 1 ? '' : 's'} (+${options.wanLatenciesMs.join(', +')} ms each way)`);
  }
  const conditions = [
    ...options.sinkLatenciesMs.map((sinkLatencyMs) => ({ sinkLatencyMs, wanLatencyMs: 0 })),
    ...options.wanLatenciesMs.map((wanLatencyMs) => ({ sinkLatencyMs: 0, wanLatencyMs })),
  ];

  const runs: BenchRun[] = [];
  const stamp = Date.now().toString(36);
  for (const { sinkLatencyMs, wanLatencyMs } of conditions) {
    // One sink for every run, only its latency changes.
    await sink.setLatency(sinkLatencyMs);
    if (wanLatencyMs > 0) await wan?.setLatency(wanLatencyMs);
    const postOrigin = wanLatencyMs > 0 && wan ? `https://${wan.listen}` : sink.url;
    const condition = wanLatencyMs > 0 ? `WAN ${String(wanLatencyMs).padStart(3)}` : `${String(sinkLatencyMs).padStart(3)} ms`;
    for (let repetition = 1; repetition <= options.runs; repetition += 1) {
      for (const kind of orderFor(options.forwarders, repetition)) {
        const label = `${condition} ${kind.padEnd(11)} ${repetition}/${options.runs}`;
        const progress = createProgress({
          label,
          total: options.messages,
          ...(options.progress === undefined ? {} : { interactive: options.progress }),
        });
        const result = await runForwarder(
          {
            runId: `bench-${stamp}-${sinkLatencyMs}-${wanLatencyMs}-${kind}-${repetition}`,
            kind,
            messages: options.messages,
            maxInFlight: options.maxInFlight,
          },
          { nsqd, sink, certificates, cleanup, postOrigin, onProgress: (delivered) => progress.update(delivered) },
        );
        progress.update(result.delivered);
        progress.finish(`${formatRate(result.messagesPerSecond)} msg/s, ${formatCount(result.connections)} connections`);
        runs.push({ ...result, sinkLatencyMs, wanLatencyMs, repetition });
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
        wanLatenciesMs: options.wanLatenciesMs,
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
