/**
 * Where a document is linted from. A file on disk is linted under its absolute path, so the rules
 * can follow its imports into the project's other modules; an untitled or virtual document gets a
 * synthetic relative name (`lintFilename`) and no cross-file analysis.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { componentScripts, isComponentFile } from './embedded-scripts';
import { extensionFor, hasLintedExtension, lintFilename } from './eslint-config';

/** What the host knows of a document's location (a `vscode.Uri`'s fields). */
export interface DocumentLocation {
  readonly scheme: string;
  /** The URI path (forward slashes). */
  readonly path: string;
  /** The platform path; meaningful for the `file` scheme only. */
  readonly fsPath: string;
}

export interface LintTarget {
  /** The file name the rules see. */
  readonly filename: string;
  /** The workspace folder as ESLint's working directory, when the document is a file in one. */
  readonly cwd: string | undefined;
  /** The document is a file on disk: its imports can be followed and others may import it. */
  readonly onDisk: boolean;
}

export function lintTarget(location: DocumentLocation, languageId: string, workspaceFolder: string | undefined): LintTarget {
  if (location.scheme !== 'file') {
    const baseName = location.path.slice(location.path.lastIndexOf('/') + 1);
    return { filename: lintFilename(baseName, languageId), cwd: undefined, onDisk: false };
  }
  // A file whose name does not say its language (a `bin/serve` script): lint it as a sibling with
  // the right extension, so relative imports still resolve from its folder.
  const filename = hasLintedExtension(location.fsPath)
    ? location.fsPath
    : `${location.fsPath}.${extensionFor(languageId, location.fsPath)}`;
  return { filename, cwd: workspaceFolder, onDisk: true };
}

/**
 * ESLint's `Linter` matches config `files` patterns relative to its cwd and treats a file outside
 * it as unmatched ("No matching configuration found"), so a file outside the workspace folder
 * (opened on its own, or in a sibling repository) is linted with its own folder as cwd.
 */
export function linterCwd(filename: string, cwd: string | undefined): string {
  if (!isAbsolute(filename)) return cwd ?? process.cwd();
  if (cwd !== undefined) {
    const inside = relative(cwd, filename);
    if (inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return cwd;
  }
  return dirname(filename);
}

/** What the worker lints for a document: its lint target and the text the rules see. */
export interface LintInput {
  readonly filename: string;
  readonly cwd: string | undefined;
  readonly text: string;
}

/**
 * The lint target and text of a document. A Vue or Svelte component is linted as its `<script>`
 * blocks (`embedded-scripts.ts`), under its own name with `.ts` or `.js` appended, so its relative
 * imports resolve from its folder.
 */
export function lintInput(location: DocumentLocation, languageId: string, workspaceFolder: string | undefined, text: string): LintInput {
  if (!isComponentFile(location.path)) {
    const { filename, cwd } = lintTarget(location, languageId, workspaceFolder);
    return { filename, cwd, text };
  }
  const scripts = componentScripts(text);
  const { filename, cwd } = lintTarget(location, scripts.typescript ? 'typescript' : 'javascript', workspaceFolder);
  return { filename, cwd, text: scripts.text };
}
