/**
 * Wiring only: creates the worker client, linter, status item and providers, and connects them to
 * VS Code's events and commands. The logic lives in the vscode-free modules next to this one.
 */
import * as vscode from 'vscode';
import { KeepaliveCodeActions } from './code-actions';
import { showDocumentation } from './documentation';
import { DocumentLinter } from './document-linter';
import { LINTED_EXTENSIONS } from './eslint-config';
import { LintWorkerClient } from './lint-worker-client';
import { createLog } from './output-log';
import { ESLINT_CONFIG_FILES } from './stand-down';
import { StandDownMonitor, ESLINT_EXTENSION_ID } from './stand-down-monitor';
import { StatusItem } from './status-item';
import { isLintable, LINTED_LANGUAGES } from './vscode-convert';
import { scanWorkspace } from './workspace-scan';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  const client = new LintWorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath, (line) =>
    log.error(line),
  );
  const standDown = new StandDownMonitor((line) => log.info(line));
  const status = new StatusItem();
  const linter = new DocumentLinter(client, standDown, status, log);
  const codeActions = new KeepaliveCodeActions(linter, client);
  context.subscriptions.push(log, status, linter, { dispose: () => void client.dispose() });

  const loadRules = async (): Promise<string[]> => {
    const started = Date.now();
    const rules = await client.rules();
    linter.setRules(rules);
    log.info(`lint worker ready in ${Date.now() - started} ms: ${rules.map((r) => r.ruleId).join(', ')}`);
    return rules.map((r) => r.ruleId);
  };
  const lintOpenDocuments = async (): Promise<number> => {
    const documents = vscode.workspace.textDocuments.filter(isLintable);
    await Promise.all(documents.map((document) => linter.lint(document)));
    return documents.length;
  };
  /** Returns what it did, for callers of the command (and the real-editor tests). */
  const restart = async (): Promise<{ rules: string[]; documents: number }> => {
    log.info('restarting');
    await client.restart();
    linter.reset();
    standDown.refresh();
    const rules = await loadRules();
    return { rules, documents: await lintOpenDocuments() };
  };

  // Modules changed outside the editor (saved, git checkout, a terminal edit): re-lint their users.
  const moduleWatcher = vscode.workspace.createFileSystemWatcher(`**/*.{${LINTED_EXTENSIONS.join(',')}}`);
  const onDisk = (uri: vscode.Uri): void => linter.fileChangedOnDisk(uri);

  context.subscriptions.push(
    moduleWatcher,
    moduleWatcher.onDidChange(onDisk),
    moduleWatcher.onDidCreate(onDisk),
    moduleWatcher.onDidDelete(onDisk),
    vscode.languages.registerCodeActionsProvider([...LINTED_LANGUAGES], codeActions, KeepaliveCodeActions.metadata),
    vscode.workspace.onDidOpenTextDocument((document) => void linter.lint(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) linter.onChanged(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (ESLINT_CONFIG_FILES.some((name) => document.uri.path.endsWith(`/${name}`))) {
        standDown.refresh();
        void lintOpenDocuments();
      } else {
        void linter.lint(document);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => linter.closed(document)),
    vscode.window.onDidChangeActiveTextEditor(() => status.showActive()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('keepalive')) {
        standDown.refresh();
        void lintOpenDocuments();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      standDown.refresh();
      void lintOpenDocuments();
    }),
    vscode.extensions.onDidChange(() => {
      const installed = vscode.extensions.getExtension(ESLINT_EXTENSION_ID) !== undefined;
      log.info(`extensions changed; ESLint extension ${installed ? 'installed' : 'not installed'}`);
      standDown.refresh();
      void lintOpenDocuments();
    }),
    vscode.commands.registerCommand('keepalive.restart', restart),
    vscode.commands.registerCommand('keepalive.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('keepalive.scanWorkspace', () => scanWorkspace(linter, client, log)),
    vscode.commands.registerCommand('keepalive.showDocumentation', (ruleId: unknown, docsUrl: unknown) =>
      showDocumentation(context.extensionUri, ruleId, docsUrl, (line) => log.info(line)),
    ),
    vscode.commands.registerCommand('keepalive.fixAll', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Keep-Alive: open a JavaScript or TypeScript file first');
        return;
      }
      const edit = await codeActions.fixAllEdit(document);
      if (!edit) {
        void vscode.window.showInformationMessage('Keep-Alive: nothing to fix automatically in this file');
        return;
      }
      await vscode.workspace.applyEdit(edit);
    }),
  );

  try {
    await loadRules();
  } catch (error) {
    log.error(`lint worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage('Keep-Alive: the lint worker failed to start; see the Keep-Alive output.');
    return;
  }
  void lintOpenDocuments();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
