/**
 * The code-action provider: quick fixes for keepalive diagnostics (planned by `code-action-plan.ts`)
 * and the `source.fixAll.keepalive` action for `editor.codeActionsOnSave`, which applies only the
 * rules' autofixes — behaviour-safe by ESLint's contract — and never suggestions.
 */
import * as vscode from 'vscode';
import { findingsAt, planActions, type PlannedAction } from './code-action-plan';
import type { DocumentLinter } from './document-linter';
import { componentScripts, isComponentFile } from './embedded-scripts';
import type { LintWorkerClient } from './lint-worker-client';
import { fromRange, ruleIdOf, toTextEdit } from './vscode-convert';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('keepalive');

export class KeepaliveCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly linter: DocumentLinter,
    private readonly client: LintWorkerClient,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (context.only?.contains(FIX_ALL_KIND)) {
      const action = await this.fixAllAction(document);
      return action ? [action] : [];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];

    const stored = this.linter.findingsOf(document);
    if (!stored) return [];
    const fixesUsable = stored.version === document.version;
    const lines = {
      lineCount: document.lineCount,
      lineText: (n: number) => document.lineAt(n).text,
      codeStart: isComponentFile(document.uri.path) ? componentScripts(document.getText()).firstLine : undefined,
    };
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      for (const finding of findingsAt(stored.findings, ruleId, fromRange(diagnostic.range), diagnostic.message)) {
        for (const planned of planActions(finding, stored.findings, this.linter.rule(ruleId), lines, fixesUsable)) {
          // Two findings of one rule under the cursor would repeat "Disable … for this line" etc.
          if (isPerRule(planned) && seen.has(planned.title)) continue;
          seen.add(planned.title);
          actions.push(toCodeAction(document, planned, diagnostic));
        }
      }
    }
    return actions;
  }

  /** `Keep-Alive: Fix all in file` and fix-all on save share this computation. */
  async fixAllEdit(document: vscode.TextDocument): Promise<vscode.WorkspaceEdit | undefined> {
    const settings = this.linter.settingsFor(document);
    if (!(await this.linter.isActiveFor(document, settings))) return undefined;
    const version = document.version;
    const result = await this.client.fixAll(this.linter.requestFor(document, settings));
    if (!result.edit || document.version !== version) return undefined;
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, [toTextEdit(result.edit)]);
    return edit;
  }

  private async fixAllAction(document: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
    const edit = await this.fixAllEdit(document);
    if (!edit) return undefined;
    const action = new vscode.CodeAction('Fix all auto-fixable Keep-Alive problems', FIX_ALL_KIND);
    action.edit = edit;
    return action;
  }
}

function isPerRule(planned: PlannedAction): boolean {
  return /^(Disable |Fix all |Show documentation )/.test(planned.title);
}

function toCodeAction(document: vscode.TextDocument, planned: PlannedAction, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(planned.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = planned.isPreferred;
  if (planned.edits) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, planned.edits.map(toTextEdit));
    action.edit = edit;
  }
  if (planned.command) {
    action.command = {
      command: planned.command.id,
      title: planned.command.title,
      arguments: [...planned.command.arguments],
    };
  }
  return action;
}
