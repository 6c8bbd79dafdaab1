/** The "Keep-Alive" output channel: timings, settings problems and errors. */
import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Keep-Alive', { log: true });
}
