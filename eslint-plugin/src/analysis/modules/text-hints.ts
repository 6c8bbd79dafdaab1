/**
 * A cheap look before parsing: can the module an import names — or a project module it imports, a
 * few modules deep — matter to a question at all? Parsing is the expensive part of module
 * summaries, and most imported project modules (formatting helpers, constants, types) never
 * mention an HTTP client. A question states what its text must mention (`TextHint`); a module whose
 * text, and whose imports' text, mentions none of it is never parsed for that question.
 *
 * Reads files (or editor overlays) and scans their import specifiers with a regular expression;
 * never parses. Hints are cached per (file, version, hint key).
 */
import { isBuiltin } from 'node:module';
import { isCodeAt } from './code-text';
import { currentText, currentVersion } from './module-cache';
import { resolveProjectModule } from './resolve-module';

export interface TextHint {
  /** Identifies `mentions` in the cache (e.g. the rule's name plus its configured packages). */
  readonly key: string;
  /**
   * True when a module with this text, importing `specifiers` (see `importedSpecifiers`), may be
   * relevant to the question.
   */
  readonly mentions: (text: string, specifiers: readonly string[]) => boolean;
}

/** As deep as module summaries follow nested modules. */
const DEFAULT_DEPTH = 3;
const MAX_CACHED_HINTS = 20_000;

interface ModuleText {
  readonly mentions: boolean;
  readonly specifiers: readonly string[];
}

/** `file \0 version \0 hint key` -> what its text shows. */
const moduleTexts = new Map<string, ModuleText>();

const SPECIFIER = /\bfrom\s*['"`]([^'"`\n]+)['"`]|\b(?:require|import)\s*\(\s*['"`]([^'"`\n]+)['"`]\s*\)/g;

/**
 * The module specifiers `text` imports, re-exports or requires (by a text scan, no parse).
 * Comments and strings are skipped: a doc comment's usage example (` * import { Agent } from
 * 'undici'`) imports nothing.
 */
export function importedSpecifiers(text: string): readonly string[] {
  // The rules each ask for the linted file's text in turn: scan it once.
  if (text === lastScan.text) return lastScan.specifiers;
  const specifiers: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2];
    if (!specifier) continue;
    if (isCodeAt(text, match.index)) specifiers.push(specifier);
  }
  lastScan = { text, specifiers };
  return specifiers;
}

let lastScan: { readonly text: string; readonly specifiers: readonly string[] } = { text: '', specifiers: [] };

/**
 * True when the project module `specifier` names from `fromFile`, or one it imports (up to `depth`
 * modules deep), has text that `hint` mentions. False for packages, built-ins and anything that
 * does not resolve to a project module. `onRead` learns every module whose text was looked at.
 */
export function mayReachText(
  fromFile: string,
  specifier: string,
  hint: TextHint,
  onRead?: (file: string, version: string) => void,
  depth = DEFAULT_DEPTH,
  versionOf: (file: string) => string | undefined = currentVersion,
): boolean {
  return reaches(fromFile, specifier, hint, depth, new Set(), { onRead, versionOf });
}

interface ReadContext {
  readonly onRead: ((file: string, version: string) => void) | undefined;
  /** A lint memoises versions (one stat per module per lint); `currentVersion` otherwise. */
  readonly versionOf: (file: string) => string | undefined;
}

function reaches(
  fromFile: string,
  specifier: string,
  hint: TextHint,
  depth: number,
  visiting: Set<string>,
  context: ReadContext,
): boolean {
  if (depth <= 0 || isBuiltin(specifier)) return false;
  const file = resolveProjectModule(fromFile, specifier);
  if (file === undefined || visiting.has(file)) return false;
  const version = context.versionOf(file);
  if (version === undefined) return false;
  // The answer depends on this text: editing the module must count as a change for the linted file.
  context.onRead?.(file, version);
  const text = moduleTextOf(file, version, hint);
  if (!text) return false;
  if (text.mentions) return true;
  visiting.add(file);
  const found = text.specifiers.some((nested) => reaches(file, nested, hint, depth - 1, visiting, context));
  visiting.delete(file);
  return found;
}

function moduleTextOf(file: string, version: string, hint: TextHint): ModuleText | undefined {
  const key = `${file}\0${version}\0${hint.key}`;
  let cached = moduleTexts.get(key);
  if (cached) return cached;
  const text = currentText(file);
  if (text === undefined) return undefined;
  const specifiers = importedSpecifiers(text);
  cached = { mentions: hint.mentions(text, specifiers), specifiers };
  if (moduleTexts.size >= MAX_CACHED_HINTS) moduleTexts.clear();
  moduleTexts.set(key, cached);
  return cached;
}
