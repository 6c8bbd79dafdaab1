// Tables for the terminal (aligned plain text) and for the README (GitHub markdown), from one shape.

export type Alignment = 'left' | 'right';

export interface TableColumn {
  header: string;
  align?: Alignment;
}

export interface Table {
  columns: TableColumn[];
  rows: string[][];
}

function checkShape(table: Table): void {
  if (table.columns.length === 0) throw new Error('a table needs at least one column');
  table.rows.forEach((row, index) => {
    if (row.length !== table.columns.length) {
      throw new Error(`table row ${index + 1} has ${row.length} cells, expected ${table.columns.length}`);
    }
  });
}

/** Display width, ignoring ANSI colour codes (cells are plain text, but headers may be styled). */
function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

function pad(text: string, width: number, align: Alignment): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Columns separated by two spaces, a dashed rule under the header. */
export function renderTextTable(table: Table): string {
  checkShape(table);
  const widths = table.columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...table.rows.map((row) => displayWidth(row[index] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) => pad(cell, widths[index] ?? 0, table.columns[index]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [
    line(table.columns.map((column) => column.header)),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...table.rows.map(line),
  ].join('\n');
}

function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured markdown table; right-aligned columns get `---:`. */
export function renderMarkdownTable(table: Table): string {
  checkShape(table);
  const line = (cells: string[]): string => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  return [
    line(table.columns.map((column) => column.header)),
    `|${table.columns.map((column) => (column.align === 'right' ? '---:' : ':---')).join('|')}|`,
    ...table.rows.map(line),
  ].join('\n');
}
