/**
 * The path under which the plugin's module graph knows a file: its real path (symlinks resolved,
 * as the resolver reports dependencies). A file that no longer exists (deleted, renamed) keeps its
 * name inside its folder's real path, so a deletion still finds the documents that used the file.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function canonicalPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    try {
      return join(realpathSync.native(dirname(file)), basename(file));
    } catch {
      return file;
    }
  }
}
