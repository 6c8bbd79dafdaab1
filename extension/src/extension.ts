/**
 * Wiring only: creates the worker client, linter, status item and providers, and connects them to
 * VS Code's events and commands. The logic lives in the vscode-free modules next to this one.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { KeepaliveCodeActions } from './code-actions';
import { showDocumentation } from './documentation';
import { DocumentLinter } from './document-linter';
import { COMPONENT_EXTENSIONS } from './embedded-scripts';
import { LINTED_EXTENSIONS } from './eslint-config';
import { LintWorkerClient } from './lint-worker-client';
import { createLog } from './output-log';
import { ESLINT_CONFIG_FILES } from './stand-down';
import { StandDownMonitor, ESLINT_EXTENSION_ID } from './stand-down-monitor';
import { StatusItem } from './status-item';
import { isLintable, LINTED_SELECTOR } from './vscode-convert';
import { scanWorkspace } from './workspace-scan';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  const client = new LintWorkerClient(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'lint-worker.js').fsPath,
    (line) => log.error(line),
    {
      codeCacheDir: context.globalStorageUri.scheme === 'file' ? vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath : undefined,
      trace: (line) => log.info(line),
    },
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
  /** Everything whose findings may have changed: open documents and the files the scan covered. */
  const relintAll = (why: string): void => {
    void lintOpenDocuments().then(() => linter.refreshScanned(why));
  };
  /** Returns what it did, for callers of the command (and the real-editor tests). */
  const restart = async (): Promise<{ rules: string[]; documents: number; scanned: number }> => {
    log.info('restarting');
    await client.restart();
    linter.reset();
    standDown.refresh();
    const rules = await loadRules();
    const documents = await lintOpenDocuments();
    await linter.refreshScanned('restart');
    return { rules, documents, scanned: linter.scannedFiles().length };
  };

  // ESLint config files changed (saved here, git checkout, a terminal): the stand-down is decided again.
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/{${ESLINT_CONFIG_FILES.join(',')}}`);
  const onConfigFile = (uri: vscode.Uri): void => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const atRoot = folder !== undefined && vscode.Uri.joinPath(folder.uri, basename(uri.path)).toString() === uri.toString();
    if (!atRoot) return;
    log.info(`${vscode.workspace.asRelativePath(uri)} changed: deciding the ESLint stand-down again`);
    standDown.refresh();
    relintAll('ESLint configuration changed');
  };

  // Modules changed outside the editor (saved, git checkout, a terminal edit): re-lint their users.
  const moduleWatcher = vscode.workspace.createFileSystemWatcher(`**/*.{${[...LINTED_EXTENSIONS, ...COMPONENT_EXTENSIONS].join(',')}}`);
  const onDisk = (uri: vscode.Uri): void => linter.fileChangedOnDisk(uri);

  context.subscriptions.push(
    moduleWatcher,
    moduleWatcher.onDidChange(onDisk),
    moduleWatcher.onDidCreate(onDisk),
    moduleWatcher.onDidDelete((uri) => linter.fileDeleted(uri)),
    configWatcher,
    configWatcher.onDidChange(onConfigFile),
    configWatcher.onDidCreate(onConfigFile),
    configWatcher.onDidDelete(onConfigFile),
    vscode.languages.registerCodeActionsProvider(LINTED_SELECTOR, codeActions, KeepaliveCodeActions.metadata),
    vscode.workspace.onDidOpenTextDocument((document) => void linter.lint(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) linter.onChanged(event.document);
    }),
    // ESLint config files are the config watcher's: it sees saves too.
    vscode.workspace.onDidSaveTextDocument((document) => void linter.lint(document)),
    vscode.workspace.onDidCloseTextDocument((document) => linter.closed(document)),
    vscode.window.onDidChangeActiveTextEditor(() => status.showActive()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('keepalive')) {
        standDown.refresh();
        relintAll('settings changed');
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      standDown.refresh();
      relintAll('workspace folders changed');
    }),
    vscode.extensions.onDidChange(() => {
      const installed = vscode.extensions.getExtension(ESLINT_EXTENSION_ID) !== undefined;
      log.info(`extensions changed; ESLint extension ${installed ? 'installed' : 'not installed'}`);
      standDown.refresh();
      relintAll('extensions changed');
    }),
    vscode.commands.registerCommand('keepalive.restart', restart),
    vscode.commands.registerCommand('keepalive.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('keepalive.scanWorkspace', () => scanWorkspace(linter, log)),
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

  // A TypeScript workspace: the worker loads the TypeScript parser first thing, before a TypeScript
  // file asks. A tsconfig.json says so at once; otherwise a file search (slow while a window starts) does.
  const hasTsconfig = (vscode.workspace.workspaceFolders ?? []).some(
    (folder) => folder.uri.scheme === 'file' && existsSync(join(folder.uri.fsPath, 'tsconfig.json')),
  );
  if (hasTsconfig) client.warmTypeScript();
  const typescriptWorkspace = hasTsconfig
    ? Promise.resolve([])
    : vscode.workspace.findFiles('**/*.{ts,tsx,mts,cts}', '**/node_modules/**', 1);
  // Decided while the worker starts: the first lint of each folder waits for this decision.
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const setting = vscode.workspace.getConfiguration('keepalive', folder.uri).get<unknown>('standDownForEslint');
    void standDown.decisionFor(folder.uri, setting !== false);
  }
  try {
    await loadRules();
  } catch (error) {
    log.error(`lint worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage('Keep-Alive: the lint worker failed to start; see the Keep-Alive output.');
    return;
  }
  void lintOpenDocuments();
  typescriptWorkspace.then(
    (files) => {
      if (files.length > 0) client.warmTypeScript();
    },
    () => undefined, // no file search (a virtual workspace): TypeScript loads with the first TypeScript file
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
