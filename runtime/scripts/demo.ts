// `npm run demo`: the whole story in one command — lint the broken consumer, show the fix, then
// measure the broken and the corrected forwarder side by side on a real nsqd and HTTPS sink.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { CleanupOnExit } from '../src/bench/cleanup-on-exit.js';
import { FlagError } from '../src/bench/flag-values.js';
import { runForwarder, type ForwardRunResult } from '../src/bench/forward-run.js';
import { RUNTIME_ROOT } from '../src/bench/forwarder-command.js';
import { keyByMessageId } from '../src/bench/message-bodies.js';
import { DEMO_USAGE, parseDemoOptions, type DemoOptions } from '../src/demo/demo-options.js';
import { compareRuns, demoChartSvg, demoTable, demoVerdict, type DemoJson } from '../src/demo/demo-report.js';
import { lintExamples } from '../src/demo/lint-examples.js';
import { startNsqd } from '../src/harness/nsqd.js';
import { formatCount, formatRate } from '../src/report/format.js';
import { describeMachine } from '../src/report/machine.js';
import { createProgress } from '../src/report/progress-bar.js';
import { paint, paintDiff } from '../src/report/terminal-style.js';
import { renderTextTable } from '../src/report/text-table.js';
import { generateCertificates } from '../src/sink/certificates.js';
import { startHttpsSink } from '../src/sink/https-sink.js';

const REPO_ROOT = resolve(RUNTIME_ROOT, '..');
const out = (text = ''): void => void process.stdout.write(`${text}\n`);
const heading = (text: string): void => out(`\n${paint('bold', text)}\n`);

async function showLint(): Promise<void> {
  const examplesDir = join(RUNTIME_ROOT, 'examples');
  heading(`1. Lint ${relative(REPO_ROOT, examplesDir)}/ with eslint-plugin-keepalive (stylish output)`);
  const report = await lintExamples({ repoRoot: REPO_ROOT, examplesDir });
  out(report.stylish.trimEnd());
  for (const file of report.cleanFiles) out(`${paint('green', '✔')} ${file}: no problems (the corrected consumer)`);

  heading('2. The corrected version: the rules’ suggestions applied');
  for (const correction of report.corrections) {
    out(paint('bold', correction.file));
    for (const line of correction.applied) out(`  • ${line}`);
    for (const line of correction.skipped) out(paint('yellow', `  ◦ ${line}`));
    out();
    out(correction.diff === '' ? '  (no suggestion changes this file)' : paintDiff(correction.diff).trimEnd());
    if (correction.remaining.length > 0) {
      out(`  still to fix by hand (no safe suggestion): ${correction.remaining.join('; ')}`);
    }
    out();
  }
  if (report.cleanFiles.length > 0) {
    out(`The hand-written fix of the consumer, every finding resolved: ${report.cleanFiles.join(', ')}`);
  }
}

async function showForwarding(options: DemoOptions, cleanup: CleanupOnExit): Promise<void> {
  heading(
    `3. Forward ${formatCount(options.messages)} messages from a real nsqd to a local HTTPS sink: ` +
      `naive (the incident) vs shared (the fix)`,
  );
  const certificates = await generateCertificates();
  cleanup.add('certificates', () => rm(certificates.dir, { recursive: true, force: true }));
  const nsqd = await startNsqd();
  cleanup.add('nsqd', () => nsqd.stop());
  const sink = await startHttpsSink({
    certificates,
    latencyMs: options.sinkLatencyMs,
    responseBytes: options.responseBytes,
    keyOf: keyByMessageId,
  });
  cleanup.add('HTTPS sink', () => sink.close());
  out(
    `nsqd ${nsqd.tcpAddress} · sink ${sink.url} (CA made for this run, ${options.sinkLatencyMs} ms latency, ` +
      `${formatCount(options.responseBytes)}-byte responses) · max-in-flight ${options.maxInFlight}`,
  );
  out(
    paint(
      'yellow',
      'naive reproduces the incident on purpose: a new client per message, responses closed unread. The ' +
        `${formatCount(options.responseBytes)}-byte responses are larger than the stream buffers, so an unread ` +
        'body cannot be absorbed and its connection can never be reused.',
    ),
  );

  const runs: ForwardRunResult[] = [];
  const stamp = Date.now().toString(36);
  for (const kind of ['naive', 'shared'] as const) {
    const progress = createProgress({
      label: kind.padEnd(6),
      total: options.messages,
      ...(options.progress === undefined ? {} : { interactive: options.progress }),
    });
    const result = await runForwarder(
      { runId: `demo-${stamp}-${kind}`, kind, messages: options.messages, maxInFlight: options.maxInFlight },
      { nsqd, sink, certificates, cleanup, onProgress: (delivered) => progress.update(delivered) },
    );
    progress.update(result.delivered);
    progress.finish(`${formatRate(result.messagesPerSecond)} msg/s, ${formatCount(result.connections)} connections`);
    runs.push(result);
  }
  const [naive, shared] = runs as [ForwardRunResult, ForwardRunResult];

  out();
  out(renderTextTable(demoTable(runs)));
  out();
  for (const line of demoVerdict(naive, shared, options)) out(line);
  if (runs.some((run) => run.summary?.latencyP50Ms === undefined)) {
    out(paint('dim', 'p50/p99 forward latency: n/a where the forwarder printed no latency summary.'));
  } else if (runs.some((run) => run.summary?.latencySource === 'histogram')) {
    out(paint('dim', 'p50/p99 forward latency: estimated from the forwarder\'s latency histogram buckets (5, 10, 25, 50, 100 ms, …).'));
  }

  const machine = describeMachine();
  if (machine.loadAverage > machine.cpuCount) {
    out(paint('yellow', `The machine is busy (load average ${machine.loadAverage.toFixed(1)} on ${machine.cpuCount} cores): expect lower, noisier numbers.`));
  }
  const json: DemoJson = {
    kind: 'keepalive-demo',
    generatedAt: new Date().toISOString(),
    machine,
    settings: {
      messages: options.messages,
      maxInFlight: options.maxInFlight,
      sinkLatencyMs: options.sinkLatencyMs,
      responseBytes: options.responseBytes,
    },
    runs,
    comparison: compareRuns(naive, shared),
  };
  await mkdir(options.outputDir, { recursive: true });
  const jsonPath = join(options.outputDir, 'demo.json');
  const svgPath = join(options.outputDir, 'demo.svg');
  await writeFile(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(svgPath, demoChartSvg(json));
  out(`\nWrote ${relative(process.cwd(), jsonPath)} and ${relative(process.cwd(), svgPath)}`);
}

async function main(): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoOptions(process.argv.slice(2), join(REPO_ROOT, 'demo-output'));
  } catch (error) {
    if (error instanceof FlagError) {
      process.stderr.write(`demo: ${error.message}\n(npm run demo -- --help lists the flags)\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    out(DEMO_USAGE);
    return 0;
  }
  const cleanup = new CleanupOnExit();
  cleanup.exitOnSignals();
  try {
    if (options.lint) await showLint();
    if (options.forward) await showForwarding(options, cleanup);
    return 0;
  } catch (error) {
    process.stderr.write(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await cleanup.runAll();
  }
}

process.exitCode = await main();
