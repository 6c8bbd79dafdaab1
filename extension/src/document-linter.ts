/**
 * Lints open documents: on open, on save and (debounced) on type, publishes diagnostics, and keeps
 * the findings of each document's latest lint for the code actions. Documents on disk are linted
 * under their path, so the rules follow their imports; `CrossFileSync` re-lints them when a module
 * they use changes.
 */
import * as vscode from 'vscode';
import { canonicalPath } from './canonical-path';
import { CrossFileSync } from './cross-file-sync';
import { lintTarget } from './lint-target';
import type { Finding, LintRequest, LintResult, RuleInfo } from './lint-types';
import { WorkerRestartedError, type LintWorkerClient } from './lint-worker-client';
import { readSettings, type KeepaliveSettings } from './settings';
import type { StandDownMonitor } from './stand-down-monitor';
import type { StatusItem } from './status-item';
import type { Log } from './output-log';
import { isLintable, toDiagnostic } from './vscode-convert';

export interface DocumentFindings {
  /** The document version the findings belong to. */
  readonly version: number;
  readonly findings: readonly Finding[];
}

export class DocumentLinter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('keepalive');
  private readonly findings = new Map<string, DocumentFindings>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Problems already written to the output channel, so each is reported once. */
  private readonly reportedProblems = new Set<string>();
  private rulesById = new Map<string, RuleInfo>();
  private ruleNames: string[] = [];
  private readonly crossFile: CrossFileSync;

  constructor(
    private readonly client: LintWorkerClient,
    private readonly standDown: StandDownMonitor,
    private readonly status: StatusItem,
    private readonly log: Log,
  ) {
    this.crossFile = new CrossFileSync({
      setOverlay: (file, text) => client.setOverlay(file, text),
      invalidate: (file) => client.invalidate(file),
      relint: (documentKeys) => {
        const open = vscode.workspace.textDocuments.filter((d) => documentKeys.includes(d.uri.toString()));
        log.info(`a module changed: re-linting ${open.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')}`);
        for (const document of open) void this.lint(document);
      },
    });
  }

  setRules(rules: readonly RuleInfo[]): void {
    this.rulesById = new Map(rules.map((rule) => [rule.ruleId, rule]));
    this.ruleNames = rules.map((rule) => rule.ruleId.replace(/^keepalive\//, ''));
  }

  rule(ruleId: string): RuleInfo | undefined {
    return this.rulesById.get(ruleId);
  }

  findingsOf(document: vscode.TextDocument): DocumentFindings | undefined {
    return this.findings.get(document.uri.toString());
  }

  settingsFor(scope: vscode.ConfigurationScope | undefined): KeepaliveSettings {
    const configuration = vscode.workspace.getConfiguration('keepalive', scope);
    const { settings, warnings } = readSettings((key) => configuration.get(key), this.ruleNames);
    for (const warning of warnings) this.reportOnce(`settings|${warning}`, warning);
    return settings;
  }

  /** Enabled and not standing down for ESLint in this document's folder. */
  async isActiveFor(document: vscode.TextDocument, settings = this.settingsFor(document)): Promise<boolean> {
    if (!settings.enable) return false;
    return !(await this.standDown.decisionFor(document.uri, settings.standDownForEslint)).standDown;
  }

  /** The request the worker needs to lint or fix this document. */
  requestFor(document: vscode.TextDocument, settings = this.settingsFor(document)): LintRequest {
    const { filename, cwd } = lintTarget(document.uri, document.languageId, workspaceFolderPath(document.uri));
    return { filename, cwd, text: document.getText(), options: settings.lint };
  }

  /** A JS/TS file changed on disk (the file watcher): documents using it are linted again. */
  fileChangedOnDisk(uri: vscode.Uri): void {
    if (uri.scheme === 'file') this.crossFile.diskChanged(canonicalPath(uri.fsPath));
  }

  onChanged(document: vscode.TextDocument): void {
    if (!isLintable(document)) return;
    const settings = this.settingsFor(document);
    if (settings.run !== 'onType') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, settings.onTypeDelay),
    );
  }

  closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.status.forget(document.uri);
    // Diagnostics of closed files stay only when a workspace scan put them there; an editor's own
    // lint results would be stale once the file changes on disk.
    this.diagnostics.delete(document.uri);
    // Unsaved edits closed without saving are gone: documents using this module see the disk again.
    this.crossFile.closed(key, document.uri.scheme === 'file' ? canonicalPath(document.uri.fsPath) : undefined);
  }

  /** Lints the document now (open, save, restart) and publishes the result. */
  async lint(document: vscode.TextDocument): Promise<void> {
    if (!isLintable(document) || document.isClosed) return;
    this.syncBuffer(document);
    const settings = this.settingsFor(document);
    if (!settings.enable) return this.deactivate(document, 'keepalive.enable is false');
    const decision = await this.standDown.decisionFor(document.uri, settings.standDownForEslint);
    if (decision.standDown) return this.deactivate(document, decision.reason);

    const version = document.version;
    let result: LintResult;
    try {
      const outcome = await this.client.lint(document.uri.toString(), this.requestFor(document, settings));
      if (outcome.status === 'superseded') return;
      result = outcome.result;
    } catch (error) {
      // A restart re-lints every open document itself.
      if (error instanceof WorkerRestartedError) return;
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`lint of ${document.uri.fsPath} failed: ${message}`);
      this.status.set(document.uri, { kind: 'problem', message: `lint failed: ${message.split('\n')[0]}` });
      return;
    }
    if (document.isClosed || document.version !== version) return;
    this.publish(document.uri, version, result);
    // A syntax error hides the imports; the last good lint's dependencies still hold.
    if (result.problem?.kind !== 'syntax-error') this.crossFile.linted(document.uri.toString(), result.dependencies);
  }

  /**
   * Tells the worker what this document's buffer holds when others import it: its unsaved text, or
   * nothing once it matches the disk (saved, or edits undone). Documents whose latest lint used it
   * are linted again when that changed.
   */
  private syncBuffer(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    const file = canonicalPath(document.uri.fsPath);
    this.crossFile.bufferChanged(document.uri.toString(), file, document.isDirty ? document.getText() : undefined);
  }

  /** Publishes a result for a document (also used by the workspace scan for files not open). */
  publish(uri: vscode.Uri, version: number, result: LintResult): void {
    const key = uri.toString();
    // Mid-edit syntax errors are common while typing: keep the last good findings (VS Code moves
    // their squiggles with the edits) instead of flashing them away; their fixes are offered again
    // only once a lint of the current version succeeds.
    if (result.problem?.kind !== 'syntax-error') {
      this.findings.set(key, { version, findings: result.findings });
      this.diagnostics.set(
        uri,
        result.findings.map((finding) => toDiagnostic(finding, this.rulesById.get(finding.ruleId))),
      );
    }
    if (result.problem) {
      this.reportOnce(`${key}|${result.problem.message}`, `${uri.fsPath}: ${result.problem.message}`);
      this.status.set(uri, { kind: 'problem', message: result.problem.message });
    } else {
      this.log.info(
        `${uri.fsPath} v${version}: ${result.findings.length} findings, ${
          result.fromCache ? 'cache hit' : `${result.durationMs.toFixed(1)} ms`
        }`,
      );
      this.status.set(uri, {
        kind: 'linted',
        findings: result.findings.length,
        durationMs: result.durationMs,
        fromCache: result.fromCache,
      });
    }
  }

  reset(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.findings.clear();
    this.reportedProblems.clear();
    this.diagnostics.clear();
    this.crossFile.reset();
  }

  dispose(): void {
    this.reset();
    this.diagnostics.dispose();
  }

  private deactivate(document: vscode.TextDocument, reason: string): void {
    this.crossFile.forget(document.uri.toString());
    this.findings.delete(document.uri.toString());
    this.diagnostics.delete(document.uri);
    this.status.set(document.uri, { kind: 'inactive', reason });
  }

  private reportOnce(key: string, line: string): void {
    if (this.reportedProblems.has(key)) return;
    this.reportedProblems.add(key);
    this.log.warn(line);
  }
}

/** The workspace folder holding `uri` as a file path, when it is a folder on disk. */
export function workspaceFolderPath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}
