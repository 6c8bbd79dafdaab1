/**
 * "Show documentation for <rule>": the rule's Markdown page bundled in the extension (works offline,
 * rendered by the built-in Markdown preview), else its `meta.docs.url` in the browser. Returns what it
 * opened.
 */
import * as vscode from 'vscode';

export async function showDocumentation(
  extensionUri: vscode.Uri,
  ruleId: unknown,
  docsUrl: unknown,
  log: (line: string) => void,
): Promise<{ opened: string } | undefined> {
  if (typeof ruleId !== 'string' || !/^keepalive\/[a-z-]+$/.test(ruleId)) {
    void vscode.window.showErrorMessage(`Keep-Alive: no documentation for ${JSON.stringify(ruleId)}`);
    return undefined;
  }
  const name = ruleId.slice('keepalive/'.length);
  const local = vscode.Uri.joinPath(extensionUri, 'dist', 'docs', 'rules', `${name}.md`);
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return { opened: local.toString() };
  } catch (error) {
    log(`no bundled documentation for ${ruleId} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof docsUrl === 'string') {
    await vscode.env.openExternal(vscode.Uri.parse(docsUrl));
    return { opened: docsUrl };
  }
  void vscode.window.showErrorMessage(`Keep-Alive: no documentation found for ${ruleId}`);
  return undefined;
}
