// `npm run demo`: the whole story in one command — lint the broken consumer, show the fix, then
// reproduce the incident: the broken and the corrected forwarder side by side on a real nsqd, with
// real WAN latency (Toxiproxy) in front of the HTTPS sink.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { CleanupOnExit } from '../rig/bench/cleanup-on-exit.js';
import { FlagError } from '../rig/bench/flag-values.js';
import { RUNTIME_ROOT } from '../rig/bench/forwarder-command.js';
import { keyByMessageId } from '../rig/bench/message-bodies.js';
import { DEMO_USAGE, parseDemoOptions, type DemoOptions } from '../rig/demo/demo-options.js';
import { demoChartSvg, demoTable, demoVerdict, depthTimeline, type DemoJson } from '../rig/demo/demo-report.js';
import { lintExamples } from '../rig/demo/lint-examples.js';
import { runSteady, type SteadyRunResult } from '../rig/demo/steady-run.js';
import { startNsqd } from '../rig/harness/nsqd.js';
import { startToxiproxy } from '../rig/harness/toxiproxy.js';
import { formatBytes, formatCount } from '../rig/report/format.js';
import { describeMachine } from '../rig/report/machine.js';
import { createProgress } from '../rig/report/progress-bar.js';
import { paint, paintDiff } from '../rig/report/terminal-style.js';
import { renderTextTable } from '../rig/report/text-table.js';
import { generateCertificates } from '../rig/sink/certificates.js';
import { startHttpsSink } from '../rig/sink/https-sink.js';

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
    `3. The incident: ${formatCount(options.publishRate)} messages a second from a real nsqd to an HTTPS sink ` +
      `${options.wanLatencyMs} ms away (each way), naive (the incident) vs shared (the fix)`,
  );
  const certificates = await generateCertificates();
  cleanup.add('certificates', () => rm(certificates.dir, { recursive: true, force: true }));
  const nsqd = await startNsqd({ msgTimeoutMs: options.msgTimeoutMs });
  cleanup.add('nsqd', () => nsqd.stop());
  const sink = await startHttpsSink({
    certificates,
    latencyMs: options.sinkLatencyMs,
    responseBytes: options.responseBytes,
    keyOf: keyByMessageId,
  });
  cleanup.add('HTTPS sink', () => sink.close());
  const toxiproxy = await startToxiproxy();
  cleanup.add('toxiproxy-server', () => toxiproxy.stop());
  const wan = await toxiproxy.createLatencyProxy('sink', new URL(sink.url).host, options.wanLatencyMs);
  out(
    `nsqd ${nsqd.tcpAddress} (--msg-timeout ${formatCount(options.msgTimeoutMs)}ms) · sink ${sink.url} (CA made for this run, ` +
      `${options.sinkLatencyMs} ms processing, ${formatBytes(options.responseBytes)} responses) · Toxiproxy ${wan.listen} → sink, ` +
      `+${options.wanLatencyMs} ms each way`,
  );
  out(
    `Both forwarders: max-in-flight ${options.maxInFlight}, -n ${options.handlers} (the seed's consumer had go-nsq's one handler, ` +
      `so messages wait in flight for it), ${formatCount(options.publishRate)} msg/s published for ${options.seconds} s each.`,
  );
  out(
    paint(
      'yellow',
      'naive reproduces the incident on purpose: a new client per message (a TCP + TLS handshake over the WAN each time), ' +
        'responses closed unread, no TOUCH.',
    ),
  );

  const runs: SteadyRunResult[] = [];
  const stamp = Date.now().toString(36);
  for (const kind of ['naive', 'shared'] as const) {
    const progress = createProgress({
      label: kind.padEnd(6),
      total: options.seconds,
      ...(options.progress === undefined ? {} : { interactive: options.progress }),
    });
    const result = await runSteady(
      {
        runId: `demo-${stamp}-${kind}`,
        kind,
        publishRate: options.publishRate,
        seconds: options.seconds,
        maxInFlight: options.maxInFlight,
        handlers: options.handlers,
      },
      {
        nsqd,
        sink,
        certificates,
        cleanup,
        postOrigin: `https://${wan.listen}`,
        onSample: (sample) => progress.update(Math.min(options.seconds, sample.atSeconds)),
      },
    );
    progress.update(options.seconds);
    progress.finish(
      `depth ${formatCount(result.finalDepth)}, ${formatCount(result.timeoutCount)} nsqd timeouts, ` +
        `${formatCount(result.finFailedCount)} E_FIN_FAILED, ${formatCount(result.connections)} connections`,
    );
    runs.push(result);
  }
  const [naive, shared] = runs as [SteadyRunResult, SteadyRunResult];

  out();
  out(renderTextTable(demoTable(runs)));
  out();
  out(renderTextTable(depthTimeline(runs)));
  out();
  for (const line of demoVerdict(naive, shared, options)) out(line);
  for (const run of runs) {
    if (run.finFailedLines.length === 0) continue;
    out();
    out(`nsqd's own log during the ${run.kind} run (${formatCount(run.finFailedCount)} such lines, the first ${run.finFailedLines.length}):`);
    for (const line of run.finFailedLines) out(paint('dim', `  ${line}`));
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
      publishRate: options.publishRate,
      seconds: options.seconds,
      maxInFlight: options.maxInFlight,
      handlers: options.handlers,
      wanLatencyMs: options.wanLatencyMs,
      msgTimeoutMs: options.msgTimeoutMs,
      sinkLatencyMs: options.sinkLatencyMs,
      responseBytes: options.responseBytes,
    },
    runs,
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
