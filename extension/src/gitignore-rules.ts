/**
 * The `.gitignore` files of a workspace folder, applied as git does: each file's patterns match
 * paths below its own folder, and a deeper file's patterns (negations included) override a
 * shallower one's. Paths are relative to the workspace folder, with forward slashes.
 */
import ignore, { type Ignore } from 'ignore';

export interface GitignoreFile {
  /** Folder of the `.gitignore`, relative to the workspace folder ('' for the root). */
  readonly dir: string;
  readonly text: string;
}

export class GitignoreRules {
  private readonly rules: { readonly dir: string; readonly matcher: Ignore }[];

  constructor(files: readonly GitignoreFile[]) {
    // Deepest first: the first file with an opinion on a path decides.
    this.rules = [...files]
      .sort((a, b) => depth(b.dir) - depth(a.dir))
      .map((file) => ({ dir: file.dir.replace(/\/+$/, ''), matcher: ignore().add(file.text) }));
  }

  /** Whether git ignores the file `path` (relative to the workspace folder). */
  ignores(path: string): boolean {
    for (const { dir, matcher } of this.rules) {
      if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
      const result = matcher.test(dir === '' ? path : path.slice(dir.length + 1));
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}

/**
 * The globs of `files.exclude` / `search.exclude` that are switched on. Entries with a `when`
 * condition (exclude `*.js` only beside a `*.ts`) are not plain globs: they are left to VS Code's
 * own views and not applied here.
 */
export function enabledGlobs(setting: unknown): string[] {
  if (typeof setting !== 'object' || setting === null) return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, value]) => value === true)
    .map(([glob]) => glob);
}
