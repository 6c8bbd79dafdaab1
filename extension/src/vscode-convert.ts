/** Plain positions, ranges and edits (`lint-types.ts`) to and from their `vscode` classes. */
import * as vscode from 'vscode';
import { COMPONENT_EXTENSIONS, isComponentFile } from './embedded-scripts';
import type { Finding, Range, RuleInfo, TextEdit } from './lint-types';

export const DIAGNOSTIC_SOURCE = 'keepalive';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromRange(range: vscode.Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function toTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(edit.range), edit.newText);
}

export function toDiagnostic(finding: Finding, rule: RuleInfo | undefined): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(finding.range),
    finding.message,
    finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  // The hover and the Problems view show `source(code)`: `keepalive(no-unconsumed-body)`, not the
  // prefix twice.
  const code = finding.ruleId.startsWith(RULE_PREFIX) ? finding.ruleId.slice(RULE_PREFIX.length) : finding.ruleId;
  diagnostic.code = rule?.docsUrl ? { value: code, target: vscode.Uri.parse(rule.docsUrl) } : code;
  return diagnostic;
}

const RULE_PREFIX = `${DIAGNOSTIC_SOURCE}/`;

/** The rule id of a diagnostic this extension published (`undefined` for anybody else's). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  const name = typeof code === 'string' ? code : typeof code === 'object' && typeof code.value === 'string' ? code.value : undefined;
  return name === undefined ? undefined : `${RULE_PREFIX}${name}`;
}

export const LINTED_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

/**
 * The documents the extension lints: JS/TS by language, Vue and Svelte components by file name
 * (their language exists only with a Vue or Svelte extension installed).
 */
export const LINTED_SELECTOR: vscode.DocumentSelector = [
  ...LINTED_LANGUAGES.map((language) => ({ language })),
  ...COMPONENT_EXTENSIONS.map((extension) => ({ pattern: `**/*.${extension}` })),
];

export function isLintable(document: vscode.TextDocument): boolean {
  return (
    ((LINTED_LANGUAGES as readonly string[]).includes(document.languageId) || isComponentFile(document.uri.path)) &&
    document.uri.scheme !== 'git' &&
    document.uri.scheme !== 'output' &&
    document.uri.scheme !== 'vscode-scm'
  );
}
