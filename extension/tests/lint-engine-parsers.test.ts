/** Which parser each file gets, and what the engine leaves unlinted. Own file: the TypeScript parser loads once per process. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LintEngine, typescriptParserLoaded } from '../src/lint-engine';
import { readSettings } from '../src/settings';

const RULES = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'];
const options = readSettings(() => undefined, RULES).settings.lint;
const AGENT_JS = "const http = require('node:http');\nmodule.exports.agent = new http.Agent({ keepAlive: false });\n";

describe('LintEngine parsers', () => {
  const engine = new LintEngine();

  it('lints JavaScript (JSX included) with espree, without loading TypeScript', () => {
    const js = engine.lint({ filename: 'agent.cjs', text: AGENT_JS, options });
    assert.deepEqual(js.findings.map((f) => f.ruleId), ['keepalive/no-disabled-keepalive']);
    const jsx = engine.lint({ filename: 'view.jsx', text: `${AGENT_JS}export const view = <div title="x">{1}</div>;\n`, options });
    assert.equal(jsx.problem, undefined);
    assert.equal(jsx.findings.length, 1);
    assert.equal(typescriptParserLoaded(), false);
  });

  it('loads the TypeScript parser for the first TypeScript file', () => {
    const ts = engine.lint({ filename: 'agent.ts', text: `${AGENT_JS}export const port: number = 1;\n`, options });
    assert.equal(ts.problem, undefined);
    assert.equal(ts.findings.length, 1);
    assert.equal(typescriptParserLoaded(), true);
  });

  it('does not lint minified or generated code, and says why', () => {
    const result = engine.lint({ filename: 'dist/app.min.js', text: AGENT_JS, options });
    assert.deepEqual(result.findings, []);
    assert.equal(result.problem?.kind, 'generated');
    assert.match(result.problem?.message ?? '', /^not linted: generated or minified code \(the name app\.min\.js/);
  });
});
