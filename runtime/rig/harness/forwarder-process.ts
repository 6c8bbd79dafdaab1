// A forwarder child process — keepalive-nsq or nsq_to_http — for benchmarks, the demo and the
// acceptance tests: its output kept (the last 4 MiB per stream) for assertions and error messages,
// its JSON exit summary parsed, a bounded wait for its exit, and a stop that always ends in an exit
// (SIGTERM, then SIGKILL after a grace period). Any child still running when this process exits is
// SIGKILLed.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForwarderSummary } from '../../src/forwarder.js';
import { readForwarderSummary } from './forwarder-summary.js';

/** runtime/ (this file is runtime/rig/harness/). */
const RUNTIME_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEPT_OUTPUT_CHARS = 4 * 1024 * 1024;

export interface ForwarderCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** How it was found, for reports and errors ("runtime/dist/cli.js", "runtime/src/cli.ts (via tsx)", a binary path). */
  description: string;
  cwd?: string;
}

export interface ForwarderExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
  /** The parsed `{"event":"summary",...}` line, when the forwarder printed one. */
  summary?: ForwarderSummary;
}

/** The keepalive-nsq CLI run from its TypeScript source through tsx (what the tests exercise). */
export function keepaliveCliFromSource(args: readonly string[], env: NodeJS.ProcessEnv = {}): ForwarderCommand {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', join(RUNTIME_DIR, 'src', 'cli.ts'), ...args],
    env: { ...process.env, ...env },
    description: 'runtime/src/cli.ts (via tsx)',
    cwd: resolve(RUNTIME_DIR, '..'),
  };
}

/** keepalive-nsq's `{"event":"summary",...}` line (the last line of its stderr), typed. */
function exitSummary(stderr: string): ForwarderSummary | undefined {
  const raw = readForwarderSummary(stderr)?.raw;
  return raw?.event === 'summary' ? (raw as unknown as ForwarderSummary) : undefined;
}

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess): void {
  liveChildren.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const leftOver of liveChildren) leftOver.kill('SIGKILL');
  });
}

export class ForwarderProcess {
  readonly child: ChildProcess;
  private stdoutText = '';
  private stderrText = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private failure: Error | undefined;
  /** Resolves when the process has exited or could not be started at all. */
  readonly ended: Promise<void>;

  constructor(readonly command: ForwarderCommand) {
    this.child = spawn(command.command, command.args, {
      env: command.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(command.cwd === undefined ? {} : { cwd: command.cwd }),
    });
    killOnExit(this.child);
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdoutText = (this.stdoutText + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrText = (this.stderrText + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    });
    this.ended = new Promise<void>((resolveEnded) => {
      // 'close' (not 'exit'): the pipes are drained by then, so the output is complete.
      this.child.once('close', (code, signal) => {
        this.exit = { code, signal };
        liveChildren.delete(this.child);
        resolveEnded();
      });
      this.child.once('error', (error) => {
        this.failure = new Error(`could not start ${command.description}: ${error.message}`);
        liveChildren.delete(this.child);
        resolveEnded();
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
    return this.exit === undefined && this.failure === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The start-up error, if the process never ran. */
  get startError(): Error | undefined {
    return this.failure;
  }

  stdout(): string {
    return this.stdoutText;
  }

  stderr(): string {
    return this.stderrText;
  }

  /** The last lines of stderr (both forwarders log there), for error messages. */
  tail(lines = 15): string {
    return this.stderrText.trim().split('\n').slice(-lines).join('\n');
  }

  /** Sends `signal` while the process runs. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGKILL, then waits for the exit. */
  async killNow(): Promise<void> {
    this.kill('SIGKILL');
    await this.ended;
  }

  /** SIGTERM (the forwarder finishes in-flight messages and prints its summary), SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const forced = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.ended;
    clearTimeout(forced);
  }

  /** Waits for the exit; after `timeoutMs` the process is SIGKILLed and this rejects with its stderr. */
  async exited(timeoutMs = 60_000): Promise<ForwarderExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill('SIGKILL');
        reject(new Error(`forwarder did not exit within ${timeoutMs} ms; stderr:\n${this.stderrText.slice(-3000)}`));
      }, timeoutMs);
    });
    try {
      await Promise.race([this.ended, timeout]);
    } finally {
      clearTimeout(timer);
    }
    if (this.failure) throw this.failure;
    const summary = exitSummary(this.stderrText);
    return {
      code: this.exit?.code ?? null,
      signal: this.exit?.signal ?? null,
      stderr: this.stderrText,
      stdout: this.stdoutText,
      ...(summary === undefined ? {} : { summary }),
    };
  }
}

/** Starts the keepalive-nsq CLI from source with `args` (and `env` on top of this process's). */
export function spawnForwarder(args: readonly string[], env: NodeJS.ProcessEnv = {}): ForwarderProcess {
  return new ForwarderProcess(keepaliveCliFromSource(args, env));
}

/** Runs the CLI to completion (for --help and bad-input cases). */
export function runForwarderToExit(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<ForwarderExit> {
  return spawnForwarder(args, env).exited(timeoutMs);
}
