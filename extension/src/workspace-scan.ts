/**
 * "Keep-Alive: Scan workspace": lints every JS/TS file of every workspace folder (skipping
 * `files.exclude` and `node_modules`), with a cancellable progress notification; findings go to the
 * Problems view like an open file's.
 */
import * as vscode from 'vscode';
import { workspaceFolderPath, type DocumentLinter } from './document-linter';
import { LINTED_EXTENSIONS } from './eslint-config';
import { lintTarget } from './lint-target';
import type { LintWorkerClient } from './lint-worker-client';
import type { Log } from './output-log';

export interface ScanSummary {
  readonly files: number;
  readonly findings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

export async function scanWorkspace(linter: DocumentLinter, client: LintWorkerClient, log: Log): Promise<ScanSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keep-Alive: scanning workspace', cancellable: true },
    async (progress, token) => {
      const started = Date.now();
      const files = await findFiles(token);
      let findings = 0;
      let skipped = 0;
      let done = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        done++;
        progress.report({ message: `${done}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
        const settings = linter.settingsFor(uri);
        if (!settings.enable) {
          skipped++;
          continue;
        }
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          await linter.lint(open);
          findings += linter.findingsOf(open)?.findings.length ?? 0;
          continue;
        }
        try {
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          const { filename, cwd } = lintTarget(uri, 'javascript', workspaceFolderPath(uri));
          const outcome = await client.lint(`scan:${uri.toString()}`, { filename, cwd, text, options: settings.lint });
          if (outcome.status === 'superseded') continue;
          linter.publish(uri, 0, outcome.result);
          findings += outcome.result.findings.length;
        } catch (error) {
          skipped++;
          log.error(`scan: ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const summary = { files: done, findings, skipped, cancelled: token.isCancellationRequested };
      log.info(
        `scan ${summary.cancelled ? 'cancelled' : 'finished'}: ${done} of ${files.length} files, ${findings} findings, ${skipped} skipped, ${Date.now() - started} ms`,
      );
      void vscode.window.showInformationMessage(
        `Keep-Alive: ${findings} finding${findings === 1 ? '' : 's'} in ${done} file${done === 1 ? '' : 's'}${
          summary.cancelled ? ' (cancelled)' : ''
        }`,
      );
      return summary;
    },
  );
}

async function findFiles(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const include = `**/*.{${LINTED_EXTENSIONS.join(',')}}`;
  const found: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    // An explicit exclude replaces the default one, so files.exclude is added back by hand.
    const excluded = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
    const patterns = ['**/node_modules/**', ...Object.keys(excluded).filter((glob) => excluded[glob] === true)];
    const uris = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, include),
      `{${patterns.join(',')}}`,
      undefined,
      token,
    );
    found.push(...uris);
  }
  return found.sort((a, b) => a.toString().localeCompare(b.toString()));
}
