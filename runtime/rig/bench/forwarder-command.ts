// The command line for each forwarder a run can measure: this package's CLI in `shared` or `naive`
// mode, nsq's own `nsq_to_http` (Go) with the same max-in-flight, and `http_only`, the reference
// without NSQ (http-only-client.ts: the same bodies POSTed straight to the sink by one undici Agent).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForwarderCommand } from '../harness/forwarder-process.js';
import { findNsqBinary } from '../harness/go-tool-binaries.js';

export const FORWARDER_KINDS = ['shared', 'naive', 'nsq_to_http', 'http_only'] as const;
export type ForwarderKind = (typeof FORWARDER_KINDS)[number];

/**
 * The same colour for a forwarder in every chart: the fix green, the incident red, the Go reference
 * blue, the no-NSQ ceiling grey.
 */
export const FORWARDER_COLOURS: Record<ForwarderKind, string> = {
  shared: '#2e7d32',
  naive: '#c62828',
  nsq_to_http: '#1565c0',
  http_only: '#757575',
};

/** Kinds that consume from nsqd; `http_only` sends the run's bodies itself and never connects to it. */
export function consumesNsq(kind: ForwarderKind): boolean {
  return kind !== 'http_only';
}

export interface ForwarderTarget {
  topic: string;
  channel: string;
  nsqdTcpAddress: string;
  /** For dead letters (keepalive-nsq only). */
  nsqdHttpAddress: string;
  postUrl: string;
  caFile: string;
  maxInFlight: number;
  /** Requests at once (`-n`, nsq_to_http's concurrent handlers); default: one per message in flight. */
  handlers?: number;
  /** Where keepalive-nsq writes its exit summary (--summary-json). */
  summaryFile: string;
  /** The run's message bodies (makeMessageBodies), for `http_only`, which sends them itself. */
  bodies?: { runId: string; messages: number; messageBytes?: number };
}

/** runtime/ — this file is runtime/rig/bench/. */
export const RUNTIME_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Newest modification time of the TypeScript sources under `dir`. */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The keepalive-nsq CLI: the built dist/cli.js when it is at least as new as every source file (the
 * setup builds it), else the source itself via tsx — a stale build must never be what gets measured.
 */
function keepaliveCli(): { args: string[]; description: string } {
  const built = join(RUNTIME_ROOT, 'dist', 'cli.js');
  const sourceDir = join(RUNTIME_ROOT, 'src');
  const source = join(sourceDir, 'cli.ts');
  const sourceExists = existsSync(source);
  if (existsSync(built) && (!sourceExists || statSync(built).mtimeMs >= newestSourceMtime(sourceDir))) {
    return { args: [built], description: 'runtime/dist/cli.js' };
  }
  if (sourceExists) return { args: ['--import', 'tsx', source], description: 'runtime/src/cli.ts (via tsx)' };
  throw new Error(`the forwarder CLI was found neither at ${built} nor at ${source}; run \`npm run build -w keepalive-nsq\``);
}

export function forwarderCommand(kind: ForwarderKind, target: ForwarderTarget): ForwarderCommand {
  if (kind === 'http_only') {
    if (!target.bodies) throw new Error('http_only needs the run\'s message bodies (target.bodies)');
    const client = join(RUNTIME_ROOT, 'rig', 'bench', 'http-only-client.ts');
    return {
      command: process.execPath,
      args: [
        '--import', 'tsx', client,
        '--url', target.postUrl,
        '--ca-file', target.caFile,
        '--run-id', target.bodies.runId,
        '--messages', String(target.bodies.messages),
        ...(target.bodies.messageBytes === undefined ? [] : ['--message-bytes', String(target.bodies.messageBytes)]),
        '--concurrency', String(target.handlers ?? target.maxInFlight),
      ],
      env: { ...process.env },
      description: 'runtime/rig/bench/http-only-client.ts (undici, no NSQ)',
      cwd: RUNTIME_ROOT,
    };
  }
  if (kind === 'nsq_to_http') {
    const binary = findNsqBinary('nsq_to_http');
    return {
      command: binary,
      args: [
        `--topic=${target.topic}`,
        `--channel=${target.channel}`,
        `--nsqd-tcp-address=${target.nsqdTcpAddress}`,
        `--post=${target.postUrl}`,
        `--max-in-flight=${target.maxInFlight}`,
        // By default one handler per message in flight, as a fair match for the Node forwarder.
        `-n=${target.handlers ?? target.maxInFlight}`,
        '--status-every=0',
      ],
      // Go reads extra roots from SSL_CERT_FILE on Linux; nsq_to_http has no CA flag of its own.
      env: { ...process.env, SSL_CERT_FILE: target.caFile },
      description: binary,
    };
  }
  const cli = keepaliveCli();
  return {
    command: process.execPath,
    args: [
      ...cli.args,
      '--topic', target.topic,
      '--channel', target.channel,
      '--nsqd-tcp-address', target.nsqdTcpAddress,
      '--nsqd-http-address', target.nsqdHttpAddress,
      '--post', target.postUrl,
      '--max-in-flight', String(target.maxInFlight),
      ...(target.handlers === undefined ? [] : ['-n', String(target.handlers)]),
      '--ca-file', target.caFile,
      '--mode', kind,
      '--summary-json', target.summaryFile,
      '--quiet',
    ],
    env: { ...process.env },
    description: `${cli.description} --mode ${kind}`,
  };
}
