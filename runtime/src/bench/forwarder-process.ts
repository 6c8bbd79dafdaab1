// A forwarder child process with its output kept (the last 256 KiB) for error messages and the
// exit summary, and a stop that always ends in an exit: SIGTERM, then SIGKILL after a grace period.
import { spawn, type ChildProcess } from 'node:child_process';
import type { ForwarderCommand } from './forwarder-command.js';

const KEPT_OUTPUT_CHARS = 256 * 1024;

export class ForwarderProcess {
  private readonly child: ChildProcess;
  private output = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private failure: Error | undefined;
  /** Resolves when the process has exited or could not be started at all. */
  readonly ended: Promise<void>;

  constructor(readonly command: ForwarderCommand) {
    this.child = spawn(command.command, command.args, { env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.ended = new Promise<void>((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve();
      });
      this.child.once('error', (error) => {
        this.failure = new Error(`could not start ${command.description}: ${error.message}`);
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** undefined while running. */
  get exitCode(): number | null | undefined {
    return this.exit?.code;
  }

  get running(): boolean {
    return this.exit === undefined && this.failure === undefined;
  }

  /** The start-up error, if the process never ran. */
  get startError(): Error | undefined {
    return this.failure;
  }

  allOutput(): string {
    return this.output;
  }

  /** The last lines of output, for error messages. */
  tail(lines = 15): string {
    return this.output.trim().split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM (the forwarder finishes in-flight messages and prints its summary), SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const forced = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.ended;
    clearTimeout(forced);
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.ended;
  }
}
