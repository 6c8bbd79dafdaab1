/**
 * The language-status item next to the language mode: the active document's finding count and last
 * lint time, or why it was not linted (syntax error, too large, generated or minified, stood down). Clicking it opens the
 * output channel.
 */
import * as vscode from 'vscode';
import { LINTED_SELECTOR } from './vscode-convert';

export type DocumentStatus =
  | { readonly kind: 'linted'; readonly findings: number; readonly durationMs: number; readonly fromCache: boolean }
  | { readonly kind: 'problem'; readonly message: string }
  /** Deliberately not linted: too large, or generated/minified code. */
  | { readonly kind: 'skipped'; readonly reason: 'too-large' | 'generated'; readonly message: string }
  | { readonly kind: 'inactive'; readonly reason: string };

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('keepalive.status', LINTED_SELECTOR);
  private readonly statuses = new Map<string, DocumentStatus>();

  constructor() {
    this.item.name = 'Keep-Alive';
    this.item.command = { command: 'keepalive.showOutput', title: 'Show output' };
    this.render(undefined);
  }

  set(uri: vscode.Uri, status: DocumentStatus): void {
    this.statuses.set(uri.toString(), status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.render(status);
  }

  get(uri: vscode.Uri): DocumentStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.statuses.delete(uri.toString());
  }

  showActive(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    this.render(uri ? this.statuses.get(uri.toString()) : undefined);
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(status: DocumentStatus | undefined): void {
    const item = this.item;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.busy = false;
    if (!status) {
      item.text = 'Keep-Alive';
      item.detail = 'waiting for the first lint';
      return;
    }
    switch (status.kind) {
      case 'linted':
        item.text = status.findings === 0 ? '$(check) Keep-Alive' : `$(warning) Keep-Alive: ${status.findings}`;
        item.detail = `${status.findings} finding${status.findings === 1 ? '' : 's'}, ${
          status.fromCache ? 'from cache' : `linted in ${Math.round(status.durationMs)} ms`
        }`;
        return;
      case 'problem':
        item.text = '$(error) Keep-Alive';
        item.detail = status.message;
        item.severity = vscode.LanguageStatusSeverity.Warning;
        return;
      case 'skipped':
        item.text = 'Keep-Alive: skipped';
        item.detail = status.message;
        return;
      case 'inactive':
        item.text = 'Keep-Alive: off';
        item.detail = status.reason;
        return;
    }
  }
}
