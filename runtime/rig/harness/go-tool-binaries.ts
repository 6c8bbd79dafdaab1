// Locates the Go tools that runtime/scripts/go-tool-bin.sh builds from the Go module proxy: nsq
// v1.3.0 (nsqd, nsqlookupd, nsq_to_http) and Toxiproxy v2.5.0 (toxiproxy-server).
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export type NsqBinaryName = 'nsqd' | 'nsqlookupd' | 'nsq_to_http';

export const NSQ_VERSION = '1.3.0';
export const TOXIPROXY_VERSION = '2.5.0';

interface GoTool {
  /** The tool set's name for go-tool-bin.sh (and its cache directory `<set>-<version>`). */
  set: 'nsq' | 'toxiproxy';
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
      `Build ${tool.set} v${tool.version} with: runtime/scripts/go-tool-bin.sh ${tool.set} (needs Go and the Go module proxy), ` +
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
