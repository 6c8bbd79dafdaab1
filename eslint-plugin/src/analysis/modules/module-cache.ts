/**
 * The per-process state of module summaries: parsed modules, memoised answers, editor overlays and
 * which modules each linted file depended on.
 *
 * A module's *version* identifies the content it was parsed from: real path plus mtime and size
 * on disk, or the overlay text an editor set, plus a generation bumped by `invalidate`. Parsed
 * modules are kept in a bounded LRU (ASTs are large); answers are small and kept per module
 * version, each with the versions of every module its computation read, so an answer about `a`
 * that looked into `b` is recomputed when `b` changes.
 *
 * Under ESLint `--concurrency` every worker has its own copy of this state: each worker parses the
 * imported modules it needs once, and answers never depend on which file a worker linted first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ForeignSourceCode } from './foreign-source-code';
import { LruMap } from './lru-map';
import type { ModuleParser } from './module-parser';
import { LoadedModule } from './project-module';
import { clearResolutions } from './resolve-module';

/** Parsed modules kept at once (per parser and options). */
const PARSED_MODULE_CAPACITY = 500;
/** Modules whose answers are kept at once. */
const ANSWERED_MODULE_CAPACITY = 5000;

export interface CachedAnswer {
  readonly value: unknown;
  /** Version of every module the computation read (the target's included). */
  readonly dependencies: ReadonlyMap<string, string>;
}

interface Overlay {
  readonly text: string;
  readonly version: number;
}

const overlays = new Map<string, Overlay>();
let nextOverlayVersion = 1;
const generations = new Map<string, number>();
/** `parser key \0 file` -> the module parsed at `version`, or null when it did not parse. */
const parsedModules = new LruMap<string, { version: string; module: LoadedModule | null }>(
  PARSED_MODULE_CAPACITY,
);
/** `parser key \0 file` -> answers about that module at `version`, by question key. */
const answeredModules = new LruMap<string, { version: string; answers: Map<string, CachedAnswer> }>(
  ANSWERED_MODULE_CAPACITY,
);
/** Linted file (as given) -> project modules whose summaries its last lint used. */
const dependencyRecords = new Map<string, Set<string>>();

/**
 * The current version of `file`, or undefined when it is neither overlaid nor a readable file.
 * Callers memoise it per lint (see ModuleSummaries), so each module is checked once per lint.
 */
export function currentVersion(file: string): string | undefined {
  const generation = generations.get(file) ?? 0;
  const overlay = overlays.get(file);
  if (overlay) return `overlay ${overlay.version} g${generation}`;
  const state = diskState(file);
  return state === null ? undefined : `${state} g${generation}`;
}

/** True when `file` is a file on disk. */
export function isFileOnDisk(file: string): boolean {
  return diskState(file) !== null;
}

/** `mtime size` of `file` on disk, null when it is not a readable file. */
function diskState(file: string): string | null {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? `${stat.mtimeMs} ${stat.size}` : null;
  } catch {
    return null;
  }
}

/** `file` parsed with `parser` at `version` (parsed now unless cached), or undefined. */
export function loadModule(
  file: string,
  version: string,
  parser: ModuleParser,
): LoadedModule | undefined {
  const key = `${parser.key}\0${file}`;
  const cached = parsedModules.get(key);
  if (cached && cached.version === version) return cached.module ?? undefined;
  const module = parseModuleFile(file, version, parser);
  parsedModules.set(key, { version, module: module ?? null });
  return module;
}

/** The current text of `file`: an editor overlay, else the file on disk (undefined when unreadable). */
export function currentText(file: string): string | undefined {
  let text = overlays.get(file)?.text;
  if (text === undefined) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseModuleFile(
  file: string,
  version: string,
  parser: ModuleParser,
): LoadedModule | undefined {
  const text = currentText(file);
  if (text === undefined) return undefined;
  const parsed = parser.parse(text, file);
  return parsed && new LoadedModule(file, new ForeignSourceCode(text, parsed), version);
}

/** The memoised answer for `questionKey` about `file` at `version`, if any. */
export function cachedAnswer(
  parser: ModuleParser,
  file: string,
  version: string,
  questionKey: string,
): CachedAnswer | undefined {
  const entry = answeredModules.get(`${parser.key}\0${file}`);
  return entry?.version === version ? entry.answers.get(questionKey) : undefined;
}

export function storeAnswer(
  parser: ModuleParser,
  file: string,
  version: string,
  questionKey: string,
  answer: CachedAnswer,
): void {
  const key = `${parser.key}\0${file}`;
  let entry = answeredModules.get(key);
  if (entry?.version !== version) {
    entry = { version, answers: new Map() };
    answeredModules.set(key, entry);
  }
  entry.answers.set(questionKey, answer);
}

/** Starts a new dependency record for a lint of `lintedFile` and returns it. */
export function startDependencyRecord(lintedFile: string): Set<string> {
  const record = new Set<string>();
  dependencyRecords.set(path.resolve(lintedFile), record);
  return record;
}

/** Project modules whose summaries the last lint of `file` used. */
export function recordedDependencies(file: string): readonly string[] {
  return [...(dependencyRecords.get(path.resolve(file)) ?? [])].sort();
}

/** Uses `text` instead of the disk content of `file`; undefined removes the overlay. */
export function setOverlayText(file: string, text: string | undefined): void {
  for (const key of pathKeys(file)) {
    const existing = overlays.get(key);
    if (text === undefined) {
      overlays.delete(key);
    } else if (existing?.text !== text) {
      overlays.set(key, { text, version: nextOverlayVersion++ });
    }
  }
}

/** Forgets everything cached about `file` and every resolution (the file may be new or gone). */
export function invalidateFile(file: string): void {
  for (const key of pathKeys(file)) {
    generations.set(key, (generations.get(key) ?? 0) + 1);
    parsedModules.deleteWhere((entry) => entry.endsWith(`\0${key}`));
    answeredModules.deleteWhere((entry) => entry.endsWith(`\0${key}`));
  }
  clearResolutions();
}

/** The absolute path of `file` and, when it differs and exists, its real path. */
function pathKeys(file: string): string[] {
  const absolute = path.resolve(file);
  try {
    const real = fs.realpathSync(absolute);
    return real === absolute ? [absolute] : [absolute, real];
  } catch {
    return [absolute];
  }
}
