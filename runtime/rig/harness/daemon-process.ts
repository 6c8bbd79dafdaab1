// Runs a daemon the rig needs (nsqd, nsqlookupd, toxiproxy-server) as a child process with its log
// read line by line; for the nsq daemons, learns the ports they listen on from that log, so port 0
// can be used and the real ports kept for a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ListeningAddresses {
  tcpAddress: string;
  httpAddress: string;
}

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

/** Every daemon this process started and has not stopped: killed if the process exits first. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Only act when nobody else handles the signal, so a host's own shutdown logic still runs.
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
      if (process.listenerCount(signal) === 0) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}

export interface LoggedProcess {
  child: ChildProcess;
  /** The last lines the process logged, for error messages. */
  recentLog(): string;
  /** Calls `listener` with every line logged from now on; returns the unsubscribe function. */
  onLine(listener: (line: string) => void): () => void;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGTERM, SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Spawns `binary args` with its stdout and stderr read line by line, SIGKILLed if this process exits first. */
export function spawnLogged(binary: string, args: string[]): LoggedProcess {
  installExitHook();
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const logLines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let partial = { stdout: '', stderr: '' };
  const reader = (stream: 'stdout' | 'stderr') => (chunk: Buffer): void => {
    const lines = (partial[stream] + chunk.toString('utf8')).split('\n');
    partial = { ...partial, [stream]: lines.pop() ?? '' };
    for (const line of lines) {
      if (!line) continue;
      logLines.push(line);
      if (logLines.length > 50) logLines.shift();
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout?.on('data', reader('stdout'));
  child.stderr?.on('data', reader('stderr'));
  const exited = once(child, 'exit').then(() => {
    running.delete(child);
  });
  return {
    child,
    recentLog: () => logLines.slice(-15).join('\n'),
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        running.delete(child);
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface DaemonProcess extends ListeningAddresses, LoggedProcess {}

/** Spawns an nsq daemon, waits until it logs its TCP and HTTP listening addresses. */
export async function spawnDaemon(label: string, binary: string, args: string[]): Promise<DaemonProcess> {
  const daemon = spawnLogged(binary, args);
  const { child } = daemon;
  let tcpAddress: string | undefined;
  let httpAddress: string | undefined;
  let announce: (() => void) | undefined;
  const stopListening = daemon.onLine((line) => {
    const match = /\b(TCP|HTTP): listening on (\S+)/.exec(line);
    if (match?.[1] === 'TCP') tcpAddress = match[2];
    if (match?.[1] === 'HTTP') httpAddress = match[2];
    if (tcpAddress && httpAddress) announce?.();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${label} did not report its listening addresses within ${START_TIMEOUT_MS} ms:\n${daemon.recentLog()}`));
      }, START_TIMEOUT_MS);
      announce = () => {
        clearTimeout(timer);
        resolve();
      };
      if (tcpAddress && httpAddress) announce();
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`${label} could not be started from ${binary}: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${label} exited during start-up (code ${code}, signal ${signal}):\n${daemon.recentLog()}`));
      });
    });
  } finally {
    stopListening();
  }
  return { ...daemon, tcpAddress: tcpAddress!, httpAddress: httpAddress! };
}

/** Polls `probe` until it resolves, or throws after `timeoutMs` with the last error. */
export async function waitUntil(what: string, probe: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${what} did not succeed within ${timeoutMs} ms: ${String(lastError)}`);
}
