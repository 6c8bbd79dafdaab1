/**
 * The in-process lint: ESLint's `Linter` with eslint-plugin-keepalive, turned into editor-ready
 * findings. TypeScript files are parsed by @typescript-eslint/parser, loaded on the first one (it
 * carries TypeScript itself, most of the worker's code); JavaScript files by ESLint's own espree. Runs inside the lint worker (see `lint-worker.ts`) and in the
 * benchmark, so both measure the same code path. No `vscode` import.
 *
 * Cross-file: the rules follow a file's imports into the project's modules through the plugin's
 * module graph. Each result lists the modules it used; editor buffers of unsaved modules reach the
 * graph as overlays, and a cached result is reused only while its modules are unchanged.
 */
import { isAbsolute } from 'node:path';
import { Linter } from 'eslint/universal';
import bundledPlugin = require('eslint-plugin-keepalive');
import * as bundledModuleGraph from 'eslint-plugin-keepalive/module-graph';
import { DependencyVersions, type DependencyStamp } from './dependency-versions';
import { buildEslintConfig, isTypeScriptFile, optionsKey } from './eslint-config';
import { generatedFileReason } from './generated-file';
import { LintCache } from './lint-cache';
import { linterCwd } from './lint-target';
import type { Finding, FixAllResult, LintRequest, LintResult, RuleInfo } from './lint-types';
import { LineIndex, minimalEdit, rangeFromEslintLocation } from './text-positions';

type EslintPlugin = NonNullable<Linter.Config['plugins']>[string];
type EslintParser = NonNullable<NonNullable<Linter.Config['languageOptions']>['parser']>;

interface RuleMeta {
  readonly docs?: { readonly description?: string; readonly url?: string };
  readonly fixable?: string;
  readonly hasSuggestions?: boolean;
}

/** What the engine needs of a plugin: eslint-plugin-keepalive's shape. */
export interface RulePlugin {
  readonly rules: Readonly<Record<string, { readonly meta?: RuleMeta }>>;
}

/** The plugin's module graph (`eslint-plugin-keepalive/module-graph`): what editors tell it and ask it. */
export interface ModuleGraph {
  /** Project modules whose summaries the last lint of `file` used (absolute paths). */
  dependenciesOf(file: string): readonly string[];
  /** Use `text` instead of the file on disk for `file`; undefined removes it. */
  setOverlay(file: string, text: string | undefined): void;
  /** Forget cached summaries of `file` (it changed on disk). */
  invalidate(file: string): void;
}

interface CachedLint {
  readonly result: LintResult;
  readonly dependencies: readonly DependencyStamp[];
}

const RULE_PREFIX = 'keepalive/';
export const LINT_CACHE_ENTRIES = 5_000;

export class LintEngine {
  /** Room for every file of a scanned workspace: an entry is the findings, not the text. */
  private readonly cache = new LintCache<CachedLint>(LINT_CACHE_ENTRIES);
  private readonly versions = new DependencyVersions();
  private readonly knownDependencies = new Map<string, Set<string>>();

  /**
   * @param plugin the rules to run as `keepalive/*` (the bundled eslint-plugin-keepalive)
   * @param moduleGraph the plugin's module graph (the bundled plugin's)
   */
  constructor(
    private readonly plugin: RulePlugin = bundledPlugin as unknown as RulePlugin,
    private readonly moduleGraph: ModuleGraph = bundledModuleGraph,
  ) {}

  /** The plugin's rules, with the documentation and fix capabilities the code actions need. */
  rules(): RuleInfo[] {
    return Object.entries(this.plugin.rules).map(([name, rule]) => ({
      ruleId: `${RULE_PREFIX}${name}`,
      description: rule.meta?.docs?.description ?? '',
      docsUrl: rule.meta?.docs?.url,
      fixable: rule.meta?.fixable !== undefined,
      hasSuggestions: rule.meta?.hasSuggestions === true,
    }));
  }

  lint(request: LintRequest): LintResult {
    const started = performance.now();
    const cwd = linterCwd(request.filename, request.cwd);
    const key = LintCache.key(request.filename, `${optionsKey(request.options)}\0${cwd}`, request.text);
    const cached = this.cache.get(key);
    if (cached && this.versions.isCurrent(cached.dependencies)) {
      return { ...cached.result, fromCache: true, durationMs: performance.now() - started };
    }
    const linted = this.lintUncached(request, started);
    const result = { ...linted, dependencies: this.rememberDependencies(request.filename, linted.dependencies) };
    this.cache.set(key, { result, dependencies: this.versions.stamp(result.dependencies) });
    return result;
  }

  /**
   * Every module the lints of `filename` have used so far in this worker. A lint made while an
   * imported module is half-typed can miss it (the plugin then loads nothing from it); forgetting
   * it would leave the file's findings and cache entry computed from that half-typed text until
   * the file itself changes. Keeping it costs at most a needless re-lint.
   */
  private rememberDependencies(filename: string, dependencies: readonly string[]): string[] {
    let known = this.knownDependencies.get(filename);
    if (!known) {
      known = new Set();
      this.knownDependencies.set(filename, known);
    }
    for (const dependency of dependencies) known.add(dependency);
    return [...known];
  }

  /** An editor holds unsaved `text` for `file` (undefined: the editor matches the disk again). */
  setOverlay(file: string, text: string | undefined): void {
    this.moduleGraph.setOverlay(file, text);
    this.versions.changed(file);
  }

  /** `file` changed on disk (saved, checked out, written by a tool). */
  invalidate(file: string): void {
    this.moduleGraph.invalidate(file);
    this.versions.changed(file);
  }

