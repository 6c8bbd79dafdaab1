// "Messages forwarded" progress: a redrawn bar on a terminal, a few plain lines in logs and CI.

export interface ProgressOptions {
  label: string;
  total: number;
  stream?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Overrides the stream's own isTTY (tests and `--no-progress`). */
  interactive?: boolean;
  /** Bar width in characters (default 30). */
  width?: number;
}

export interface Progress {
  update(done: number): void;
  /** Prints the final state once and ends the line. */
  finish(summary?: string): void;
}

/** `[##########..........]  500/1,000  50%` */
export function renderProgressBar(done: number, total: number, width = 30): string {
  if (!Number.isInteger(total) || total <= 0) throw new Error(`progress total must be a positive integer, got ${total}`);
  const clamped = Math.min(Math.max(done, 0), total);
  const filled = Math.round((clamped / total) * width);
  const percent = Math.floor((clamped / total) * 100);
  const totalText = total.toLocaleString('en-US');
  const doneText = clamped.toLocaleString('en-US').padStart(totalText.length);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${doneText}/${totalText} ${String(percent).padStart(3)}%`;
}

/** Milestones (in %) at which a non-interactive progress prints a line (and at the first delivery). */
const PLAIN_STEPS = [25, 50, 75];

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const interactive = options.interactive ?? Boolean((stream as NodeJS.WriteStream).isTTY);
  const { label, total } = options;
  renderProgressBar(0, total); // validates total before anything is printed
  let lastDrawn = -1;
  let nextStep = 0;
  let startedMoving = false;
  let finished = false;

  return {
    update(done: number) {
      if (finished || done === lastDrawn) return;
      lastDrawn = done;
      if (interactive) {
        stream.write(`\r  ${label} ${renderProgressBar(done, total, options.width)}`);
        return;
      }
      const percent = (Math.min(done, total) / total) * 100;
      // The first delivery gets a line too: in a log it shows the run has started moving.
      let crossed = !startedMoving && done > 0;
      if (done > 0) startedMoving = true;
      while (nextStep < PLAIN_STEPS.length && percent >= (PLAIN_STEPS[nextStep] ?? 100)) {
        nextStep += 1;
        crossed = true;
      }
      if (crossed && percent < 100) {
        stream.write(`  ${label}: ${Math.min(done, total).toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.floor(percent)}%)\n`);
      }
    },
    finish(summary?: string) {
      if (finished) return;
      finished = true;
      const tail = summary ? `  ${summary}` : '';
      if (interactive) {
        stream.write(`\r  ${label} ${renderProgressBar(Math.max(lastDrawn, 0), total, options.width)}${tail}\n`);
      } else {
        stream.write(`  ${label}: ${Math.max(lastDrawn, 0).toLocaleString('en-US')}/${total.toLocaleString('en-US')} done${tail}\n`);
      }
    },
  };
}
