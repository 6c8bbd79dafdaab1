/**
 * Module summaries: what a rule may learn about an export of another module of the project
 * without a type checker. Nothing is resolved or parsed until a rule asks about an import.
 *
 *   const summaries = moduleSummariesOf(context);
 *   const target = summaries?.resolveExport(ref);            // ref from resolveModuleRefs
 *   const builds = target
 *     ? summaries.answer('builds-client', target, () => ..., false)
 *     : false;
 *
 * `answer` memoises per process, bounds nesting to MAX_NESTED_ANSWERS modules and breaks cycles.
 * An answer is reused only where computing it afresh would give the same value (its own nesting
 * fits below the current depth and none of the questions it asked is on the current stack), so a
 * file's findings never depend on which files the process linted before it.
 */
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { GLOBAL, type ModuleRef } from '../imports/module-refs';
import { lookupExport, type ModuleLoader } from './export-lookup';
import {
  cachedAnswer,
  currentVersion,
  isFileOnDisk,
  loadModule,
  startDependencyRecord,
  storeAnswer,
} from './module-cache';
import { moduleParserOf, type ModuleParser } from './module-parser';
import type { LoadedModule, ProjectModule, ResolvedExport } from './project-module';
import { isResolverAvailable, resolveProjectModule } from './resolve-module';
import { mayReachText, type TextHint } from './text-hints';

/** How many answers about other modules may be nested inside each other. */
const MAX_NESTED_ANSWERS = 3;

export interface ModuleSummaries {
  /** The file these summaries are seen from (the linted file, or a project module). */
  readonly file: string;
  /**
   * The export `ref` names, as `resolveModuleRefs` returns it for code in `this.file`; undefined
   * unless it is an export of a project-local module that could be resolved and parsed.
   * Never throws.
   */
  resolveExport(ref: ModuleRef): ResolvedExport | undefined;
  /** The same summaries seen from inside `module` (to follow that module's own imports). */
  from(module: ProjectModule): ModuleSummaries;
  /**
   * Memoised answer to `question` about `target`. Returns `fallback` on a cycle, beyond the
   * depth bound, or when `compute` throws. Records the modules involved as dependencies of the
   * linted file. `question` names the question and its variant (include any option that changes
   * the answer); answers should be small data (booleans, strings), not AST nodes, because they
   * outlive the parsed module.
   */
  answer<T>(question: string, target: ResolvedExport, compute: () => T, fallback: T): T;
  /**
   * The cheap look before parsing (text-hints.ts): may the project module `specifier` names, or
   * one it imports, matter to a question with `hint`? Records the modules it read as dependencies.
   */
  mayReach(specifier: string, hint: TextHint): boolean;
}

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const summariesBySourceCode = new WeakMap<object, ModuleSummaries | null>();

/**
 * Summaries for the file of `context`, or undefined when unavailable (no real file name, no
 * usable parser, resolver failed to load). Cached per `context.sourceCode`. Never throws.
 */
export function moduleSummariesOf(context: RuleContext): ModuleSummaries | undefined {
  try {
    const sourceCode = context.sourceCode as object;
    const cached = summariesBySourceCode.get(sourceCode);
    if (cached !== undefined) return cached ?? undefined;
    const summaries = createSummaries(context);
    summariesBySourceCode.set(sourceCode, summaries ?? null);
    return summaries;
  } catch {
    return undefined;
  }
}

function createSummaries(context: RuleContext): ModuleSummaries | undefined {
  const file = context.filename;
  if (!path.isAbsolute(file) || !isFileOnDisk(file)) return undefined;
  if (!isResolverAvailable()) return undefined;
  const parser = moduleParserOf(context);
  if (!parser) return undefined;
  return new LintSession(parser, startDependencyRecord(file)).view(file);
}

/** One answer being computed. */
interface Frame {
  readonly key: string;
  readonly dependencies: Map<string, string>;
  /** Keys of every answer computed or reused below this one (its own included). */
  readonly questions: Set<string>;
  /** Nesting levels this answer needed (1 = it asked no nested question). */
  height: number;
  /** A nested question hit the depth bound or a cycle: the value depends on the stack. */
  truncated: boolean;
}

interface StoredAnswer {
  readonly value: unknown;
  readonly questions: ReadonlySet<string>;
  readonly height: number;
}

/** State of one lint of one file: memoised module versions, the answer stack, dependencies. */
class LintSession implements ModuleLoader {
  private readonly versions = new Map<string, string | undefined>();
  /** `from \0 specifier \0 hint key` -> the text-hint answer and the modules it read. */
  private readonly textHints = new Map<string, { result: boolean; reads: readonly [string, string][] }>();
  private readonly views = new Map<string, ModuleSummaries>();
  private readonly stack: Frame[] = [];

  constructor(
    private readonly parser: ModuleParser,
    private readonly dependencies: Set<string>,
  ) {}

  view(file: string): ModuleSummaries {
    let view = this.views.get(file);
    if (!view) {
      view = new SummariesView(file, this);
      this.views.set(file, view);
    }
    return view;
  }

