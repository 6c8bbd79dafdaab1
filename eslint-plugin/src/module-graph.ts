/**
 * For editors and other long-running hosts (package subpath `eslint-plugin-keepalive/module-graph`):
 * which project modules a linted file's findings depend on, and how to tell the plugin's module
 * summaries about unsaved buffers and changed files. Must be called in the process (or worker)
 * that runs ESLint: each process has its own summaries.
 */
import {
  invalidateFile,
  recordedDependencies,
  setOverlayText,
} from './analysis/modules/module-cache';

/** Project modules whose summaries the last lint of `file` used (absolute real paths). */
export function dependenciesOf(file: string): readonly string[] {
  return recordedDependencies(file);
}

/** Use `text` instead of the file on disk for `file` (an unsaved editor buffer); undefined removes it. */
export function setOverlay(file: string, text: string | undefined): void {
  setOverlayText(file, text);
}

/** Forget cached summaries of `file` (it changed, appeared or disappeared on disk). */
export function invalidate(file: string): void {
  invalidateFile(file);
}
