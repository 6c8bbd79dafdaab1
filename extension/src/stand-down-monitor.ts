/**
 * Applies `decideStandDown` per workspace folder: reads the folder's ESLint config files as text and
 * checks whether the ESLint extension is installed. Decisions are cached until `refresh()`.
 */
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
      for (const name of ESLINT_CONFIG_FILES) {
        try {
          const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name));
          configFiles.push({ name, text: new TextDecoder().decode(bytes) });
        } catch {
          // Absent: most folders have none or one of these files.
        }
      }
    }
    return decideStandDown({
      setting,
      eslintExtensionInstalled: vscode.extensions.getExtension(ESLINT_EXTENSION_ID) !== undefined,
      configFiles,
    });
  }
}
