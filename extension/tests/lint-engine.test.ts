import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LintEngine, type RulePlugin } from '../src/lint-engine';
import type { LintOptions, LintRequest } from '../src/lint-types';
import { readSettings } from '../src/settings';
import { LineIndex } from '../src/text-positions';

/** The incident in miniature: a client per message, bodies never read. */
const INCIDENT = `import nsq from 'nsqjs';
import { Agent, request } from 'undici';
import https from 'node:https';

const reader = new nsq.Reader('events', 'forwarder', { nsqdTCPAddresses: ['127.0.0.1:4150'] });

reader.on('message', async (msg) => {
  const client = new Agent({ connections: 1 });
  const { statusCode } = await request('https://sink.example/ingest', {
    method: 'POST',
    body: msg.body,
    dispatcher: client,
  });
  if (statusCode < 300) msg.finish();
  else msg.requeue(1000);
});

export async function check(url: string): Promise<boolean> {
  const res = await fetch(url);
  return res.ok;
}

export const agent = new https.Agent({ keepAlive: false });
`;

const engine = new LintEngine();
const RULE_NAMES = engine.rules().map((rule) => rule.ruleId.replace('keepalive/', ''));

function options(values: Record<string, unknown> = {}): LintOptions {
  return readSettings((key) => values[key], RULE_NAMES).settings.lint;
}

function request(text: string, lintOptions = options(), filename = 'forwarder.ts'): LintRequest {
  return { filename, text, options: lintOptions };
}

describe('LintEngine with eslint-plugin-keepalive', () => {
  it('knows the three rules with their documentation', () => {
    assert.deepEqual(
      engine.rules().map((rule) => rule.ruleId).sort(),
      ['keepalive/no-client-per-request', 'keepalive/no-disabled-keepalive', 'keepalive/no-unconsumed-body'],
    );
    for (const rule of engine.rules()) {
      assert.match(rule.docsUrl ?? '', new RegExp(`${rule.ruleId.replace('keepalive/', '')}\\.md$`));
      assert.ok(rule.description.length > 0);
    }
  });

  it('reports the incident with positions, severities and suggestions as edits', () => {
    const result = engine.lint(request(INCIDENT));
    assert.equal(result.problem, undefined);
    assert.equal(result.fromCache, false);
    const byRule = result.findings.map((f) => [f.ruleId, f.range.start.line, f.severity]);
    assert.deepEqual(byRule, [
      ['keepalive/no-client-per-request', 7, 'warning'],
      ['keepalive/no-unconsumed-body', 8, 'warning'],
      ['keepalive/no-unconsumed-body', 18, 'warning'],
      ['keepalive/no-disabled-keepalive', 22, 'warning'],
    ]);
    // The fetch finding's suggestions are edits at positions of this text.
    const fetchFinding = result.findings[2];
    assert.ok(fetchFinding && fetchFinding.suggestions.length >= 1);
    const index = new LineIndex(INCIDENT);
    for (const suggestion of fetchFinding.suggestions) {
      const at = index.offsetAt(suggestion.edit.range.start);
      assert.ok(at > INCIDENT.indexOf('const res') && at <= INCIDENT.indexOf('return res.ok'));
      assert.match(suggestion.edit.newText, /res\.(arrayBuffer|body\?\.cancel|text)\(\)/);
    }
  });

  it('applies per-rule severities and turns rules off', () => {
    const result = engine.lint(
      request(INCIDENT, options({ rules: { 'no-unconsumed-body': 'error', 'no-client-per-request': 'off' } })),
    );
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity]),
      [
        ['keepalive/no-unconsumed-body', 'error'],
        ['keepalive/no-unconsumed-body', 'error'],
        ['keepalive/no-disabled-keepalive', 'warning'],
      ],
    );
  });

  it('honours disable comments for its rules', () => {
    const text = INCIDENT.replace('  const res = await fetch(url);', '  // eslint-disable-next-line keepalive/no-unconsumed-body\n  const res = await fetch(url);');
    const lines = engine.lint(request(text)).findings.map((f) => f.range.start.line);
    // The fetch finding (line 19 after the inserted comment) is gone, the others stay.
    assert.deepEqual(lines, [7, 8, 23]);
  });

  it('serves an unchanged text from the cache and re-lints after an edit or a settings change', () => {
    const first = engine.lint(request(`${INCIDENT}// cache\n`));
    const second = engine.lint(request(`${INCIDENT}// cache\n`));
    assert.equal(first.fromCache, false);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.findings, first.findings);
    assert.equal(engine.lint(request(`${INCIDENT}// cache 2\n`)).fromCache, false);
    assert.equal(engine.lint(request(`${INCIDENT}// cache\n`, options({ rules: { 'no-unconsumed-body': 'off' } }))).fromCache, false);
  });

  it('reports a syntax error as a problem instead of throwing', () => {
    const result = engine.lint(request('export function broken( {\n'));
    assert.deepEqual(result.findings, []);
    assert.equal(result.problem?.kind, 'syntax-error');
    assert.match(result.problem?.message ?? '', /^line \d+: /);
  });

  it('does not lint a file over maxFileSize', () => {
    const result = engine.lint(request(INCIDENT, options({ maxFileSize: 100 })));
    assert.deepEqual(result.findings, []);
    assert.equal(result.problem?.kind, 'too-large');
    assert.match(result.problem?.message ?? '', /over keepalive\.maxFileSize \(100\)/);
  });

  it('lints JavaScript with JSX and CommonJS files', () => {
    const jsx = `export const View = () => <div>{String(fetch)}</div>;\nexport async function f(u) { const r = await fetch(u); return r.status; }\n`;
    assert.deepEqual(engine.lint(request(jsx, options(), 'view.jsx')).findings.map((f) => f.ruleId), ['keepalive/no-unconsumed-body']);
    const cjs = `const http = require('node:http');\nmodule.exports = new http.Agent({ keepAlive: false });\n`;
    assert.deepEqual(engine.lint(request(cjs, options(), 'agent.cjs')).findings.map((f) => f.ruleId), ['keepalive/no-disabled-keepalive']);
  });

  it('fixAll never applies suggestions (eslint-plugin-keepalive has no autofixes)', () => {
    assert.deepEqual(engine.fixAll(request(INCIDENT)), { fixedCount: 0 });
  });
});

