import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usesBrowserGlobals } from '../../../src/analysis/body-paths/browser-code';
import { runProbe } from '../../support/run-probe-rule';

function isBrowserCode(code: string): boolean {
  let result: boolean | undefined;
  runProbe(code, (context) => ({
    'Program:exit'() {
      result = usesBrowserGlobals(context.sourceCode.scopeManager);
    },
  }), { parser: 'espree' });
  assert.notEqual(result, undefined);
  return result === true;
}

describe('usesBrowserGlobals', () => {
  it('sees references to browser-only globals', () => {
    assert.equal(isBrowserCode(`document.title = 'x';`), true);
    assert.equal(isBrowserCode(`if (typeof window !== 'undefined') {}`), true);
    assert.equal(isBrowserCode(`self.addEventListener('fetch', () => {});`), true);
    assert.equal(isBrowserCode(`const r = new XMLHttpRequest();`), true);
  });

  it('ignores local bindings with browser names and Node globals', () => {
    assert.equal(isBrowserCode(`const self = {}; const location = '/'; self.x = location;`), false);
    assert.equal(isBrowserCode(`process.stdout.write(String(globalThis.fetch));`), false);
    assert.equal(isBrowserCode(`function f(document) { return document.body; }`), false);
  });
});
