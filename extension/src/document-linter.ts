/**
 * Lints open documents: on open, on save and (debounced on type, longer for files that lint slowly)
 * and publishes diagnostics, keeping the findings of each document's latest lint for the code
 * actions. Documents on disk are linted under their path, so the rules follow their imports;
 * `CrossFileSync` re-lints them when a module they use changes.
 *
 * Files the workspace scan covered stay in the Problems view while closed: they are linted from
 * disk when scanned, when closed again, and whenever their findings could change (settings, stand-
 * down, restart, the file changing on disk), so the list never shows findings of a state that is gone.
 */
import * as vscode from 'vscode';
import { canonicalPath } from './canonical-path';
import { CrossFileSync } from './cross-file-sync';
import { onTypeDelay } from './lint-delay';
import { lintInput } from './lint-target';
import type { Finding, LintRequest, LintResult, RuleInfo } from './lint-types';
import { WorkerRestartedError, type LintOutcome, type LintWorkerClient } from './lint-worker-client';
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
  /** How long each document's last uncached lint took (it sets the on-type delay). */
  private readonly lintTimes = new Map<string, number>();
  /** Files the workspace scan covered (URI strings): their findings stay listed while closed. */
  private readonly scanned = new Set<string>();
  /** Bumped by each refresh of the scanned files, so an older refresh stops. */
  private scanGeneration = 0;
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
    return { ...lintInput(document.uri, document.languageId, workspaceFolderPath(document.uri), document.getText()), options: settings.lint };
  }

  /** A JS/TS file changed on disk (the file watcher): documents using it are linted again. */
  fileChangedOnDisk(uri: vscode.Uri): void {
    if (uri.scheme === 'file') this.crossFile.diskChanged(canonicalPath(uri.fsPath));
    if (this.scanned.has(uri.toString()) && !isOpen(uri)) void this.lintFile(uri, 'changed');
  }

  /** A JS/TS file was deleted: its scan findings go with it. */
  fileDeleted(uri: vscode.Uri): void {
    this.fileChangedOnDisk(uri);
    if (this.scanned.delete(uri.toString()) && !isOpen(uri)) this.diagnostics.delete(uri);
  }

  /**
   * Lints a file from disk and publishes the result as the scan does; marks it as scanned. Honours
   * `keepalive.enable` and the stand-down, like an open document. An open file is linted as the
   * editor holds it. Returns what happened, for the scan's summary.
   */
  async lintFile(uri: vscode.Uri, why: 'scan' | 'changed' | 'closed' | 'refresh' = 'scan'): Promise<FileLintOutcome> {
    const key = uri.toString();
    this.scanned.add(key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open) {
      await this.lint(open);
      const status = this.status.get(uri);
      if (status?.kind === 'inactive') return { kind: 'inactive', reason: status.reason };
      if (status?.kind === 'skipped') return { kind: 'skipped', reason: status.reason, message: status.message };
      return { kind: 'linted', findings: this.findingsOf(open)?.findings.length ?? 0 };
    }
    const settings = this.settingsFor(uri);
    if (!settings.enable) {
      this.diagnostics.delete(uri);
      return { kind: 'inactive', reason: 'keepalive.enable is false' };
    }
    const decision = await this.standDown.decisionFor(uri, settings.standDownForEslint);
    if (decision.standDown) {
      this.diagnostics.delete(uri);
      return { kind: 'inactive', reason: decision.reason };
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.scanned.delete(key);
      this.diagnostics.delete(uri);
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
    const input = lintInput(uri, 'javascript', workspaceFolderPath(uri), text);
    let outcome: LintOutcome;
    try {
      outcome = await this.client.lint(`file:${key}`, { ...input, options: settings.lint });
    } catch (error) {
      // A restart lints the scanned files again itself.
      if (error instanceof WorkerRestartedError) return { kind: 'superseded' };
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`lint of ${uri.fsPath} failed: ${message}`);
      return { kind: 'failed', reason: message.split('\n')[0] ?? message };
    }
    if (outcome.status === 'superseded') return { kind: 'superseded' };
    // Opened meanwhile: the editor's lint owns its diagnostics now.
    if (isOpen(uri)) return { kind: 'linted', findings: outcome.result.findings.length };
    if (why === 'closed' || why === 'changed') this.log.info(`${vscode.workspace.asRelativePath(uri)}: linted from disk (${why})`);
    const problem = outcome.result.problem;
    if (problem?.kind === 'too-large' || problem?.kind === 'generated') {
      this.diagnostics.delete(uri);
      return { kind: 'skipped', reason: problem.kind, message: problem.message };
    }
    this.publish(uri, 0, outcome.result);
    return { kind: 'linted', findings: outcome.result.findings.length };
  }

  /**
   * Lints the scanned files again from disk (settings, stand-down or the worker changed). Files
   * that are open are linted by `lintOpenDocuments`; a newer refresh stops this one.
   */
  async refreshScanned(why: string): Promise<void> {
    const generation = ++this.scanGeneration;
    const files = [...this.scanned].map((key) => vscode.Uri.parse(key)).filter((uri) => !isOpen(uri));
    if (files.length === 0) return;
    this.log.info(`re-linting ${files.length} scanned file${files.length === 1 ? '' : 's'} from disk (${why})`);
    for (const uri of files) {
      if (generation !== this.scanGeneration) return;
      try {
        await this.lintFile(uri, 'refresh');
      } catch (error) {
        if (!(error instanceof WorkerRestartedError)) this.log.error(`re-lint of ${uri.fsPath} failed: ${String(error)}`);
      }
    }
  }

  /** The files the scan covered (URI strings), for Restart's answer and the tests. */
  scannedFiles(): string[] {
    return [...this.scanned];
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
      }, onTypeDelay(settings.onTypeDelay, this.lintTimes.get(key))),
    );
  }

  closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.lintTimes.delete(key);
    this.status.forget(document.uri);
    // A file the scan covered keeps its findings, computed again from disk (unsaved edits closed
    // without saving are gone); an editor's own lint results would go stale once the file changes.
    if (this.scanned.has(key)) void this.lintFile(document.uri, 'closed');
    else this.diagnostics.delete(document.uri);
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
    if (!result.fromCache) this.lintTimes.set(document.uri.toString(), result.durationMs);
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
    if (result.problem?.kind === 'generated' || result.problem?.kind === 'too-large') {
      this.findings.delete(key);
      this.diagnostics.delete(uri);
      this.status.set(uri, { kind: 'skipped', reason: result.problem.kind, message: result.problem.message });
      this.reportOnce(`${key}|${result.problem.message}`, `${uri.fsPath}: ${result.problem.message}`);
      return;
    }
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

  /**
   * Forgets what the editor's lints found (the worker restarted); scanned files keep their findings
   * until `refreshScanned` recomputes them.
   */
  reset(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.findings.clear();
    this.lintTimes.clear();
    this.reportedProblems.clear();
    const stale: vscode.Uri[] = [];
    this.diagnostics.forEach((uri) => {
      if (!this.scanned.has(uri.toString()) || isOpen(uri)) stale.push(uri);
    });
    for (const uri of stale) this.diagnostics.delete(uri);
    this.crossFile.reset();
  }

  dispose(): void {
    this.reset();
    this.scanGeneration++;
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

export type FileLintOutcome =
  | { readonly kind: 'linted'; readonly findings: number }
  | { readonly kind: 'inactive'; readonly reason: string }
  | { readonly kind: 'skipped'; readonly reason: 'too-large' | 'generated'; readonly message: string }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'superseded' };

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

/** The workspace folder holding `uri` as a file path, when it is a folder on disk. */
export function workspaceFolderPath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}
