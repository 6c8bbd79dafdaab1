// Real ESLint with the built eslint-plugin-keepalive on runtime/examples/ (the root `npm test` builds
// the plugin first; without it this test fails with the build command in the message).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { ESLint } from 'eslint';
import { RUNTIME_ROOT } from '../bench/forwarder-command.js';
import { lintExamples, loadKeepalivePlugin, type ExampleLintReport } from '../demo/lint-examples.js';

const repoRoot = resolve(RUNTIME_ROOT, '..');
const examplesDir = join(RUNTIME_ROOT, 'examples');
let report: ExampleLintReport;

before(async () => {
  report = await lintExamples({ repoRoot, examplesDir });
});

async function keepaliveFindings(text: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: [loadKeepalivePlugin().configs.recommended] });
  const [result] = await eslint.lintText(text, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).map((message) => `${message.line}:${message.ruleId}`);
}

test('the broken examples trip every rule; the correct consumer is clean', () => {
  for (const rule of ['keepalive/no-client-per-request', 'keepalive/no-unconsumed-body', 'keepalive/no-disabled-keepalive']) {
    assert.ok(report.stylish.includes(rule), `${rule} is reported`);
  }
  assert.ok(report.errorCount >= 5, `${report.errorCount} errors`);
  assert.deepEqual(report.cleanFiles, ['runtime/examples/correct/nsq-consumer.mjs']);
  assert.deepEqual(report.corrections.map((c) => c.file).sort(), ['runtime/examples/broken/nsq-consumer.mjs', 'runtime/examples/broken/other-shapes.mjs']);
});

test('the output is ESLint\'s stylish format: file headers, line:column, a problem total', () => {
  assert.match(report.stylish, /examples\/broken\/nsq-consumer\.mjs\n\s+\d+:\d+\s+error\s+/);
  assert.match(report.stylish, /✖ \d+ problems? \(\d+ errors?, 0 warnings\)/);
});

test('each correction removes findings, keeps the code runnable and comes as a unified diff', async () => {
  for (const correction of report.corrections) {
    const original = await readFile(join(repoRoot, correction.file), 'utf8');
    const before = await keepaliveFindings(original, correction.file);
    assert.ok(correction.applied.length > 0, `${correction.file}: some suggestion was applied`);
    assert.ok(correction.remaining.length < before.length, `${correction.file}: fewer findings after the suggestions`);
    assert.deepEqual(correction.remaining.length, (await keepaliveFindings(correction.corrected, correction.file)).length);
    assert.ok(correction.diff.startsWith(`--- a/${correction.file}\n+++ b/${correction.file}\n@@ `));
    for (const skipped of correction.skipped) assert.match(skipped, / — not applied: /);
  }
  const shapes = report.corrections.find((c) => c.file.endsWith('other-shapes.mjs'));
  assert.ok(shapes?.corrected.includes('keepAlive: true'));
});
