/**
 * Client of the test-only probe extension (test/fixtures/extension/probe): asks the VS Code API
 * inside code-server's extension host about diagnostics and code actions, over loopback HTTP.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

export interface ProbeDiagnostic {
  readonly file: string;
  readonly source: string | undefined;
  readonly code: string | undefined;
  readonly docs: string | undefined;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly line: number;
  readonly character: number;
}

export interface ProbeCodeAction {
  readonly title: string;
  readonly kind: string | undefined;
  readonly isPreferred: boolean;
  readonly hasEdit: boolean;
}

export class Probe {
  private constructor(private readonly url: string) {}

  /** Waits (bounded) for the probe to write its port, i.e. for the extension host to be up. */
  static async connect(portFile: string, describe: () => string): Promise<Probe> {
    for (let attempt = 0; attempt < 1200; attempt++) {
      if (existsSync(portFile)) {
        const port = readFileSync(portFile, 'utf8').trim();
        if (port) return new Probe(`http://127.0.0.1:${port}/`);
      }
      await delay(100);
    }
    throw new Error(`the probe extension never started (no port in ${portFile}).\n${describe()}`);
  }

  async call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.url, { method: 'POST', body: JSON.stringify({ op, ...args }) });
    const payload = (await response.json()) as { result?: T; error?: string };
    if (!response.ok || payload.error !== undefined) throw new Error(`probe ${op} failed: ${payload.error}`);
    return payload.result as T;
  }

  state(): Promise<{ keepaliveInstalled: boolean; keepaliveActive: boolean; diagnostics: ProbeDiagnostic[] }> {
    return this.call('state');
  }

  async diagnostics(source = 'keepalive'): Promise<ProbeDiagnostic[]> {
    return (await this.state()).diagnostics.filter((d) => d.source === source);
  }

  /**
   * Polls (bounded, 100 ms steps) until `accept` holds for the keepalive diagnostics; returns them.
   * The failure message shows the last value seen.
   */
  async waitForDiagnostics(
    what: string,
    accept: (diagnostics: ProbeDiagnostic[]) => boolean,
    attempts = 900,
  ): Promise<ProbeDiagnostic[]> {
    let last: ProbeDiagnostic[] = [];
    for (let attempt = 0; attempt < attempts; attempt++) {
      last = await this.diagnostics();
      if (accept(last)) return last;
      await delay(100);
    }
    throw new Error(`timed out waiting for ${what}; last keepalive diagnostics:\n${JSON.stringify(last, null, 2)}`);
  }

  codeActions(file: string, line: number, character: number): Promise<ProbeCodeAction[]> {
    return this.call('codeActions', { file, line, character });
  }

  applyCodeAction(file: string, line: number, character: number, title: string): Promise<{ text: string }> {
    return this.call('applyCodeAction', { file, line, character, title });
  }

  command<T>(id: string, ...args: unknown[]): Promise<T> {
    return this.call('command', { id, args });
  }

  /** Sets a workspace setting (`null` removes it). */
  configure(key: string, value: unknown): Promise<null> {
    return this.call('configure', { key, value });
  }

  /** The text of an open document as the editor holds it, and whether it has unsaved edits. */
  document(file: string): Promise<{ text: string; isDirty: boolean; version: number }> {
    return this.call('document', { file });
  }

  open(file: string): Promise<{ version: number }> {
    return this.call('open', { file });
  }
}
