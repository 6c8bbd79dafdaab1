import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsAt, nonOverlapping, planActions } from '../src/code-action-plan';
import type { Finding, RuleInfo, TextEdit } from '../src/lint-types';
import { LineIndex } from '../src/text-positions';

const TEXT = 'async function handle(url) {\n  const res = await fetch(url);\n  return res.status;\n}\n';
const LINES = new LineIndex(TEXT);
const DOCUMENT = { lineCount: LINES.lineCount, lineText: (n: number) => LINES.lineText(n) };
const RULE: RuleInfo = {
  ruleId: 'keepalive/no-unconsumed-body',
  description: 'Response bodies must be read or cancelled',
  docsUrl: 'https://example.invalid/no-unconsumed-body.md',
  fixable: false,
  hasSuggestions: true,
};

function edit(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: RULE.ruleId,
    severity: 'warning',
    message: 'The body of res is never read',
    range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } },
    suggestions: [
      { title: 'Read the body with res.arrayBuffer()', edit: edit(2, 2, 'await res.arrayBuffer();\n  ') },
      { title: 'Cancel the body', edit: edit(2, 2, 'await res.body?.cancel();\n  ') },
    ],
    ...overrides,
  };
}

describe('planActions', () => {
  it('offers each suggestion (the first preferred), disable line, disable file and documentation', () => {
    const subject = finding();
    const actions = planActions(subject, [subject], RULE, DOCUMENT, true);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Read the body with res.arrayBuffer() (keepalive/no-unconsumed-body)', true],
        ['Cancel the body (keepalive/no-unconsumed-body)', false],
        ['Disable keepalive/no-unconsumed-body for this line', false],
        ['Disable keepalive/no-unconsumed-body for the entire file', false],
        ['Show documentation for keepalive/no-unconsumed-body', false],
      ],
    );
    assert.deepEqual(actions[2]?.edits, [edit(1, 0, '  // eslint-disable-next-line keepalive/no-unconsumed-body\n')]);
    assert.deepEqual(actions[4]?.command?.arguments, [RULE.ruleId, RULE.docsUrl]);
  });

  it('prefers an autofix over suggestions and adds fix-all when the rule fixes several places', () => {
    const fix = edit(0, 0, 'x');
    const first = finding({ fix });
    const second = finding({ fix: edit(3, 0, 'y'), range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } } });
    const actions = planActions(first, [first, second], RULE, DOCUMENT, true);
    assert.equal(actions[0]?.title, 'Fix this keepalive/no-unconsumed-body problem');
    assert.equal(actions[0]?.isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    const fixAll = actions.find((a) => a.title === 'Fix all keepalive/no-unconsumed-body problems');
    assert.deepEqual(fixAll?.edits, [fix, edit(3, 0, 'y')]);
  });

  it('offers no fixes on a document changed since the lint, only disable and documentation', () => {
    const subject = finding({ fix: edit(0, 0, 'x') });
    const titles = planActions(subject, [subject], RULE, DOCUMENT, false).map((a) => a.title);
    assert.deepEqual(titles, [
      'Disable keepalive/no-unconsumed-body for this line',
      'Disable keepalive/no-unconsumed-body for the entire file',
      'Show documentation for keepalive/no-unconsumed-body',
    ]);
  });
});

describe('findingsAt', () => {
  it('matches a diagnostic to its finding by rule, range and message', () => {
    const subject = finding();
    const other = finding({ message: 'another' });
    assert.deepEqual(findingsAt([subject, other], RULE.ruleId, subject.range, subject.message), [subject]);
    assert.deepEqual(findingsAt([subject], 'keepalive/no-client-per-request', subject.range, subject.message), []);
  });
});

describe('nonOverlapping', () => {
  it('drops edits that overlap an earlier one', () => {
    const a: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, newText: 'a' };
    const b: TextEdit = { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } }, newText: 'b' };
    const c: TextEdit = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'c' };
    assert.deepEqual(nonOverlapping([c, b, a]), [a, c]);
  });
});
