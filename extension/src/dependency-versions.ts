/**
 * Which version of each project module a cached lint result saw. A result that followed imports
 * into other modules is only reusable while those modules are unchanged: their editor overlay (a
 * generation bumped on every overlay change or invalidation) and their file on disk (mtime and
 * size, so a change nobody reported — a file outside the watched folders — is noticed too).
 */
import { statSync } from 'node:fs';

/** The version of one dependency as a lint saw it. */
export interface DependencyStamp {
  readonly file: string;
  readonly generation: number;
  /** `undefined` when the file did not exist (then only its overlay was read, if any). */
  readonly disk: string | undefined;
}

export type DiskVersion = (file: string) => string | undefined;

/** mtime and size of `file`, or undefined when it cannot be read. */
export function diskVersion(file: string): string | undefined {
  try {
    const stats = statSync(file, { bigint: true });
    return `${stats.mtimeNs}:${stats.size}`;
  } catch {
    return undefined;
  }
}

export class DependencyVersions {
  private readonly generations = new Map<string, number>();
  private counter = 0;

  constructor(private readonly disk: DiskVersion = diskVersion) {}

  /** `file`'s overlay was set or removed, or the file changed on disk. */
  changed(file: string): void {
    this.generations.set(file, ++this.counter);
  }

  stamp(files: readonly string[]): DependencyStamp[] {
    return files.map((file) => ({ file, generation: this.generations.get(file) ?? 0, disk: this.disk(file) }));
  }

  /** True when every stamped dependency is still at the version the stamp recorded. */
  isCurrent(stamps: readonly DependencyStamp[]): boolean {
    return stamps.every(
      (stamp) => (this.generations.get(stamp.file) ?? 0) === stamp.generation && this.disk(stamp.file) === stamp.disk,
    );
  }
}
