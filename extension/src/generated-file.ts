/**
 * Whether a file is minified or generated code, which nobody edits and whose lint is slow and
 * pointless (a 1 MB bundle costs seconds per lint): a known bundle name, a source-map comment at the
 * end (compiler and bundler output), or lines far longer than anybody writes by hand.
 */

/** Longest line a hand-written file plausibly has (long string literals, data tables included). */
export const MAX_HANDWRITTEN_LINE = 2_000;

const BUNDLE_NAME = /(?:[.-]min|\.bundle|\.chunk|\.umd|\.prod)\.[cm]?js$/i;
const SOURCE_MAP_COMMENT = /^\s*\/\/[#@] sourceMappingURL=\S+\s*$/;

/** Why `text` of the file `name` counts as generated, or undefined for ordinary source. */
export function generatedFileReason(name: string, text: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (BUNDLE_NAME.test(base)) return `the name ${base} marks a minified or bundled file`;
  if (SOURCE_MAP_COMMENT.test(lastLine(text))) return 'it ends with a sourceMappingURL comment (compiler or bundler output)';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MAX_HANDWRITTEN_LINE) {
      return `line ${lineNumberAt(text, start)} has ${end - start} characters (minified)`;
    }
    start = end + 1;
  }
  return undefined;
}

function lastLine(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.slice(trimmed.lastIndexOf('\n') + 1);
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
