// A forwarder started for one measured run (a benchmark run or a demo run): its exit summary goes to
// a temp file, the process and the file are registered with CleanupOnExit so Ctrl-C never leaves
// either behind, and dispose() undoes everything whatever happened in between.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForwarderProcess } from '../harness/forwarder-process.js';
import type { CleanupOnExit } from './cleanup-on-exit.js';
import { forwarderCommand, type ForwarderKind, type ForwarderTarget } from './forwarder-command.js';
import { readForwarderSummary, type ForwarderSummary } from '../harness/forwarder-summary.js';

export interface MeasuredForwarder {
  process: ForwarderProcess;
  /** How the forwarder was started, for reports and errors. */
  description: string;
  /** Throws with the forwarder's last output if it could not start or has exited. */
  assertRunning(): void;
  /** SIGTERM (SIGKILL after `graceMs`), then its summary: the file written on exit, else stderr's last JSON line. */
  stop(graceMs: number): Promise<ForwarderSummary | undefined>;
  /** Kills it if still running and removes the summary file; always call it (finally). */
  dispose(): Promise<void>;
}

export async function startMeasuredForwarder(
  kind: ForwarderKind,
  target: Omit<ForwarderTarget, 'summaryFile'>,
  cleanup: CleanupOnExit,
): Promise<MeasuredForwarder> {
  const summaryDir = await mkdtemp(join(tmpdir(), 'keepalive-run-'));
  const summaryFile = join(summaryDir, 'summary.json');
  const removeSummaryDir = (): Promise<void> => rm(summaryDir, { recursive: true, force: true });
  const unregisterSummaryDir = cleanup.add('forwarder summary directory', removeSummaryDir);
  let running: ForwarderProcess;
  try {
    running = new ForwarderProcess(forwarderCommand(kind, { ...target, summaryFile }));
  } catch (error) {
    unregisterSummaryDir();
    await removeSummaryDir();
    throw error;
  }
  const unregisterProcess = cleanup.add(`${kind} forwarder (pid ${running.pid})`, () => running.killNow());
  const description = running.command.description;
  return {
    process: running,
    description,
    assertRunning() {
      if (running.startError) throw running.startError;
      if (!running.running) throw new Error(`${description} exited (code ${running.exitCode}):\n${running.tail()}`);
    },
    async stop(graceMs) {
      await running.stop(graceMs);
      const fromFile = await readFile(summaryFile, 'utf8').catch(() => '');
      return readForwarderSummary(fromFile) ?? readForwarderSummary(running.stderr());
    },
    async dispose() {
      await running.killNow();
      unregisterProcess();
      await removeSummaryDir();
      unregisterSummaryDir();
    },
  };
}
