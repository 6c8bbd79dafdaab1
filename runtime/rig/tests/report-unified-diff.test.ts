import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { unifiedDiff } from '../report/unified-diff.js';

/** GNU diff -u on the same two texts: the reference our output must match hunk for hunk. */
function gnuDiff(oldText: string, newText: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-diff-'));
  try {
    writeFileSync(join(dir, 'old'), oldText);
    writeFileSync(join(dir, 'new'), newText);
    try {
      execFileSync('diff', ['-u', '--label', 'a/file', '--label', 'b/file', 'old', 'new'], { cwd: dir, encoding: 'utf8' });
      return '';
    } catch (error) {
      const result = error as { status?: number; stdout?: string };
      if (result.status !== 1) throw error;
      return result.stdout ?? '';
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (count: number, prefix = 'line'): string => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');

const cases: Array<[string, string, string]> = [
  ['one replaced line', 'a\nb\nc\n', 'a\nB\nc\n'],
  ['two distant changes make two hunks', lines(30), lines(30).replace('line 3\n', 'line three\n').replace('line 27\n', '')],
  ['insertion at the start', lines(5), `new first\n${lines(5)}`],
  ['deletion at the end', lines(8), lines(7)],
  ['a block moved into a function', 'const a = 1;\nfoo();\nbar();\n', 'const a = 1;\nfunction run() {\n  foo();\n  bar();\n}\n'],
  ['from empty', '', 'x\ny\n'],
];

for (const [name, oldText, newText] of cases) {
  test(`unifiedDiff matches diff -u: ${name}`, () => {
    assert.equal(unifiedDiff(oldText, newText, { fromLabel: 'a/file', toLabel: 'b/file' }), gnuDiff(oldText, newText));
  });
}

test('unifiedDiff returns an empty string for equal texts', () => {
  assert.equal(unifiedDiff('same\n', 'same\n', { fromLabel: 'a', toLabel: 'b' }), '');
});
