/**
 * A realistic TypeScript file for the extension benchmark: an HTTP forwarding service in the style of
 * the incident's code — interfaces, classes, generics, async handlers, undici/fetch/https calls, some
 * of them with the connection-reuse bugs the rules look for. Deterministic: the same line count and
 * text on every run, so ratios from different runs compare.
 */

const SECTIONS = [
  (i: number) => `
export interface Message${i} {
  readonly id: string;
  readonly body: Uint8Array;
  readonly attempts: number;
  readonly timestamp: number;
  readonly headers: Readonly<Record<string, string>>;
}

export type Result${i} =
  | { readonly kind: 'delivered'; readonly status: number; readonly latencyMs: number }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly reason: string }
  | { readonly kind: 'dropped'; readonly reason: string };
`,
  (i: number) => `
export class Forwarder${i} {
  private readonly agent = new https.Agent({ keepAlive: true, maxSockets: ${8 + (i % 8)} });
  private inFlight = 0;
  private delivered = 0;

  constructor(
    private readonly endpoint: URL,
    private readonly timeoutMs: number = ${1000 + i * 10},
  ) {}

  async forward(message: Message${i}): Promise<Result${i}> {
    this.inFlight++;
    const started = performance.now();
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        body: message.body,
        headers: { 'content-type': 'application/octet-stream', ...message.headers },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer();
      if (response.status >= 500) {
        return { kind: 'retry', delayMs: Math.min(60_000, 1000 * 2 ** message.attempts), reason: \`status \${response.status}\` };
      }
      this.delivered++;
      return { kind: 'delivered', status: response.status, latencyMs: performance.now() - started };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return message.attempts > 5 ? { kind: 'dropped', reason } : { kind: 'retry', delayMs: 1000, reason };
    } finally {
      this.inFlight--;
    }
  }

  stats(): { inFlight: number; delivered: number } {
    return { inFlight: this.inFlight, delivered: this.delivered };
  }
}
`,
  (i: number) => `
export async function probe${i}(origin: string, paths: readonly string[]): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  for (const path of paths) {
    const { statusCode, body } = await request(new URL(path, origin), { method: 'GET' });
    await body.dump({ limit: 1 << 20 });
    statuses.set(path, statusCode);
  }
  return statuses;
}

export function summarize${i}(statuses: ReadonlyMap<string, number>): string {
  const counts: Record<number, number> = {};
  for (const status of statuses.values()) counts[status] = (counts[status] ?? 0) + 1;
  return Object.entries(counts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => \`\${status}: \${count}\`)
    .join(', ');
}
`,
  (i: number) => `
export function createLegacyClient${i}(host: string) {
  const agent = new https.Agent({ maxSockets: ${4 + (i % 4)} });
  return {
    get(path: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const req = https.get({ host, path, agent }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
      });
    },
  };
}

export async function checkHealth${i}(url: string): Promise<boolean> {
  const response = await fetch(url, { headers: { Connection: 'close' } });
  return response.ok;
}
`,
  (i: number) => `
export class RetryPolicy${i}<T extends { attempts: number }> {
  constructor(
    private readonly maxAttempts = ${3 + (i % 5)},
    private readonly baseDelayMs = ${100 * ((i % 3) + 1)},
  ) {}

  shouldRetry(item: T, error: unknown): boolean {
    if (item.attempts >= this.maxAttempts) return false;
    if (error instanceof TypeError) return true;
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ECONNRESET';
  }

  delay(item: T): number {
    const jitter = (item.attempts * 7919) % 100;
    return Math.min(30_000, this.baseDelayMs * 2 ** item.attempts + jitter);
  }
}

export const policies${i} = [new RetryPolicy${i}(), new RetryPolicy${i}(5, 250)] as const;
`,
  (i: number) => `
export function registerHandlers${i}(reader: { on(event: string, handler: (message: { body: Buffer; finish(): void; requeue(delay: number): void }) => void): void }) {
  const dispatcher = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  reader.on('message', async (message) => {
    const { statusCode, body } = await request('https://sink.internal/ingest', {
      method: 'POST',
      body: message.body,
      dispatcher,
    });
    await body.text();
    if (statusCode < 300) message.finish();
    else message.requeue(${1000 * ((i % 4) + 1)});
  });
}
`,
];

/** About `targetLines` lines of TypeScript (whole sections, so slightly more). */
export function generateBenchSource(targetLines = 3000): string {
  const header = `/* Generated by extension/bench/generate-source.ts: a forwarding service for the lint benchmark. */
import https from 'node:https';
import { Agent, request } from 'undici';
`;
  const parts = [header];
  let lines = header.split('\n').length;
  for (let i = 0; lines < targetLines; i++) {
    const section = (SECTIONS[i % SECTIONS.length] as (n: number) => string)(i);
    parts.push(section);
    lines += section.split('\n').length - 1;
  }
  return parts.join('');
}
