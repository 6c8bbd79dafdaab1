// Locates the nsq v1.3.0 commands that runtime/scripts/nsq-bin.sh builds.
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export type NsqBinaryName = 'nsqd' | 'nsqlookupd' | 'nsq_to_http';

export const NSQ_VERSION = '1.3.0';

/** The directory nsq-bin.sh builds into: `${KEEPALIVE_CACHE:-$HOME/.cache/keepalive}/nsq-1.3.0/bin`. */
export function nsqCacheBinDir(): string {
  const cacheRoot = process.env.KEEPALIVE_CACHE || join(homedir(), '.cache', 'keepalive');
  return join(cacheRoot, `nsq-${NSQ_VERSION}`, 'bin');
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
 * Finds an nsq command: the `NSQD` env var (nsqd only), then the build cache, then PATH.
 * Throws an Error that says how to build the binaries when none is found.
 */
export function findNsqBinary(name: NsqBinaryName): string {
  if (name === 'nsqd' && process.env.NSQD) {
    if (!isExecutable(process.env.NSQD)) {
      throw new Error(`NSQD=${process.env.NSQD} is not an executable file`);
    }
    return process.env.NSQD;
  }
  const cached = join(nsqCacheBinDir(), name);
  if (isExecutable(cached)) return cached;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  throw new Error(
    `${name} not found (looked in ${name === 'nsqd' ? 'NSQD, ' : ''}${nsqCacheBinDir()} and PATH). ` +
      `Build nsq v${NSQ_VERSION} with: runtime/scripts/nsq-bin.sh (needs Go and the Go module proxy), ` +
      `or run \`npm run setup\` at the repository root.`,
  );
}
