/**
 * Keeps cross-file findings of open documents current (vscode-eslint leaves them stale, its issue
 * #1774). A module's content reaches the lint worker from two places: an open editor's unsaved
 * buffer (an overlay) and the file on disk. When either changes, the open documents whose latest
 * lint used the module are linted again. No `vscode` import: `document-linter.ts` and
 * `extension.ts` feed it editor events.
 */
import { DependentDocuments } from './dependent-documents';

/** What this needs of the rest of the extension. */
export interface CrossFileHost {
  /** Sends an overlay to the worker (`lint-worker-client.ts`); returns whether it changed. */
  setOverlay(file: string, text: string | undefined): boolean;
  /** Tells the worker `file` changed on disk. */
  invalidate(file: string): void;
  /** Lints these open documents again. */
  relint(documentKeys: readonly string[]): void;
}

export class CrossFileSync {
  private readonly dependents = new DependentDocuments();
  private readonly changedOnDisk = new Set<string>();
  private diskTimer: NodeJS.Timeout | undefined;

  /**
   * @param diskBatchMs disk changes arriving within this time (a `git checkout`, a formatter run
   *   over the tree) cost one re-lint per dependent document, not one per changed file
   */
  constructor(
    private readonly host: CrossFileHost,
    private readonly diskBatchMs = 100,
  ) {}

  /** A lint of the open document `documentKey` used these modules (absolute real paths). */
  linted(documentKey: string, dependencies: readonly string[]): void {
    this.dependents.record(documentKey, dependencies);
  }

  /**
   * The buffer of the open document `documentKey` (the module `file`) now holds `text`; `undefined`
   * when it matches the file on disk (saved, or edits undone). Overlays go to the worker before the
   * re-lints are requested, and the worker answers in order, so every re-lint sees the new text.
   */
  bufferChanged(documentKey: string, file: string, text: string | undefined): void {
    if (!this.host.setOverlay(file, text)) return;
    this.relintDependents([file], documentKey);
  }

  /** `file` was written on disk (saved, created, deleted, changed by another program). */
  diskChanged(file: string): void {
    this.host.invalidate(file);
    this.changedOnDisk.add(file);
    this.diskTimer ??= setTimeout(() => {
      this.diskTimer = undefined;
      const files = [...this.changedOnDisk];
      this.changedOnDisk.clear();
      this.relintDependents(files, undefined);
    }, this.diskBatchMs);
  }

  /**
   * The open document `documentKey` was closed (`file`: the module it showed, when it is a file on
   * disk). Unsaved edits are gone with it: its dependents see the file on disk again.
   */
  closed(documentKey: string, file: string | undefined): void {
    this.dependents.forget(documentKey);
    if (file !== undefined) this.bufferChanged(documentKey, file, undefined);
  }

  /** The document is no longer linted (disabled, standing down for ESLint). */
  forget(documentKey: string): void {
    this.dependents.forget(documentKey);
  }

  /** Open documents whose latest lint used `file` (for the output log and tests). */
  dependentsOf(file: string): string[] {
    return this.dependents.dependentsOf([file]);
  }

  reset(): void {
    clearTimeout(this.diskTimer);
    this.diskTimer = undefined;
    this.changedOnDisk.clear();
    this.dependents.clear();
  }

  private relintDependents(files: readonly string[], except: string | undefined): void {
    const documents = this.dependents.dependentsOf(files).filter((documentKey) => documentKey !== except);
    if (documents.length > 0) this.host.relint(documents);
  }
}
