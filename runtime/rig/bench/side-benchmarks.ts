// The lint and extension benchmarks are written by other packages (npm run bench:lint,
// npm run bench:extension) as JSON under bench-results/; this reads them into the same report.
import { readFile } from 'node:fs/promises';

export interface LintBenchmark {
  ratio: number;
  withRulesMs: number;
  baselineMs: number;
  files: number;
  runs: number;
  machine: unknown;
}

export interface ExtensionBenchmark {
  ratio: number;
  lintMs: number;
  parseMs: number;
  cachedMs: number;
  lines: number;
  machine: unknown;
}

export type SideResult<T> =
  | { status: 'ok'; file: string; data: T }
  | { status: 'not run'; file: string; command: string }
  | { status: 'unreadable'; file: string; reason: string };

function numbersPresent(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return `"${key}" is ${JSON.stringify(value)}, expected a number`;
  }
  return undefined;
}

/** `path` is read; `file` is how the report names it (relative to the repository root). */
async function readSide<T>(path: string, file: string, command: string, keys: readonly string[]): Promise<SideResult<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'not run', file, command };
    return { status: 'unreadable', file, reason: (error as Error).message };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { status: 'unreadable', file, reason: `not JSON: ${(error as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { status: 'unreadable', file, reason: 'expected a JSON object' };
  }
  const problem = numbersPresent(parsed as Record<string, unknown>, keys);
  if (problem) return { status: 'unreadable', file, reason: problem };
  return { status: 'ok', file, data: parsed as T };
}

export function readLintBenchmark(path: string, file = path): Promise<SideResult<LintBenchmark>> {
  return readSide(path, file, 'npm run bench:lint', ['ratio', 'withRulesMs', 'baselineMs', 'files', 'runs']);
}

export function readExtensionBenchmark(path: string, file = path): Promise<SideResult<ExtensionBenchmark>> {
  return readSide(path, file, 'npm run bench:extension', ['ratio', 'lintMs', 'parseMs', 'cachedMs', 'lines']);
}

/** A machine field written by another script: a string as is, an object as "key: value" pairs. */
export function describeForeignMachine(machine: unknown): string {
  if (typeof machine === 'string') return machine;
  if (machine && typeof machine === 'object') {
    return Object.entries(machine as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(', ');
  }
  return 'unknown machine';
}
