import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disableForFileEdit, disableForLineEdit } from '../src/disable-comments';
import { LineIndex } from '../src/text-positions';
import type { TextEdit } from '../src/lint-types';

const RULE = 'keepalive/no-unconsumed-body';

function apply(text: string, edit: TextEdit): string {
  const index = new LineIndex(text);
  return text.slice(0, index.offsetAt(edit.range.start)) + edit.newText + text.slice(index.offsetAt(edit.range.end));
}

function disableLine(text: string, line: number): string {
  const index = new LineIndex(text);
  return apply(text, disableForLineEdit((n) => index.lineText(n), line, RULE));
}

function disableFile(text: string): string {
  const index = new LineIndex(text);
  return apply(text, disableForFileEdit((n) => index.lineText(n), index.lineCount, RULE));
}

describe('disable for this line', () => {
  it('inserts a next-line directive with the line indentation', () => {
    assert.equal(
      disableLine('async function f() {\n    await fetch(url);\n}\n', 1),
      `async function f() {\n    // eslint-disable-next-line ${RULE}\n    await fetch(url);\n}\n`,
    );
  });

  it('extends an existing next-line directive, keeping its description', () => {
    assert.equal(
      disableLine('  // eslint-disable-next-line no-console -- legacy\n  await fetch(url);\n', 1),
      `  // eslint-disable-next-line no-console, ${RULE} -- legacy\n  await fetch(url);\n`,
    );
  });

  it('leaves a directive that already covers the rule alone', () => {
    for (const text of [`// eslint-disable-next-line ${RULE}\nfetch(url);\n`, '// eslint-disable-next-line\nfetch(url);\n']) {
      assert.equal(disableLine(text, 1), text);
    }
  });

  it('works on the first line', () => {
    assert.equal(disableLine('fetch(url);', 0), `// eslint-disable-next-line ${RULE}\nfetch(url);`);
  });
});

describe('disable for the entire file', () => {
  it('adds a block directive at the top', () => {
    assert.equal(disableFile('import x from "y";\n'), `/* eslint-disable ${RULE} */\nimport x from "y";\n`);
  });

  it('keeps a shebang first', () => {
    assert.equal(disableFile('#!/usr/bin/env node\nfetch(u);\n'), `#!/usr/bin/env node\n/* eslint-disable ${RULE} */\nfetch(u);\n`);
  });

  it('extends an existing file directive', () => {
    assert.equal(
      disableFile('/* eslint-disable no-console */\nfetch(u);\n'),
      `/* eslint-disable no-console, ${RULE} */\nfetch(u);\n`,
    );
  });
});
