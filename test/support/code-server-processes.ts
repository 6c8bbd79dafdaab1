/**
 * Stopping a process tree without killing by name: code-server spawns an extension host, tsservers
 * and file watchers per browser connection, which can outlive the server. We record every
 * descendant (from /proc) before SIGTERM, then SIGKILL by PID whatever of that recorded set is
 * still alive — checking the start time so a recycled PID is never hit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

interface ProcessIdentity {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. */
  readonly startTime: string;
}

function readStat(pid: number): { ppid: number; startTime: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0] ?? '';
    const ppid = Number(fields[1]);
    const startTime = fields[19] ?? '';
    return { ppid, startTime, state };
  } catch {
    return undefined;
  }
}

/** `root` and all its descendants alive right now. */
export function processTree(root: number): ProcessIdentity[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = readStat(pid);
    if (!stat) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(pid);
    children.set(stat.ppid, siblings);
  }
  const tree: ProcessIdentity[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    const stat = readStat(pid);
    if (stat) tree.push({ pid, startTime: stat.startTime });
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function isAlive(process_: ProcessIdentity): boolean {
  const stat = readStat(process_.pid);
  return stat !== undefined && stat.startTime === process_.startTime && stat.state !== 'Z';
}

function signal(process_: ProcessIdentity, name: NodeJS.Signals): void {
  if (!isAlive(process_)) return;
  try {
    process.kill(process_.pid, name);
  } catch {
    // Exited between the check and the signal.
  }
}

/**
 * SIGTERM to the root, up to `graceMs` for the tree to exit (polled, bounded), then SIGKILL to every
 * recorded process still alive. Returns the PIDs that needed SIGKILL.
 */
export async function stopProcessTree(root: number, graceMs = 5_000): Promise<number[]> {
  const recorded = processTree(root);
  const rootProcess = recorded.find((p) => p.pid === root);
  if (rootProcess) signal(rootProcess, 'SIGTERM');
  for (let waited = 0; waited < graceMs; waited += 100) {
    // Late children (spawned while stopping) are recorded too.
    for (const extra of rootProcess && isAlive(rootProcess) ? processTree(root) : []) {
      if (!recorded.some((p) => p.pid === extra.pid)) recorded.push(extra);
    }
    if (!recorded.some(isAlive)) return [];
    await delay(100);
  }
  const survivors = recorded.filter(isAlive);
  for (const survivor of survivors) signal(survivor, 'SIGKILL');
  return survivors.map((p) => p.pid);
}