  load(fromFile: string, specifier: string): LoadedModule | undefined {
    const file = resolveProjectModule(fromFile, specifier);
    if (file === undefined) return undefined;
    const version = this.version(file);
    if (version === undefined) return undefined;
    // Recorded even when the module does not parse: fixing it changes the answers.
    this.use(file, version);
    return loadModule(file, version, this.parser);
  }

  answer<T>(question: string, target: ResolvedExport, compute: () => T, fallback: T): T {
    const file = target.module.file;
    const version = this.version(file);
    if (version === undefined) return fallback;
    this.use(file, version);
    const questionKey = `${question}\0${target.name}\0${target.node.range[0]}-${target.node.range[1]}`;
    const frameKey = `${file}\0${questionKey}`;

    const cached = cachedAnswer(this.parser, file, version, questionKey);
    if (cached && this.isReusable(cached)) {
      const stored = cached.value as StoredAnswer;
      for (const [dependency, dependencyVersion] of cached.dependencies) {
        this.use(dependency, dependencyVersion);
      }
      this.noteNested(stored.questions, stored.height);
      return stored.value as T;
    }

    if (this.stack.length >= MAX_NESTED_ANSWERS || this.stack.some((f) => f.key === frameKey)) {
      for (const frame of this.stack) frame.truncated = true;
      return fallback;
    }
    const frame: Frame = {
      key: frameKey,
      dependencies: new Map([[file, version]]),
      questions: new Set([frameKey]),
      height: 1,
      truncated: false,
    };
    this.stack.push(frame);
    let value: T;
    try {
      value = compute();
    } catch {
      value = fallback;
    } finally {
      this.stack.pop();
    }
    this.noteNested(frame.questions, frame.height);
    if (!frame.truncated) {
      const stored: StoredAnswer = { value, questions: frame.questions, height: frame.height };
      storeAnswer(this.parser, file, version, questionKey, {
        value: stored,
        dependencies: frame.dependencies,
      });
    }
    return value;
  }

  /**
   * The text-hint answer for `specifier` imported by `fromFile`, once per lint: every call site of
   * an import asks it again. A repeat replays the modules the first answer read as dependencies.
   */
  mayReach(fromFile: string, specifier: string, hint: TextHint): boolean {
    const key = `${fromFile}\0${specifier}\0${hint.key}`;
    const known = this.textHints.get(key);
    if (known) {
      for (const [file, version] of known.reads) this.use(file, version);
      return known.result;
    }
    const reads: [string, string][] = [];
    const result = mayReachText(
      fromFile,
      specifier,
      hint,
      (file, version) => {
        reads.push([file, version]);
        this.use(file, version);
      },
      undefined,
      (file) => this.version(file),
    );
    this.textHints.set(key, { result, reads });
    return result;
  }

  /** The version of `file`, read once per lint. */
  private version(file: string): string | undefined {
    if (this.versions.has(file)) return this.versions.get(file);
    const version = currentVersion(file);
    this.versions.set(file, version);
    return version;
  }

  /** Records that the current lint, and every answer being computed, read `file`. */
  use(file: string, version: string): void {
    this.dependencies.add(file);
    for (const frame of this.stack) frame.dependencies.set(file, version);
  }

  /** Tells the enclosing answer which questions a nested one asked and how deep it went. */
  private noteNested(questions: ReadonlySet<string>, height: number): void {
    const parent = this.stack.at(-1);
    if (!parent) return;
    for (const question of questions) parent.questions.add(question);
    parent.height = Math.max(parent.height, height + 1);
  }

  /** A stored answer equals a fresh computation here: same module versions, same truncation. */
  private isReusable(cached: {
    readonly value: unknown;
    readonly dependencies: ReadonlyMap<string, string>;
  }): boolean {
    const stored = cached.value as StoredAnswer;
    if (this.stack.length + stored.height > MAX_NESTED_ANSWERS) return false;
    for (const frame of this.stack) if (stored.questions.has(frame.key)) return false;
    for (const [dependency, version] of cached.dependencies) {
      if (this.version(dependency) !== version) return false;
    }
    return true;
  }
}

class SummariesView implements ModuleSummaries {
  constructor(
    readonly file: string,
    private readonly session: LintSession,
  ) {}

  resolveExport(ref: ModuleRef): ResolvedExport | undefined {
    try {
      if (ref.module === GLOBAL) return undefined;
      const module = this.session.load(this.file, ref.module);
      return module && lookupExport(this.session, module, ref.path);
    } catch {
      return undefined;
    }
  }

  from(module: ProjectModule): ModuleSummaries {
    return this.session.view(module.file);
  }

  answer<T>(question: string, target: ResolvedExport, compute: () => T, fallback: T): T {
    try {
      return this.session.answer(question, target, compute, fallback);
    } catch {
      return fallback;
    }
  }

  mayReach(specifier: string, hint: TextHint): boolean {
    try {
      return this.session.mayReach(this.file, specifier, hint);
    } catch {
      return false;
    }
  }
}
