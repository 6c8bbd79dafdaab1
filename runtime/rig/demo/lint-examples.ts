// Step 1 of the demo: lint runtime/examples/ with the real ESLint API and the built
// eslint-plugin-keepalive, print the findings with ESLint's own stylish formatter, and produce the
// corrected version of each broken file by applying the rules' fixes and suggestions.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { unifiedDiff } from '../report/unified-diff.js';

export interface CorrectedFile {
  /** Path relative to the repository root. */
  file: string;
  /** "line 22: <suggestion text> (keepalive/<rule>)" for every fix or suggestion applied. */
  applied: string[];
  /** Suggestions offered but not applied, each with the reason (e.g. it would reference an undefined name). */
  skipped: string[];
  /** Findings left in the corrected text ("line 23: keepalive/<rule>"): those need a hand-written fix. */
  remaining: string[];
  /** Unified diff from the original to the corrected text ('' when nothing changed). */
  diff: string;
  corrected: string;
}

export interface ExampleLintReport {
  /** ESLint's stylish output for every linted file. */
  stylish: string;
  errorCount: number;
  warningCount: number;
  /** Linted files without a single finding (the correct examples), relative to the repository root. */
  cleanFiles: string[];
  corrections: CorrectedFile[];
}

interface KeepalivePlugin {
  configs: { recommended: Linter.Config };
}

/** The plugin by package name, as a user would load it; it must be built (root `npm run demo` builds it). */
export function loadKeepalivePlugin(): KeepalivePlugin {
  const require = createRequire(import.meta.url);
  let plugin: unknown;
  try {
    plugin = require('eslint-plugin-keepalive');
  } catch (error) {
    throw new Error(
      `could not load eslint-plugin-keepalive (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
        'build it with `npm run build -w eslint-plugin-keepalive` (the root `npm run demo` does this)',
    );
  }
  const recommended = (plugin as Partial<KeepalivePlugin> | undefined)?.configs?.recommended;
  if (!recommended) throw new Error('eslint-plugin-keepalive has no configs.recommended');
  return plugin as KeepalivePlugin;
}

function eslintFor(cwd: string, plugin: KeepalivePlugin, fix: boolean): ESLint {
  return new ESLint({
    cwd,
    // Only the plugin's rules: the demo is about them, not about the repository's own lint setup.
    overrideConfigFile: true,
    overrideConfig: [plugin.configs.recommended],
    fix,
  });
}

/** Upper bound on suggestions tried per file (each try lints a small file four times). */
const MAX_SUGGESTION_TRIES = 40;

/** Core ESLint's no-undef, used only to catch a suggestion that leaves a name out of scope. */
function scopeCheckerFor(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ rules: { 'no-undef': 'error' } }],
  });
}

function suggestionKey(message: Linter.LintMessage, suggestion: Linter.LintSuggestion): string {
  return JSON.stringify([message.ruleId, suggestion.desc, suggestion.fix.range, suggestion.fix.text]);
}

async function messagesOf(eslint: ESLint, text: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return result?.messages ?? [];
}

interface Linters {
  /** The plugin's rules, reporting. */
  linter: ESLint;
  /** The plugin's rules with `fix: true` (autofixes only; suggestions are never applied by --fix). */
  fixer: ESLint;
  scopeChecker: ESLint;
}

interface Correction {
  corrected: string;
  applied: string[];
  skipped: string[];
}

/**
 * Runs `eslint --fix`, then applies the rules' suggestions one at a time, each finding's first
 * (preferred) suggestion first, and keeps one only if the file still parses, has fewer findings,
 * and names nothing undefined that was defined before. Anything else is listed in `skipped`, never
 * shown as a correction.
 */
async function correct(linters: Linters, filePath: string, original: string): Promise<Correction> {
  const applied: string[] = [];
  const skipped: string[] = [];
  const [fixed] = await linters.fixer.lintText(original, { filePath });
  let text = fixed?.output ?? original;
  if (text !== original) applied.push('autofixes applied by `eslint --fix`');

  const rejected = new Set<string>();
  for (let tries = 0; tries < MAX_SUGGESTION_TRIES; tries += 1) {
    const findings = await messagesOf(linters.linter, text, filePath);
    const candidate = findings
      .flatMap((message) => (message.suggestions ?? []).map((suggestion) => ({ message, suggestion })))
      .find(({ message, suggestion }) => !rejected.has(suggestionKey(message, suggestion)));
    if (!candidate) break;
    const { message, suggestion } = candidate;
    const [start, end] = suggestion.fix.range;
    const next = text.slice(0, start) + suggestion.fix.text + text.slice(end);
    const label = `line ${message.line}: ${suggestion.desc} (${message.ruleId ?? 'unknown rule'})`;

    const nextFindings = await messagesOf(linters.linter, next, filePath);
    const undefinedBefore = new Set((await messagesOf(linters.scopeChecker, text, filePath)).map((m) => m.message));
    const newlyUndefined = (await messagesOf(linters.scopeChecker, next, filePath))
      .filter((m) => m.fatal || !undefinedBefore.has(m.message))
      .map((m) => m.message);
    let reason: string | undefined;
    if (nextFindings.some((m) => m.fatal)) reason = 'the result does not parse';
    else if (newlyUndefined.length > 0) reason = `the result would not run: ${newlyUndefined.join(' ')}`;
    else if (nextFindings.length >= findings.length) reason = 'the finding remains after applying it';
    if (reason) {
      rejected.add(suggestionKey(message, suggestion));
      skipped.push(`${label} — not applied: ${reason}`);
      continue;
    }
    applied.push(label);
    text = next;
  }
  return { corrected: text, applied, skipped };
}

export async function lintExamples(options: { repoRoot: string; examplesDir: string }): Promise<ExampleLintReport> {
  const plugin = loadKeepalivePlugin();
  const linters: Linters = {
    linter: eslintFor(options.repoRoot, plugin, false),
    fixer: eslintFor(options.repoRoot, plugin, true),
    scopeChecker: scopeCheckerFor(options.repoRoot),
  };
  const { linter } = linters;
  const results = await linter.lintFiles([options.examplesDir]);
  if (results.length === 0) throw new Error(`no JavaScript files to lint under ${options.examplesDir}`);
  const formatter = await linter.loadFormatter('stylish');
  const stylish = await formatter.format(results);

  const corrections: CorrectedFile[] = [];
  const cleanFiles: string[] = [];
  for (const result of results) {
    const file = relative(options.repoRoot, result.filePath);
    if (result.messages.length === 0) {
      cleanFiles.push(file);
      continue;
    }
    const original = await readFile(result.filePath, 'utf8');
    const { corrected, applied, skipped } = await correct(linters, result.filePath, original);
    const remaining = (await messagesOf(linter, corrected, result.filePath)).map(
      (message) => `line ${message.line}: ${message.ruleId ?? 'parse error'}`,
    );
    corrections.push({
      file,
      applied,
      skipped,
      remaining,
      corrected,
      diff: unifiedDiff(original, corrected, { fromLabel: `a/${file}`, toLabel: `b/${file}` }),
    });
  }
  return {
    stylish,
    errorCount: results.reduce((sum, result) => sum + result.errorCount, 0),
    warningCount: results.reduce((sum, result) => sum + result.warningCount, 0),
    cleanFiles,
    corrections,
  };
}
