/**
 * Which code actions a finding offers, in the order the light bulb shows them, as plain data (the
 * `vscode` wiring in `code-actions.ts` turns each into a `CodeAction`). One table of kinds, like
 * vscode-eslint: the fix, each suggestion, fix-all-of-this-rule, disable line, disable file, docs.
 */
import { disableForFileEdit, disableForLineEdit } from './disable-comments';
import type { Finding, RuleInfo, TextEdit } from './lint-types';

export type ActionKind = 'quickfix' | 'source.fixAll';

export interface PlannedAction {
  readonly title: string;
  readonly kind: ActionKind;
  readonly isPreferred: boolean;
  readonly edits?: readonly TextEdit[];
  readonly command?: { readonly id: string; readonly title: string; readonly arguments: readonly unknown[] };
}

export const SHOW_DOCUMENTATION_COMMAND = 'keepalive.showDocumentation';

export interface DocumentLines {
  readonly lineCount: number;
  lineText(line: number): string;
  /** Where the code starts when not on the first line (a component's `<script>` block). */
  readonly codeStart?: number;
}

/**
 * @param finding the finding under the cursor
 * @param all every finding of the same document (for "fix all of this rule")
 * @param rule what the worker reported about the finding's rule (undefined if unknown)
 * @param fixesUsable false when the document changed since the lint: fixes and suggestions would
 *   land on stale offsets, so only disable and documentation actions are offered
 */
export function planActions(
  finding: Finding,
  all: readonly Finding[],
  rule: RuleInfo | undefined,
  document: DocumentLines,
  fixesUsable: boolean,
): PlannedAction[] {
  const actions: PlannedAction[] = [];
  if (fixesUsable) {
    if (finding.fix) {
      actions.push({ title: `Fix this ${finding.ruleId} problem`, kind: 'quickfix', isPreferred: true, edits: [finding.fix] });
    }
    finding.suggestions.forEach((suggestion, index) => {
      actions.push({
        title: `${suggestion.title} (${finding.ruleId})`,
        kind: 'quickfix',
        // The rule lists its best suggestion first; an autofix, when there is one, is better still.
        isPreferred: !finding.fix && index === 0,
        edits: [suggestion.edit],
      });
    });
    const sameRuleFixes = all.filter((other) => other.ruleId === finding.ruleId && other.fix !== undefined);
    if (sameRuleFixes.length > 1) {
      actions.push({
        title: `Fix all ${finding.ruleId} problems`,
        kind: 'quickfix',
        isPreferred: false,
        edits: nonOverlapping(sameRuleFixes.map((other) => other.fix as TextEdit)),
      });
    }
  }
  const line = finding.range.start.line;
  actions.push({
    title: `Disable ${finding.ruleId} for this line`,
    kind: 'quickfix',
    isPreferred: false,
    edits: [disableForLineEdit((n) => document.lineText(n), line, finding.ruleId)],
  });
  actions.push({
    title: `Disable ${finding.ruleId} for the entire file`,
    kind: 'quickfix',
    isPreferred: false,
    edits: [disableForFileEdit((n) => document.lineText(n), document.lineCount, finding.ruleId, document.codeStart)],
  });
  const title = `Show documentation for ${finding.ruleId}`;
  actions.push({
    title,
    kind: 'quickfix',
    isPreferred: false,
    command: { id: SHOW_DOCUMENTATION_COMMAND, title, arguments: [finding.ruleId, rule?.docsUrl] },
  });
  return actions;
}

/** The findings of a document that a diagnostic at `range` with `code` refers to. */
export function findingsAt(
  findings: readonly Finding[],
  ruleId: string,
  range: Finding['range'],
  message: string,
): Finding[] {
  return findings.filter(
    (f) =>
      f.ruleId === ruleId &&
      f.message === message &&
      f.range.start.line === range.start.line &&
      f.range.start.character === range.start.character &&
      f.range.end.line === range.end.line &&
      f.range.end.character === range.end.character,
  );
}

/** Keeps edits that do not overlap an earlier one (VS Code rejects overlapping edits in one action). */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last && compare(edit.range.start, last.range.end) < 0) continue;
    kept.push(edit);
  }
  return kept;
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
