// Starts real nsqd / nsqlookupd processes on free loopback ports for tests, demos and benchmarks.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { NsqdApi } from '../../src/nsqd-api.js';
import { findNsqBinary } from './go-tool-binaries.js';
import { spawnDaemon, waitUntil, type DaemonProcess } from './daemon-process.js';

export interface StartNsqdOptions {
  /** nsqlookupd TCP addresses to register with (`--lookupd-tcp-address`). */
  lookupdTcpAddresses?: string[];
  /** nsqd's default message timeout (`--msg-timeout`), in milliseconds. */
  msgTimeoutMs?: number;
  /** A data directory to use (created if missing, kept on stop); by default a fresh temp directory, removed on stop. */
  dataPath?: string;
}

export interface NsqdProcess {
  tcpAddress: string;
  httpAddress: string;
  dataPath: string;
  api: NsqdApi;
  /** Stops nsqd (SIGTERM, then SIGKILL after 10 s) and removes a temp data path it created. */
  stop(): Promise<void>;
  /** Stops nsqd and starts it again on the same ports with the same data path. */
  restart(): Promise<void>;
  /** Calls `listener` with every line nsqd logs from now on (across restarts); returns the unsubscribe function. */
  onLog(listener: (line: string) => void): () => void;
}

export interface NsqlookupdProcess {
  tcpAddress: string;
  httpAddress: string;
  stop(): Promise<void>;
}

/** Temp data paths this process created and has not removed yet: removed on exit as well. */
const ownedDataPaths = new Set<string>();
let cleanupInstalled = false;

function removeOnExit(dataPath: string): void {
  ownedDataPaths.add(dataPath);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // Runs after nsq-process.ts has SIGKILLed the daemons (its hook is installed first).
  process.once('exit', () => {
    for (const path of ownedDataPaths) rmSync(path, { recursive: true, force: true });
  });
}

export async function startNsqd(options: StartNsqdOptions = {}): Promise<NsqdProcess> {
  const binary = findNsqBinary('nsqd');
  const ownsDataPath = options.dataPath === undefined;
  const dataPath = options.dataPath ?? mkdtempSync(join(tmpdir(), 'keepalive-nsqd-'));
  mkdirSync(dataPath, { recursive: true });
  if (ownsDataPath) removeOnExit(dataPath);
  if (options.msgTimeoutMs !== undefined && !(Number.isInteger(options.msgTimeoutMs) && options.msgTimeoutMs > 0)) {
    throw new Error(`startNsqd: msgTimeoutMs must be a positive integer, got ${options.msgTimeoutMs}`);
  }

  const argsFor = (tcpAddress: string, httpAddress: string): string[] => [
    `--tcp-address=${tcpAddress}`,
    `--http-address=${httpAddress}`,
    `--data-path=${dataPath}`,
    '--broadcast-address=127.0.0.1',
    ...(options.lookupdTcpAddresses ?? []).map((address) => `--lookupd-tcp-address=${address}`),
    ...(options.msgTimeoutMs !== undefined ? [`--msg-timeout=${options.msgTimeoutMs}ms`] : []),
  ];

  const launch = async (tcpAddress: string, httpAddress: string): Promise<DaemonProcess> => {
    const daemon = await spawnDaemon('nsqd', binary, argsFor(tcpAddress, httpAddress));
    const api = new NsqdApi(daemon.httpAddress);
    try {
      await waitUntil(`nsqd /ping at ${daemon.httpAddress}`, () => api.ping());
    } catch (error) {
      await daemon.stop();
      throw error;
    }
    return daemon;
  };

  const logListeners = new Set<(line: string) => void>();
  const forwardLog = (line: string): void => {
    for (const listener of logListeners) listener(line);
  };
  let daemon = await launch('127.0.0.1:0', '127.0.0.1:0');
  daemon.onLine(forwardLog);
  const handle: NsqdProcess = {
    tcpAddress: daemon.tcpAddress,
    httpAddress: daemon.httpAddress,
    dataPath,
    api: new NsqdApi(daemon.httpAddress),
    async stop() {
      await daemon.stop();
      if (ownsDataPath) {
        rmSync(dataPath, { recursive: true, force: true });
        ownedDataPaths.delete(dataPath);
      }
    },
    async restart() {
      await daemon.stop();
      // The ports were just released; a restart keeps them so connected clients can reconnect.
      daemon = await launch(handle.tcpAddress, handle.httpAddress);
      daemon.onLine(forwardLog);
    },
    onLog(listener) {
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },
  };
  return handle;
}

export async function startNsqlookupd(): Promise<NsqlookupdProcess> {
  const daemon = await spawnDaemon('nsqlookupd', findNsqBinary('nsqlookupd'), [
    '--tcp-address=127.0.0.1:0',
    '--http-address=127.0.0.1:0',
    '--broadcast-address=127.0.0.1',
  ]);
  try {
    await waitUntil(`nsqlookupd /ping at ${daemon.httpAddress}`, async () => {
      const response = await request(`http://${daemon.httpAddress}/ping`);
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${text}`);
    });
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return { tcpAddress: daemon.tcpAddress, httpAddress: daemon.httpAddress, stop: () => daemon.stop() };
}
