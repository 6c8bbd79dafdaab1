// Runs one nsq daemon (nsqd or nsqlookupd) as a child process and learns the ports it listens on
// from its log, so port 0 can be used and the real ports kept for a restart.
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

export interface DaemonProcess extends ListeningAddresses {
  child: ChildProcess;
  /** The last lines the daemon logged, for error messages. */
  recentLog(): string;
  stop(): Promise<void>;
}

/** Spawns `binary args`, waits until it logs its TCP and HTTP listening addresses. */
export async function spawnDaemon(label: string, binary: string, args: string[]): Promise<DaemonProcess> {
  installExitHook();
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const logLines: string[] = [];
  let tcpAddress: string | undefined;
  let httpAddress: string | undefined;
  let announce: (() => void) | undefined;

  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      logLines.push(line);
      if (logLines.length > 50) logLines.shift();
      const match = /\b(TCP|HTTP): listening on (\S+)/.exec(line);
      if (match?.[1] === 'TCP') tcpAddress = match[2];
      if (match?.[1] === 'HTTP') httpAddress = match[2];
      if (tcpAddress && httpAddress) announce?.();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = once(child, 'exit').then(() => {
    running.delete(child);
  });
  const recentLog = (): string => logLines.slice(-15).join('\n');

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not report its listening addresses within ${START_TIMEOUT_MS} ms:\n${recentLog()}`));
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
      reject(new Error(`${label} exited during start-up (code ${code}, signal ${signal}):\n${recentLog()}`));
    });
  });

  return {
    child,
    tcpAddress: tcpAddress!,
    httpAddress: httpAddress!,
    recentLog,
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
