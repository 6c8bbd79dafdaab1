/**
 * The data that crosses the boundary between the extension host and the lint worker. Plain,
 * structured-clone-safe objects: positions are zero-based lines and UTF-16 characters, exactly as
 * VS Code counts them, so the host never needs the text the lint ran on to place a result.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export type RuleSeverity = 'off' | 'warn' | 'error';

/** One problem a keepalive rule reported, ready to become a diagnostic and its code actions. */
export interface Finding {
  /** Full ESLint rule id, e.g. `keepalive/no-unconsumed-body`. */
  readonly ruleId: string;
  readonly severity: 'warning' | 'error';
  readonly message: string;
  readonly range: Range;
  /** The rule's autofix: behaviour-safe by ESLint's contract, so fix-all may apply it. */
  readonly fix?: TextEdit;
  /** The rule's suggestions, best first; never applied without the user choosing one. */
  readonly suggestions: readonly { readonly title: string; readonly edit: TextEdit }[];
}

/** Why a document produced no findings although it was linted (shown once in the status item). */
export interface LintProblem {
  readonly kind: 'syntax-error' | 'too-large' | 'generated' | 'internal-error';
  readonly message: string;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly problem?: LintProblem;
  /** Time spent in the worker on this request (0 when served from the cache). */
  readonly durationMs: number;
  readonly fromCache: boolean;
  /**
   * Other project modules (absolute real paths) whose content this result depends on: the rules
   * followed imports into them. A change to one of them makes this result stale.
   */
  readonly dependencies: readonly string[];
}

export interface FixAllResult {
  /** One edit that turns the text into the fixed text; absent when nothing was fixable. */
  readonly edit?: TextEdit;
  readonly fixedCount: number;
}

/** Per-document lint options derived from the resource-scoped settings (see `settings.ts`). */
export interface LintOptions {
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly handlerRegistrations: readonly unknown[];
  readonly poolConstructors: readonly unknown[];
  readonly consumingHelpers: readonly unknown[];
  readonly maxFileSize: number;
}

/** What the worker knows about each rule, sent once at start. */
export interface RuleInfo {
  readonly ruleId: string;
  readonly description: string;
  readonly docsUrl: string | undefined;
  readonly fixable: boolean;
  readonly hasSuggestions: boolean;
}

export interface LintRequest {
  /**
   * The name the rules see: the document's absolute path when it is a file on disk (so its imports
   * can be followed), a synthetic relative name otherwise (see `lint-target.ts`).
   */
  readonly filename: string;
  readonly text: string;
  readonly options: LintOptions;
  /** ESLint's working directory (the workspace folder); files outside it are linted all the same. */
  readonly cwd?: string;
}
