// Runs the keepalive-nsq CLI (runtime/src/cli.ts through tsx) as a child process, the way the
// demo, CI and users run it, and collects its stderr and its JSON exit summary.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ForwarderSummary } from '../../runtime/src/forwarder.ts';

export const REPO_ROOT = join(__dirname, '..', '..');
export const CLI_PATH = join(REPO_ROOT, 'runtime', 'src', 'cli.ts');

export interface ForwarderExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
  /** The parsed `{"event":"summary",...}` line, when the forwarder printed one. */
  summary?: ForwarderSummary;
}

export interface ForwarderChild {
  child: ChildProcess;
  stderr(): string;
  /** Resolves when the process exits (bounded by `timeoutMs`, after which it is SIGKILLed and this rejects). */
  exited(timeoutMs?: number): Promise<ForwarderExit>;
  kill(signal: NodeJS.Signals): void;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function parseSummary(stderr: string): ForwarderSummary | undefined {
  const line = stderr
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('{"event":"summary"'));
  return line ? (JSON.parse(line) as ForwarderSummary) : undefined;
}

export function spawnForwarder(args: string[], env: NodeJS.ProcessEnv = {}): ForwarderChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const exit = once(child, 'exit').then(([code, signal]) => {
    running.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  return {
    child,
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
    async exited(timeoutMs = 60_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`forwarder did not exit within ${timeoutMs} ms; stderr:\n${stderr.slice(-3000)}`));
        }, timeoutMs);
      });
      try {
        const { code, signal } = await Promise.race([exit, timeout]);
        // Let the pipes drain after exit.
        await new Promise((resolve) => setImmediate(resolve));
        return { code, signal, stderr, stdout, summary: parseSummary(stderr) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Runs the CLI to completion (for --help and bad-input cases). */
export async function runForwarderToExit(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<ForwarderExit> {
  return spawnForwarder(args, env).exited(timeoutMs);
}
