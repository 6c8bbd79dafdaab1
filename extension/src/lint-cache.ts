/**
 * Results of recent lints keyed by (file name, options, text), so re-linting an unchanged document —
 * on focus, on save right after an on-type lint, a second scan — costs a hash instead of a parse.
 * A result that followed imports also depends on other modules: `LintEngine` stores their versions
 * with it (`dependency-versions.ts`) and reuses it only while they are unchanged.
 * Bounded LRU: Map iteration order is insertion order, so the first key is the least recently used.
 */
import { createHash } from 'node:crypto';

export class LintCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`LintCache capacity must be a positive integer, got ${capacity}`);
    }
  }

  static key(filename: string, optionsKey: string, text: string): string {
    return createHash('sha1').update(filename).update('\0').update(optionsKey).update('\0').update(text).digest('hex');
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
