/**
 * A cheap, line-local look at source text, for the text checks that run before a module is parsed:
 * is the character at `index` code, rather than part of a comment or a string literal?
 *
 * Only the line holding `index` is read. A line that starts a comment (`// …`, `/* …`, ` * …` of a
 * doc comment) is a comment; otherwise quotes and a `//` before `index` on that line decide. Strings
 * and comments that span lines are not tracked, so the answer can be "code" for text that is not:
 * callers use it to skip text, never to conclude that something is absent from code.
 */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;

export function isCodeAt(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const before = text.slice(lineStart, index);
  if (COMMENT_LINE.test(before)) return false;
  let quote: string | undefined;
  for (let at = 0; at < before.length; at++) {
    const char = before[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
    } else if (char === '/' && before[at + 1] === '/') {
      return false;
    }
  }
  return quote === undefined;
}
