/**
 * The in-process lint: ESLint's `Linter` with @typescript-eslint/parser and eslint-plugin-keepalive,
 * turned into editor-ready findings. Runs inside the lint worker (see `lint-worker.ts`) and in the
 * benchmark, so both measure the same code path. No `vscode` import.
 */
import { Linter } from 'eslint/universal';
import * as parser from '@typescript-eslint/parser';
import bundledPlugin = require('eslint-plugin-keepalive');
import { buildEslintConfig, optionsKey } from './eslint-config';
import { LintCache } from './lint-cache';
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

const RULE_PREFIX = 'keepalive/';

export class LintEngine {
  private readonly linter = new Linter({ configType: 'flat' });
  private readonly cache = new LintCache<LintResult>(64);

  /** @param plugin the rules to run as `keepalive/*` (the bundled eslint-plugin-keepalive) */
  constructor(private readonly plugin: RulePlugin = bundledPlugin as unknown as RulePlugin) {}

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
    const key = LintCache.key(request.filename, optionsKey(request.options), request.text);
    const cached = this.cache.get(key);
    if (cached) return { ...cached, fromCache: true, durationMs: performance.now() - started };
    const result = this.lintUncached(request, started);
    this.cache.set(key, result);
    return result;
  }

  /** Applies every autofix of the keepalive rules (never suggestions), as ESLint --fix does. */
  fixAll(request: LintRequest): FixAllResult {
    if (this.tooLarge(request)) return { fixedCount: 0 };
    // The typings say boolean; Linter and SourceCodeFixer also accept a predicate over messages.
    const onlyKeepalive = (message: Linter.LintMessage): boolean => message.ruleId?.startsWith(RULE_PREFIX) === true;
    const report = this.linter.verifyAndFix(request.text, this.config(request), {
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
      };
    }
    let messages: Linter.LintMessage[];
    try {
      messages = this.linter.verify(request.text, this.config(request), { filename: request.filename });
    } catch (error) {
      return {
        findings: [],
        problem: { kind: 'internal-error', message: error instanceof Error ? error.message : String(error) },
        durationMs: elapsed(),
        fromCache: false,
      };
    }
    const fatal = messages.find((m) => m.fatal);
    if (fatal) {
      return {
        findings: [],
        problem: { kind: 'syntax-error', message: `line ${fatal.line}: ${fatal.message}` },
        durationMs: elapsed(),
        fromCache: false,
      };
    }
    const index = new LineIndex(request.text);
    const findings = messages
      .filter((m) => m.ruleId?.startsWith(RULE_PREFIX) === true)
      .map((m) => toFinding(m, index));
    return { findings, durationMs: elapsed(), fromCache: false };
  }

  private tooLarge(request: LintRequest): boolean {
    return Buffer.byteLength(request.text) > request.options.maxFileSize;
  }

  private config(request: LintRequest): Linter.Config[] {
    return buildEslintConfig(
      request.options,
      this.plugin as unknown as EslintPlugin,
      parser as unknown as EslintParser,
      request.filename,
    );
  }
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
