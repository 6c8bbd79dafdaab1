/**
 * Can a rule find anything in the linted file at all? Asked once per file, before the rule registers
 * any listener: the file's own text must pass the rule's text hint (it imports a package the rule
 * knows, or names one of its globals in code), or, for a rule that follows imports, one of the
 * project modules the file imports must, a few modules deep (text-hints.ts). A file that fails is
 * skipped whole: most files of a project never touch an HTTP client, and a rule with listeners
 * costs a call per matching node even when each call returns at once.
 *
 * Text only, never parses; the same hints gate the questions asked of other modules, so a file
 * skipped here is one in which the rule could not have found anything.
 */
import { isBuiltin } from 'node:module';
import type { ModuleSummaries } from './module-summaries';
import { importedSpecifiers, type TextHint } from './text-hints';

export function mayMatterInFile(
  text: string,
  hint: TextHint,
  /** The file's module summaries, for rules that follow imports (asked for only when needed). */
  summaries?: () => ModuleSummaries | undefined,
): boolean {
  const specifiers = importedSpecifiers(text);
  if (hint.mentions(text, specifiers)) return true;
  if (!summaries) return false;
  const followed = specifiers.filter((specifier) => !isBuiltin(specifier));
  if (followed.length === 0) return false;
  const loaded = summaries();
  return loaded !== undefined && followed.some((specifier) => loaded.mayReach(specifier, hint));
}
