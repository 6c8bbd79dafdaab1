// Locates the Go tools that runtime/scripts/go-tool-bin.sh builds: nsq v1.3.0 (nsqd, nsqlookupd,
// nsq_to_http) and Toxiproxy v2.5.0 (toxiproxy-server) from the Go module proxy, and the
// benchmark's HTTPS sink from its source in rig/sink/bench-sink.
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NsqBinaryName = 'nsqd' | 'nsqlookupd' | 'nsq_to_http';

export const NSQ_VERSION = '1.3.0';
export const TOXIPROXY_VERSION = '2.5.0';

interface GoTool {
  /** The tool set's name for go-tool-bin.sh (and its cache directory `<set>-<version>`). */
  set: 'nsq' | 'toxiproxy' | 'bench-sink';
  version: string;
  name: string;
  /** An environment variable naming the binary, checked first. */
  envVar?: string;
}

/** The directory go-tool-bin.sh builds a set into: `${KEEPALIVE_CACHE:-$HOME/.cache/keepalive}/<set>-<version>/bin`. */
export function goToolCacheBinDir(set: GoTool['set'], version: string): string {
  const cacheRoot = process.env.KEEPALIVE_CACHE || join(homedir(), '.cache', 'keepalive');
  return join(cacheRoot, `${set}-${version}`, 'bin');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment variable (when the tool has one), then the build cache, then PATH. Throws an
 * Error that says how to build the tool when none is found.
 */
function findGoTool(tool: GoTool): string {
  const fromEnv = tool.envVar ? process.env[tool.envVar] : undefined;
  if (tool.envVar && fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${tool.envVar}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const cacheDir = goToolCacheBinDir(tool.set, tool.version);
  const cached = join(cacheDir, tool.name);
  if (isExecutable(cached)) return cached;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, tool.name))) return join(dir, tool.name);
  }
  throw new Error(
    `${tool.name} not found (looked in ${tool.envVar ? `${tool.envVar}, ` : ''}${cacheDir} and PATH). ` +
      `Build ${tool.set} v${tool.version} with: runtime/scripts/go-tool-bin.sh ${tool.set} (needs Go${tool.set === 'bench-sink' ? '' : ' and the Go module proxy'}), ` +
      `or run \`npm run setup\` at the repository root.`,
  );
}

/** nsqd (overridable with NSQD), nsqlookupd or nsq_to_http v1.3.0. */
export function findNsqBinary(name: NsqBinaryName): string {
  return findGoTool({ set: 'nsq', version: NSQ_VERSION, name, ...(name === 'nsqd' ? { envVar: 'NSQD' } : {}) });
}

/** toxiproxy-server v2.5.0 (overridable with TOXIPROXY). */
export function findToxiproxyServer(): string {
  return findGoTool({ set: 'toxiproxy', version: TOXIPROXY_VERSION, name: 'toxiproxy-server', envVar: 'TOXIPROXY' });
}

const BENCH_SINK_SOURCE = fileURLToPath(new URL('../sink/bench-sink/', import.meta.url));

/** The hash go-tool-bin.sh names the bench sink's build after: sha256 of go.mod then main.go, 12 hex digits. */
export function benchSinkVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'main.go']) hash.update(readFileSync(join(BENCH_SINK_SOURCE, file)));
  return hash.digest('hex').slice(0, 12);
}

/** The benchmark's HTTPS sink built from the current source (overridable with BENCH_SINK). */
export function findBenchSink(): string {
  return findGoTool({ set: 'bench-sink', version: benchSinkVersion(), name: 'bench-sink', envVar: 'BENCH_SINK' });
}
