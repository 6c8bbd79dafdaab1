import type { Position, Range, TextEdit } from './lint-types';

/**
 * Converts between string offsets (ESLint fixes) and zero-based line/character positions (VS Code).
 * Lines break at `\r\n`, `\r` and `\n`, as in both ESLint and VS Code.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[position.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.character, this.text.length);
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    const next = this.lineStarts[line + 1];
    return this.text.slice(start, next ?? this.text.length).replace(/\r?\n$|\r$/, '');
  }

  editFromOffsets(start: number, end: number, newText: string): TextEdit {
    return { range: { start: this.positionAt(start), end: this.positionAt(end) }, newText };
  }
}

/** ESLint's one-based line and column (with optional end) as a zero-based range. */
export function rangeFromEslintLocation(
  line: number,
  column: number,
  endLine: number | undefined,
  endColumn: number | undefined,
): Range {
  const start = { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
  if (endLine === undefined || endColumn === undefined) return { start, end: start };
  return { start, end: { line: Math.max(0, endLine - 1), character: Math.max(0, endColumn - 1) } };
}

/**
 * The smallest single edit that turns `before` into `after` (common prefix and suffix kept), so a
 * fix-all does not replace the whole document and move the cursor or folding state.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const maxPrefix = Math.min(before.length, after.length);
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never cut a \r\n pair or a surrogate pair in two.
  while (prefix > 0 && splitsPair(before, prefix)) prefix--;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  while (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--;
  const index = new LineIndex(before);
  return index.editFromOffsets(prefix, before.length - suffix, after.slice(prefix, after.length - suffix));
}

function splitsPair(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff);
}
