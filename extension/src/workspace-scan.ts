/**
 * "Keep-Alive: Scan workspace": lints every JS/TS file (and Vue/Svelte component) of every workspace folder, with a cancellable
 * progress notification; findings go to the Problems view and stay there, kept true by
 * `DocumentLinter` (see `lintFile`). Files are left out when `node_modules`, `files.exclude`,
 * `search.exclude` or a `.gitignore` excludes them; minified/generated and too-large files are read
 * but not linted. The summary (output channel and notification) counts every file left out, by reason.
 */
import * as vscode from 'vscode';
import type { DocumentLinter } from './document-linter';
import { COMPONENT_EXTENSIONS } from './embedded-scripts';
import { LINTED_EXTENSIONS } from './eslint-config';
import { enabledGlobs, GitignoreRules } from './gitignore-rules';
import type { Log } from './output-log';

export type SkipReason = 'git-ignored' | 'generated' | 'too-large' | 'inactive' | 'unreadable' | 'failed';

export interface ScanSummary {
  readonly files: number;
  readonly linted: number;
  readonly findings: number;
  /** Files found but not linted, by reason (workspace-relative paths). */
  readonly skipped: Readonly<Partial<Record<SkipReason, readonly string[]>>>;
  readonly cancelled: boolean;
}

const SKIP_LABELS: Record<SkipReason, string> = {
  'git-ignored': 'git-ignored',
  generated: 'minified or generated',
  'too-large': 'over keepalive.maxFileSize',
  inactive: 'disabled or standing down for ESLint',
  unreadable: 'unreadable',
  failed: 'failed to lint (see the errors above)',
};

export async function scanWorkspace(linter: DocumentLinter, log: Log): Promise<ScanSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keep-Alive: scanning workspace', cancellable: true },
    async (progress, token) => {
      const started = Date.now();
      const skipped: Partial<Record<SkipReason, string[]>> = {};
      const skip = (reason: SkipReason, uri: vscode.Uri): void => {
        (skipped[reason] ??= []).push(vscode.workspace.asRelativePath(uri));
      };
      const { files, ignored } = await findFiles(token);
      for (const uri of ignored) skip('git-ignored', uri);
      let findings = 0;
      let linted = 0;
      let done = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        done++;
        progress.report({ message: `${done}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
        const outcome = await linter.lintFile(uri);
        switch (outcome.kind) {
          case 'linted':
            linted++;
            findings += outcome.findings;
            break;
          case 'skipped':
            skip(outcome.reason, uri);
            break;
          case 'inactive':
            skip('inactive', uri);
            break;
          case 'unreadable':
            skip('unreadable', uri);
            log.error(`scan: ${uri.fsPath}: ${outcome.reason}`);
            break;
          case 'failed':
            skip('failed', uri);
            break;
          case 'superseded':
            break;
        }
      }
      const summary: ScanSummary = { files: done, linted, findings, skipped, cancelled: token.isCancellationRequested };
      const skippedCount = Object.values(skipped).reduce((sum, list) => sum + list.length, 0);
      log.info(
        `scan ${summary.cancelled ? 'cancelled' : 'finished'}: ${linted} of ${files.length} files linted, ${findings} findings, ` +
          `${skippedCount} skipped, ${Date.now() - started} ms`,
      );
      for (const [reason, list] of Object.entries(skipped) as [SkipReason, string[]][]) {
        log.info(`scan skipped ${list.length} ${SKIP_LABELS[reason]}: ${list.join(', ')}`);
      }
      const skippedText = skippedCount === 0 ? '' : `; ${skippedCount} skipped (${describeSkipped(skipped)})`;
      void vscode.window.showInformationMessage(
        `Keep-Alive: ${findings} finding${findings === 1 ? '' : 's'} in ${linted} file${linted === 1 ? '' : 's'}${skippedText}${
          summary.cancelled ? ' (cancelled)' : ''
        }`,
      );
      return summary;
    },
  );
}

function describeSkipped(skipped: Partial<Record<SkipReason, readonly string[]>>): string {
  return (Object.entries(skipped) as [SkipReason, string[]][]).map(([reason, list]) => `${list.length} ${SKIP_LABELS[reason]}`).join(', ');
}

/** The files to scan, and those a `.gitignore` leaves out. */
async function findFiles(token: vscode.CancellationToken): Promise<{ files: vscode.Uri[]; ignored: vscode.Uri[] }> {
  const include = `**/*.{${[...LINTED_EXTENSIONS, ...COMPONENT_EXTENSIONS].join(',')}}`;
  const files: vscode.Uri[] = [];
  const ignored: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    // An explicit exclude replaces the default one (files.exclude), so both settings are added here.
    const patterns = [
      '**/node_modules/**',
      ...enabledGlobs(vscode.workspace.getConfiguration('files', folder.uri).get('exclude')),
      ...enabledGlobs(vscode.workspace.getConfiguration('search', folder.uri).get('exclude')),
    ];
    const exclude = `{${patterns.join(',')}}`;
    const [uris, gitignores] = await Promise.all([
      vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude, undefined, token),
      vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude, undefined, token),
    ]);
    const rules = new GitignoreRules(
      await Promise.all(
        gitignores.map(async (uri) => ({
          dir: relativeTo(folder, uri).replace(/(^|\/)\.gitignore$/, ''),
          text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
        })),
      ),
    );
    for (const uri of uris) (rules.ignores(relativeTo(folder, uri)) ? ignored : files).push(uri);
  }
  const byPath = (a: vscode.Uri, b: vscode.Uri): number => a.toString().localeCompare(b.toString());
  return { files: files.sort(byPath), ignored: ignored.sort(byPath) };
}

function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
}
