import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, minimalEdit, rangeFromEslintLocation } from '../src/text-positions';
import type { TextEdit } from '../src/lint-types';

function apply(text: string, edit: TextEdit): string {
  const index = new LineIndex(text);
  return text.slice(0, index.offsetAt(edit.range.start)) + edit.newText + text.slice(index.offsetAt(edit.range.end));
}

describe('LineIndex', () => {
  it('maps offsets to positions across \\n, \\r\\n and \\r line breaks', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 3, character: 2 });
    assert.equal(index.lineText(1), 'cd');
    assert.equal(index.lineText(2), 'ef');
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(index.offsetAt(index.positionAt(offset)), offset);
    }
  });

  it('turns ESLint one-based locations into zero-based ranges', () => {
    assert.deepEqual(rangeFromEslintLocation(3, 5, 3, 9), {
      start: { line: 2, character: 4 },
      end: { line: 2, character: 8 },
    });
    assert.deepEqual(rangeFromEslintLocation(1, 1, undefined, undefined), {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
  });
});

describe('minimalEdit', () => {
  it('returns undefined for equal texts', () => {
    assert.equal(minimalEdit('same', 'same'), undefined);
  });

  it('replaces only the changed middle', () => {
    const before = 'const a = 1;\nres.body;\nconst b = 2;\n';
    const after = 'const a = 1;\nawait res.body.dump();\nconst b = 2;\n';
    const edit = minimalEdit(before, after);
    assert.ok(edit);
    assert.deepEqual(edit.range.start, { line: 1, character: 0 });
    assert.equal(apply(before, edit), after);
    assert.ok(edit.newText.length < after.length);
  });

  it('never splits a \\r\\n pair or a surrogate pair', () => {
    const cases: [string, string][] = [
      ['a\r\nb', 'a\nb'],
      ['x\r\n', 'x\r\r\n'],
      ['😀a', '😁a'],
      ['', 'new'],
      ['old', ''],
    ];
    for (const [before, after] of cases) {
      const edit = minimalEdit(before, after);
      assert.ok(edit);
      assert.equal(apply(before, edit), after, JSON.stringify([before, after]));
    }
  });
});
