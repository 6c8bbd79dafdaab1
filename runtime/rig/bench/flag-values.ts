// Parsing and validating command-line values for the demo and benchmark scripts: every error names
// the flag and says what was expected.
import { parseArgs } from 'node:util';

export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

export interface IntegerRange {
  min: number;
  max: number;
}

export function parseInteger(flag: string, text: string | undefined, range: IntegerRange): number {
  if (text === undefined || text.trim() === '') throw new FlagError(`--${flag} needs a value`);
  const trimmed = text.trim().replace(/_/g, '');
  if (!/^-?\d+$/.test(trimmed)) throw new FlagError(`--${flag} must be a whole number, got "${text}"`);
  const value = Number(trimmed);
  if (value < range.min || value > range.max) {
    throw new FlagError(`--${flag} must be from ${range.min} to ${range.max}, got ${value}`);
  }
  return value;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 * 1024,
  mb: 1024 * 1024,
  mib: 1024 * 1024,
};

/** "262144", "256k", "256KiB", "1MiB" (binary units: 1k = 1024 bytes). */
export function parseByteSize(flag: string, text: string | undefined, range: IntegerRange): number {
  if (text === undefined || text.trim() === '') throw new FlagError(`--${flag} needs a value`);
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = BYTE_UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) {
    throw new FlagError(`--${flag} must be a size in bytes such as 262144, 256KiB or 1MiB, got "${text}"`);
  }
  const value = Number(match[1]) * unit;
  if (value < range.min || value > range.max) {
    throw new FlagError(`--${flag} must be from ${range.min} to ${range.max} bytes, got ${value}`);
  }
  return value;
}

/** "0,20" → [0, 20]; every entry checked like parseInteger, duplicates refused. */
export function parseIntegerList(flag: string, text: string | undefined, range: IntegerRange): number[] {
  if (text === undefined || text.trim() === '') throw new FlagError(`--${flag} needs a comma-separated list`);
  const values = text.split(',').map((part) => parseInteger(flag, part, range));
  if (new Set(values).size !== values.length) throw new FlagError(`--${flag} lists a value twice: "${text}"`);
  return values;
}

/** "shared,naive" → ["shared", "naive"], each one of `allowed`. */
export function parseChoiceList<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T[] {
  if (text === undefined || text.trim() === '') throw new FlagError(`--${flag} needs a comma-separated list`);
  const values = text.split(',').map((part) => part.trim());
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new FlagError(`--${flag}: unknown value "${value}" (expected ${allowed.join(', ')})`);
    }
  }
  if (new Set(values).size !== values.length) throw new FlagError(`--${flag} lists a value twice: "${text}"`);
  return values as T[];
}

type FlagSpec = { type: 'string' } | { type: 'boolean'; short?: string };
type FlagValues<T extends Record<string, FlagSpec>> = { [K in keyof T]?: T[K] extends { type: 'string' } ? string : boolean };

/** node:util parseArgs in strict mode (unknown flags and positionals refused), errors as FlagError. */
export function parseFlags<T extends Record<string, FlagSpec>>(argv: readonly string[], options: T): FlagValues<T> {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values as FlagValues<T>;
  } catch (error) {
    throw new FlagError(error instanceof Error ? error.message : String(error));
  }
}

/** The parsed value of an optional flag, or its default when the flag was not given. */
export function optional<T>(raw: string | undefined, fallback: T, parse: (text: string) => T): T {
  return raw === undefined ? fallback : parse(raw);
}
