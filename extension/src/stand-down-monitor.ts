/**
 * Applies `decideStandDown` per workspace folder: reads the folder's ESLint config files as text and
 * checks whether the ESLint extension is installed. Decisions are cached until `refresh()`.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { decideStandDown, ESLINT_CONFIG_FILES, type StandDownDecision } from './stand-down';

export const ESLINT_EXTENSION_ID = 'dbaeumer.vscode-eslint';

export class StandDownMonitor {
  private readonly decisions = new Map<string, Promise<StandDownDecision>>();

  constructor(private readonly log: (line: string) => void) {}

  /** Whether documents of this folder are left to the ESLint extension. */
  async decisionFor(uri: vscode.Uri, setting: boolean): Promise<StandDownDecision> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return { standDown: false, reason: 'the document is outside the workspace folders' };
    const key = `${folder.uri.toString()}|${setting}`;
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = this.decide(folder, setting);
      this.decisions.set(key, decision);
      void decision.then((d) => this.log(`${folder.name}: ${d.standDown ? 'standing down' : 'active'} (${d.reason})`));
    }
    return decision;
  }

  refresh(): void {
    this.decisions.clear();
  }

  private async decide(folder: vscode.WorkspaceFolder, setting: boolean): Promise<StandDownDecision> {
    const configFiles: { name: string; text: string }[] = [];
    if (setting) {
      // In parallel: the first file opened in a window waits for this decision.
      const texts = await Promise.all(ESLINT_CONFIG_FILES.map((name) => readText(vscode.Uri.joinPath(folder.uri, name))));
      ESLINT_CONFIG_FILES.forEach((name, index) => {
        const text = texts[index];
        if (text !== undefined) configFiles.push({ name, text });
      });
    }
    return decideStandDown({
      setting,
      eslintExtensionInstalled: vscode.extensions.getExtension(ESLINT_EXTENSION_ID) !== undefined,
      configFiles,
    });
  }
}

/**
 * A file's text, undefined when it is absent (most folders have none or one of the config files).
 * Files on disk are read directly: the workspace file system API is a round trip through the
 * window, slow while a window starts.
 */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if (uri.scheme === 'file') return await readFile(uri.fsPath, 'utf8');
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
