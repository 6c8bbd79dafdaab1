// The benchmark's HTTPS sink (rig/sink/bench-sink/main.go, built by scripts/go-tool-bin.sh) as a
// child process, driven through its loopback control API. It counts what the Node sink
// (https-sink.ts) counts, but holds each request for its latency to within ~0.1 ms, where Node's
// timers answer in whole-millisecond bursts; and it takes no CPU from the benchmark's own process.
import { join } from 'node:path';
import { request } from 'undici';
import { spawnLogged, type LoggedProcess } from '../harness/daemon-process.js';
import { findBenchSink } from '../harness/go-tool-binaries.js';
import type { TestCertificates } from './certificates.js';
import type { SinkStats, SinkTimeline } from './https-sink.js';

export interface BenchSinkOptions {
  certificates: TestCertificates;
  /** Time each request waits before its answer, in ms (default 0). */
  latencyMs?: number;
  /** Response body size in bytes (default 0). */
  responseBytes?: number;
}

/** What a benchmark run reads from a sink: the Node sink satisfies it too. */
export interface CountingSink {
  /** Origin to post to (no trailing slash; any path is accepted). */
  url: string;
  stats(): SinkStats | Promise<SinkStats>;
  timeline(): SinkTimeline | Promise<SinkTimeline>;
  /** Zeroes the counters, delivered ids and timeline between runs. */
  reset(): void | Promise<void>;
  /** Resolves once no connection is open and none was accepted for `quietMs`, or after `timeoutMs`. */
  waitForIdle(options?: { quietMs?: number; timeoutMs?: number }): Promise<{ idle: boolean; openConnections: number }>;
}

export interface BenchSink extends CountingSink {
  stats(): Promise<SinkStats>;
  timeline(): Promise<SinkTimeline>;
  reset(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

interface StatsReply extends Omit<SinkStats, 'openConnections'> {
  openConnections: number;
  firstRequestAt?: number;
  lastDeliveryAt?: number;
  sinceLastConnectionMs: number;
}

const START_TIMEOUT_MS = 15_000;
const MAX_LATENCY_MS = 600_000;

function checkLatency(ms: number): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
    throw new Error(`bench sink: latencyMs must be a number from 0 to ${MAX_LATENCY_MS}, got ${String(ms)}`);
  }
  return ms;
}

export async function startBenchSink(options: BenchSinkOptions): Promise<BenchSink> {
  const latencyMs = checkLatency(options.latencyMs ?? 0);
  const responseBytes = options.responseBytes ?? 0;
  const binary = findBenchSink();
  const sinkProcess: LoggedProcess = spawnLogged(binary, [
    '-cert', join(options.certificates.dir, 'server.pem'),
    '-key', join(options.certificates.dir, 'server.key'),
    '-latency-ms', String(latencyMs),
    '-response-bytes', String(responseBytes),
  ]);
  let addresses: { url: string; control: string };
  try {
    addresses = await readyLine(sinkProcess, binary);
  } catch (error) {
    await sinkProcess.stop();
    throw error;
  }
  const { url, control } = addresses;

  async function call(method: 'GET' | 'POST', path: string): Promise<unknown> {
    const response = await request(`${control}${path}`, { method });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`bench sink ${method} ${path}: ${response.statusCode} ${text.trim()}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }
  const readStats = async (): Promise<StatsReply> => (await call('GET', '/stats')) as StatsReply;

  return {
    url,
    async stats() {
      const { requests, connections, tlsHandshakes, delivered, byStatus, openConnections } = await readStats();
      return { requests, connections, tlsHandshakes, delivered, byStatus, openConnections };
    },
    async timeline() {
      const { firstRequestAt, lastDeliveryAt } = await readStats();
      return {
        ...(firstRequestAt === undefined ? {} : { firstRequestAt }),
        ...(lastDeliveryAt === undefined ? {} : { lastDeliveryAt }),
      };
    },
    async reset() {
      await call('POST', '/reset');
    },
    async setLatency(ms) {
      await call('POST', `/latency?ms=${checkLatency(ms)}`);
    },
    async waitForIdle({ quietMs = 300, timeoutMs = 10_000 } = {}) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const { openConnections, sinceLastConnectionMs } = await readStats();
        if (openConnections === 0 && sinceLastConnectionMs >= quietMs) return { idle: true, openConnections: 0 };
        if (performance.now() >= deadline) return { idle: false, openConnections };
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, quietMs)));
      }
    },
    close: () => sinkProcess.stop(),
  };
}

/** The JSON line the sink prints once it listens: {"url": ..., "control": ...}. */
function readyLine(sinkProcess: LoggedProcess, binary: string): Promise<{ url: string; control: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`bench sink did not start within ${START_TIMEOUT_MS} ms:\n${sinkProcess.recentLog()}`));
    }, START_TIMEOUT_MS);
    const stopListening = sinkProcess.onLine((line) => {
      let parsed: { url?: unknown; control?: unknown };
      try {
        parsed = JSON.parse(line) as { url?: unknown; control?: unknown };
      } catch {
        return;
      }
      if (typeof parsed.url === 'string' && typeof parsed.control === 'string') {
        finish();
        resolve({ url: parsed.url, control: parsed.control });
      }
    });
    const onError = (error: Error): void => {
      finish();
      reject(new Error(`bench sink could not be started from ${binary}: ${error.message}`));
    };
    const onExit = (code: number | null, signal: string | null): void => {
      finish();
      reject(new Error(`bench sink exited during start-up (code ${code}, signal ${signal}):\n${sinkProcess.recentLog()}`));
    };
    function finish(): void {
      clearTimeout(timer);
      stopListening();
      sinkProcess.child.off('error', onError);
      sinkProcess.child.off('exit', onExit);
    }
    sinkProcess.child.once('error', onError);
    sinkProcess.child.once('exit', onExit);
  });
}
