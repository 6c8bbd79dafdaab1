// `diff -u` output for two versions of a small source file (the demo's "corrected version"),
// from a longest-common-subsequence line alignment.

export interface UnifiedDiffOptions {
  fromLabel: string;
  toLabel: string;
  /** Unchanged lines around each change (default 3, like diff -u). */
  context?: number;
}

type Edit = { kind: 'same' | 'del' | 'add'; line: string; oldNo: number; newNo: number };

/** Line-by-line LCS; the quadratic table is fine for example files and bounded for anything else. */
const MAX_CELLS = 16_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function alignLines(oldLines: string[], newLines: string[]): Edit[] {
  const n = oldLines.length;
  const m = newLines.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    throw new Error(`unifiedDiff: inputs too large (${n} × ${m} lines)`);
  }
  // lcs[i * (m + 1) + j] = LCS length of oldLines[i..] and newLines[j..]
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * (m + 1) + j] =
        oldLines[i] === newLines[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && oldLines[i] === newLines[j]) {
      edits.push({ kind: 'same', line: oldLines[i] ?? '', oldNo: i + 1, newNo: j + 1 });
      i += 1;
      j += 1;
    } else if (i < n && (j === m || (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))) {
      // Deletions before additions, as diff -u prints a replaced block.
      edits.push({ kind: 'del', line: oldLines[i] ?? '', oldNo: i + 1, newNo: j });
      i += 1;
    } else {
      edits.push({ kind: 'add', line: newLines[j] ?? '', oldNo: i, newNo: j + 1 });
      j += 1;
    }
  }
  return edits;
}

function hunkRange(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** Returns '' when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, options: UnifiedDiffOptions): string {
  const context = options.context ?? 3;
  const edits = alignLines(splitLines(oldText), splitLines(newText));
  const changed = edits.map((edit, index) => (edit.kind === 'same' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';

  // Group changes whose context windows touch into hunks of edit indices [from, to].
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const from = Math.max(0, index - context);
    const to = Math.min(edits.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }

  const out = [`--- ${options.fromLabel}`, `+++ ${options.toLabel}`];
  for (const [from, to] of hunks) {
    const slice = edits.slice(from, to + 1);
    const oldCount = slice.filter((edit) => edit.kind !== 'add').length;
    const newCount = slice.filter((edit) => edit.kind !== 'del').length;
    const first = slice[0];
    // diff -u numbers an empty side by the line before it.
    const oldStart = oldCount === 0 ? (first?.oldNo ?? 0) : (slice.find((edit) => edit.kind !== 'add')?.oldNo ?? 0);
    const newStart = newCount === 0 ? (first?.newNo ?? 0) : (slice.find((edit) => edit.kind !== 'del')?.newNo ?? 0);
    out.push(`@@ -${hunkRange(oldStart, oldCount)} +${hunkRange(newStart, newCount)} @@`);
    for (const edit of slice) out.push(`${edit.kind === 'same' ? ' ' : edit.kind === 'del' ? '-' : '+'}${edit.line}`);
  }
  return `${out.join('\n')}\n`;
}
