/** Plain positions, ranges and edits (`lint-types.ts`) to and from their `vscode` classes. */
import * as vscode from 'vscode';
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
  diagnostic.code = rule?.docsUrl
    ? { value: finding.ruleId, target: vscode.Uri.parse(rule.docsUrl) }
    : finding.ruleId;
  return diagnostic;
}

/** The rule id of a diagnostic this extension published (`undefined` for anybody else's). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && typeof code.value === 'string') return code.value;
  return undefined;
}

export const LINTED_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

export function isLintable(document: vscode.TextDocument): boolean {
  return (
    (LINTED_LANGUAGES as readonly string[]).includes(document.languageId) &&
    document.uri.scheme !== 'git' &&
    document.uri.scheme !== 'output' &&
    document.uri.scheme !== 'vscode-scm'
  );
}