  /** Applies every autofix of the keepalive rules (never suggestions), as ESLint --fix does. */
  fixAll(request: LintRequest): FixAllResult {
    if (this.tooLarge(request) || generatedFileReason(request.filename, request.text)) return { fixedCount: 0 };
    // The typings say boolean; Linter and SourceCodeFixer also accept a predicate over messages.
    const onlyKeepalive = (message: Linter.LintMessage): boolean => message.ruleId?.startsWith(RULE_PREFIX) === true;
    const report = this.linterFor(request).verifyAndFix(request.text, this.config(request), {
      filename: request.filename,
      fix: onlyKeepalive as unknown as boolean,
    });
    if (!report.fixed) return { fixedCount: 0 };
    const edit = minimalEdit(request.text, report.output);
    if (!edit) return { fixedCount: 0 };
    const fixableBefore = this.lint(request).findings.filter((f) => f.fix !== undefined).length;
    const stillFixable = report.messages.filter((m) => m.fix && m.ruleId?.startsWith(RULE_PREFIX)).length;
    return { edit, fixedCount: Math.max(1, fixableBefore - stillFixable) };
  }

  /** Loads the TypeScript parser and runs it once, so the first TypeScript lint does not pay for that. */
  warmTypeScript(): void {
    typescriptParser().parseForESLint('export const warm: number = 1;\n', { filePath: 'warm.ts', ecmaVersion: 'latest', sourceType: 'module' });
  }

  clearCache(): void {
    this.cache.clear();
  }

  private lintUncached(request: LintRequest, started: number): LintResult {
    const elapsed = (): number => performance.now() - started;
    if (this.tooLarge(request)) {
      return {
        findings: [],
        problem: {
          kind: 'too-large',
          message: `not linted: ${Buffer.byteLength(request.text)} bytes is over keepalive.maxFileSize (${request.options.maxFileSize})`,
        },
        durationMs: elapsed(),
        fromCache: false,
        dependencies: [],
      };
    }
    const generated = generatedFileReason(request.filename, request.text);
    if (generated) {
      return {
        findings: [],
        problem: { kind: 'generated', message: `not linted: generated or minified code (${generated})` },
        durationMs: elapsed(),
        fromCache: false,
        dependencies: [],
      };
    }
    let messages: Linter.LintMessage[];
    try {
      messages = this.linterFor(request).verify(request.text, this.config(request), { filename: request.filename });
    } catch (error) {
      return {
        findings: [],
        problem: { kind: 'internal-error', message: error instanceof Error ? error.message : String(error) },
        durationMs: elapsed(),
        fromCache: false,
        dependencies: [],
      };
    }
    const fatal = messages.find((m) => m.fatal);
    if (fatal) {
      return {
        findings: [],
        problem: { kind: 'syntax-error', message: `line ${fatal.line}: ${fatal.message}` },
        durationMs: elapsed(),
        fromCache: false,
        dependencies: [],
      };
    }
    // The Linter reports a file no config matches as a plain warning without a rule: never let that
    // pass as "no findings".
    const unmatched = messages.find((m) => m.ruleId === null && m.message.startsWith('No matching configuration'));
    if (unmatched) {
      return {
        findings: [],
        problem: { kind: 'internal-error', message: unmatched.message },
        durationMs: elapsed(),
        fromCache: false,
        dependencies: [],
      };
    }
    const index = new LineIndex(request.text);
    const findings = messages
      .filter((m) => m.ruleId?.startsWith(RULE_PREFIX) === true)
      .map((m) => toFinding(m, index));
    const dependencies = isAbsolute(request.filename) ? [...this.moduleGraph.dependenciesOf(request.filename)] : [];
    return { findings, durationMs: elapsed(), fromCache: false, dependencies };
  }

  /** A Linter whose cwd contains the file (see `linterCwd`); constructing one costs microseconds. */
  private linterFor(request: LintRequest): Linter {
    return new Linter({ configType: 'flat', cwd: linterCwd(request.filename, request.cwd) });
  }

  private tooLarge(request: LintRequest): boolean {
    return Buffer.byteLength(request.text) > request.options.maxFileSize;
  }

  private config(request: LintRequest): Linter.Config[] {
    return buildEslintConfig(
      request.options,
      this.plugin as unknown as EslintPlugin,
      isTypeScriptFile(request.filename) ? (typescriptParser() as unknown as EslintParser) : undefined,
      request.filename,
    );
  }
}

let loadedTypescriptParser: typeof import('@typescript-eslint/parser') | undefined;

/**
 * @typescript-eslint/parser, required on first use. In the worker bundle this require loads
 * `dist/typescript-parser.js` (see scripts/build.mjs).
 */
function typescriptParser(): typeof import('@typescript-eslint/parser') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadedTypescriptParser ??= require('@typescript-eslint/parser') as typeof import('@typescript-eslint/parser');
  return loadedTypescriptParser;
}

/** Whether the TypeScript parser has been loaded in this thread (for the worker's status and tests). */
export function typescriptParserLoaded(): boolean {
  return loadedTypescriptParser !== undefined;
}

/** One ESLint message of a keepalive rule as a finding (positions converted, fixes as edits). */
export function toFinding(message: Linter.LintMessage, index: LineIndex): Finding {
  const finding: Finding = {
    ruleId: message.ruleId ?? '',
    severity: message.severity === 2 ? 'error' : 'warning',
    message: message.message,
    range: rangeFromEslintLocation(message.line, message.column, message.endLine, message.endColumn),
    suggestions: (message.suggestions ?? []).map((suggestion) => ({
      title: suggestion.desc,
      edit: index.editFromOffsets(suggestion.fix.range[0], suggestion.fix.range[1], suggestion.fix.text),
    })),
  };
  if (!message.fix) return finding;
  return { ...finding, fix: index.editFromOffsets(message.fix.range[0], message.fix.range[1], message.fix.text) };
}
