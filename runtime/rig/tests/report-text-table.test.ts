import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdownTable, renderTextTable, type Table } from '../report/text-table.js';

const table: Table = {
  columns: [{ header: 'forwarder' }, { header: 'msg/s', align: 'right' }],
  rows: [
    ['naive', '312'],
    ['shared', '2,480'],
  ],
};

test('renderTextTable aligns columns and draws a rule under the header', () => {
  assert.equal(
    renderTextTable(table),
    ['forwarder  msg/s', '---------  -----', 'naive        312', 'shared     2,480'].join('\n'),
  );
});

test('renderTextTable measures width without ANSI colour codes', () => {
  const coloured: Table = { columns: [{ header: '\u001b[1mname\u001b[22m' }, { header: 'n', align: 'right' }], rows: [['ab', '1']] };
  const lines = renderTextTable(coloured).split('\n');
  assert.equal(lines[1], '----  -');
  assert.equal(lines[2], 'ab    1');
});

test('renderMarkdownTable marks right-aligned columns and escapes pipes', () => {
  assert.equal(
    renderMarkdownTable({ columns: table.columns, rows: [['a|b', '1']] }),
    ['| forwarder | msg/s |', '|:---|---:|', '| a\\|b | 1 |'].join('\n'),
  );
});

test('a row with the wrong number of cells is refused', () => {
  assert.throws(() => renderTextTable({ columns: table.columns, rows: [['only one']] }), /row 1 has 1 cells, expected 2/);
  assert.throws(() => renderMarkdownTable({ columns: [], rows: [] }), /at least one column/);
});