describe('LintEngine.fixAll', () => {
  // A real fixable rule, run by the real Linter: `var` → `let` (fix), plus a suggestion that fixAll must skip.
  const plugin: RulePlugin = {
    rules: {
      'no-var': {
        meta: { type: 'suggestion', fixable: 'code', hasSuggestions: true, schema: [], messages: { v: 'use let', s: 'use const' } },
        create(context: { sourceCode: { getFirstToken(n: unknown): { range: [number, number] } }; report(d: unknown): void }) {
          return {
            VariableDeclaration(node: { kind: string }) {
              if (node.kind !== 'var') return;
              const token = context.sourceCode.getFirstToken(node);
              context.report({
                node,
                messageId: 'v',
                fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(token.range, 'let'),
                suggest: [{ messageId: 's', fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(token.range, 'const') }],
              });
            },
          };
        },
      },
    } as unknown as RulePlugin['rules'],
  };
  const fixing = new LintEngine(plugin);
  const fixOptions: LintOptions = { ...options(), rules: { 'keepalive/no-var': 'warn' } };

  it('applies autofixes as one minimal edit and counts them', () => {
    const text = 'const a = 1;\nvar b = 2;\nvar c = 3;\nexport { a, b, c };\n';
    const result = fixing.fixAll({ filename: 'a.ts', text, options: fixOptions });
    assert.equal(result.fixedCount, 2);
    assert.ok(result.edit);
    const index = new LineIndex(text);
    const fixed =
      text.slice(0, index.offsetAt(result.edit.range.start)) + result.edit.newText + text.slice(index.offsetAt(result.edit.range.end));
    assert.equal(fixed, 'const a = 1;\nlet b = 2;\nlet c = 3;\nexport { a, b, c };\n');
    assert.deepEqual(result.edit.range.start, { line: 1, character: 0 });
  });

  it('leaves fixes of non-keepalive rules enabled by inline comments alone', () => {
    const text = '/* eslint semi: "error" */\nconst a = 1\nexport { a }\n';
    assert.deepEqual(fixing.fixAll({ filename: 'a.ts', text, options: fixOptions }), { fixedCount: 0 });
  });

  it('reports a fixable finding with its fix and an autofix-preferred plan', () => {
    const [finding] = fixing.lint({ filename: 'a.ts', text: 'var x = 1;\n', options: fixOptions }).findings;
    assert.deepEqual(finding?.fix, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'let' });
    assert.equal(finding?.suggestions[0]?.edit.newText, 'const');
  });
});
