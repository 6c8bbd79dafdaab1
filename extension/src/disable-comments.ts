/**
 * Edits that add ESLint disable comments for one rule: `// eslint-disable-next-line <rule>` above a
 * line, or `/* eslint-disable <rule> *\/` at the top of the file. An existing directive of the same
 * kind is extended (`…-next-line a, keepalive/b`) instead of stacking a second comment.
 */
import type { TextEdit } from './lint-types';

const NEXT_LINE = /^(\s*\/\/\s*eslint-disable-next-line)(\s+[^-\s][^]*?)?(\s+--\s.*)?$/;
const FILE_BLOCK = /^(\s*\/\*\s*eslint-disable)(\s+[^*]*?)?(\s*\*\/\s*)$/;

/**
 * @param lineText reads a line of the document (zero-based) without its line break
 * @param line the zero-based line of the finding
 */
export function disableForLineEdit(lineText: (line: number) => string, line: number, ruleId: string): TextEdit {
  const previous = line > 0 ? lineText(line - 1) : undefined;
  const extended = previous === undefined ? undefined : extendDirective(previous, NEXT_LINE, ruleId);
  if (extended !== undefined && previous !== undefined) {
    return replaceLine(line - 1, previous, extended);
  }
  const indent = /^\s*/.exec(lineText(line))?.[0] ?? '';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}// eslint-disable-next-line ${ruleId}\n`,
  };
}

/**
 * @param codeStart the first line of code, when it is not the file's first line (a component's
 *   `<script>` block); by default line 0, or 1 after a shebang
 */
export function disableForFileEdit(
  lineText: (line: number) => string,
  lineCount: number,
  ruleId: string,
  codeStart?: number,
): TextEdit {
  // A shebang must stay the first line.
  const first = codeStart ?? (lineCount > 0 && lineText(0).startsWith('#!') ? 1 : 0);
  if (first < lineCount) {
    const existing = lineText(first);
    const extended = extendDirective(existing, FILE_BLOCK, ruleId);
    if (extended !== undefined) return replaceLine(first, existing, extended);
  }
  return {
    range: { start: { line: first, character: 0 }, end: { line: first, character: 0 } },
    newText: `/* eslint-disable ${ruleId} */\n`,
  };
}

/**
 * The directive line with `ruleId` added, `undefined` when `text` is not such a directive. A bare
 * directive (no rule list) already disables every rule, so it is returned unchanged.
 */
function extendDirective(text: string, pattern: RegExp, ruleId: string): string | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, head = '', list, tail = ''] = match;
  if (list === undefined || list.trim() === '') return text;
  const rules = list.split(',').map((rule) => rule.trim());
  if (rules.includes(ruleId)) return text;
  return `${head}${list.trimEnd()}, ${ruleId}${tail}`;
}

function replaceLine(line: number, before: string, after: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: before.length } }, newText: after };
}
