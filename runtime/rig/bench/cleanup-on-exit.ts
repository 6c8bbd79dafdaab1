// Everything a demo or benchmark starts (nsqd, sink, forwarder processes, temp directories) is
// registered here and stopped in reverse order — at the end, on an error, and on Ctrl-C / SIGTERM.

type CleanupStep = { label: string; run: () => Promise<void> | void };

export class CleanupOnExit {
  private readonly steps: CleanupStep[] = [];
  private running: Promise<void> | undefined;
  private signalCount = 0;

  /** Registers a step; the returned function unregisters it (for things stopped early on purpose). */
  add(label: string, run: () => Promise<void> | void): () => void {
    const step = { label, run };
    this.steps.push(step);
    return () => {
      const index = this.steps.indexOf(step);
      if (index >= 0) this.steps.splice(index, 1);
    };
  }

  /** Runs every registered step, newest first; a failing step is reported and the rest still run. */
  runAll(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop();
        if (!step) break;
        try {
          await step.run();
        } catch (error) {
          log(`cleanup: ${step.label} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }

  /**
   * On the first SIGINT/SIGTERM: cleans up and exits 130/143. On a second one: exits at once
   * (child processes still get SIGKILL from their own exit hooks).
   */
  exitOnSignals(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        const code = signal === 'SIGINT' ? 130 : 143;
        this.signalCount += 1;
        if (this.signalCount > 1) process.exit(code);
        log(`\n${signal}: stopping everything this run started (again to force)…`);
        void this.runAll(log).finally(() => process.exit(code));
      });
    }
  }
}
