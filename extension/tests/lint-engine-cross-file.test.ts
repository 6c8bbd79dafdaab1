/**
 * The engine as the editor uses it on files on disk: absolute paths anywhere (outside the cwd,
 * under node_modules), imports followed into the project's modules, unsaved buffers of imported
 * modules as overlays, and a cache that never serves a result computed from a module's old text.
 * Real ESLint, the real eslint-plugin-keepalive and a real project in a temp folder.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LintEngine } from '../src/lint-engine';
import type { LintRequest, LintResult } from '../src/lint-types';
import { readSettings } from '../src/settings';
import { HANDLER, HTTP_READS_BODY, HTTP_RETURNS_RESPONSE, RES_LINE, writeCrossFileProject as project } from './cross-file-project';

const engine = new LintEngine();
const OPTIONS = readSettings(
  () => undefined,
  engine.rules().map((rule) => rule.ruleId.replace('keepalive/', '')),
).settings.lint;

function findingLines(result: LintResult): [string, number][] {
  return result.findings.map((f) => [f.ruleId, f.range.start.line]);
}

const UNREAD_FINDING: [string, number][] = [['keepalive/no-unconsumed-body', RES_LINE]];

describe('LintEngine on files on disk', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('lints a file outside ESLint\'s cwd and one under node_modules', () => {
    const { root } = project();
    roots.push(root);
    const agent = "import https from 'node:https';\nexport const agent = new https.Agent({ keepAlive: false });\n";
    for (const filename of [join(root, 'agent.ts'), join(root, 'node_modules', 'dep', 'agent.ts')]) {
      // The workspace folder (cwd) is elsewhere: ESLint alone would answer "No matching configuration".
      for (const cwd of [undefined, join(tmpdir(), 'some-other-workspace'), root]) {
        const result = engine.lint({ filename, cwd, text: agent, options: OPTIONS });
        assert.equal(result.problem, undefined, `${filename} with cwd ${cwd}: ${result.problem?.message}`);
        assert.deepEqual(findingLines(result), [['keepalive/no-disabled-keepalive', 1]], `${filename} with cwd ${cwd}`);
      }
    }
  });

  it('follows an import into the project and lists the module as a dependency', () => {
    const { root, handler, http } = project();
    roots.push(root);
    const result = engine.lint({ filename: handler, cwd: root, text: HANDLER, options: OPTIONS });
    assert.equal(result.problem, undefined);
    assert.deepEqual(findingLines(result), UNREAD_FINDING);
    assert.deepEqual(result.dependencies, [http]);
  });

  it('sees an unsaved edit of the imported module and never serves the stale cached result', () => {
    const { root, handler, http } = project();
    roots.push(root);
    const request: LintRequest = { filename: handler, cwd: root, text: HANDLER, options: OPTIONS };
    assert.deepEqual(findingLines(engine.lint(request)), UNREAD_FINDING);
    assert.equal(engine.lint(request).fromCache, true);

    engine.setOverlay(http, HTTP_READS_BODY);
    const edited = engine.lint(request);
    assert.equal(edited.fromCache, false);
    assert.deepEqual(findingLines(edited), [], 'the wrapper now reads the body');
    assert.deepEqual(edited.dependencies, [http]);
    assert.equal(engine.lint(request).fromCache, true);

    // Edits undone: the editor matches the disk again.
    engine.setOverlay(http, undefined);
    const undone = engine.lint(request);
    assert.equal(undone.fromCache, false);
    assert.deepEqual(findingLines(undone), UNREAD_FINDING);
  });

  it('sees a change on disk, reported (invalidate) or not (a file outside the watched folders)', () => {
    const { root, handler, http } = project();
    roots.push(root);
    const request: LintRequest = { filename: handler, cwd: root, text: HANDLER, options: OPTIONS };
    assert.deepEqual(findingLines(engine.lint(request)), UNREAD_FINDING);

    writeFileSync(http, HTTP_READS_BODY);
    engine.invalidate(http);
    assert.deepEqual(findingLines(engine.lint(request)), []);

    // Nobody reports this one: the sizes differ, so the cached result is not reused.
    writeFileSync(http, HTTP_RETURNS_RESPONSE);
    const reverted = engine.lint(request);
    assert.equal(reverted.fromCache, false);
    assert.deepEqual(findingLines(reverted), UNREAD_FINDING);
  });

  it('keeps a module the file used while it is half-typed, so undoing the edit brings the finding back', () => {
    const { root, handler, http } = project();
    roots.push(root);
    const request: LintRequest = { filename: handler, cwd: root, text: HANDLER, options: OPTIONS };
    assert.deepEqual(findingLines(engine.lint(request)), UNREAD_FINDING);
    // The first keystroke of an edit that replaces the return line: postJson returns nothing now,
    // and the lint loads nothing from lib/http.ts.
    engine.setOverlay(http, HTTP_RETURNS_RESPONSE.replace(/ {2}return fetch[^\n]*/, '  c'));
    const halfTyped = engine.lint(request);
    assert.deepEqual(findingLines(halfTyped), []);
    assert.deepEqual(halfTyped.dependencies, [http], 'lib/http.ts stays a dependency');
    engine.setOverlay(http, undefined);
    const undone = engine.lint(request);
    assert.equal(undone.fromCache, false);
    assert.deepEqual(findingLines(undone), UNREAD_FINDING);
  });

  it('an untitled document (synthetic relative name) gets no cross-file findings', () => {
    const { root } = project();
    roots.push(root);
    // Even with the project as cwd, where './lib/http' would resolve.
    const result = engine.lint({ filename: 'Untitled-1.ts', cwd: root, text: HANDLER, options: OPTIONS });
    assert.equal(result.problem, undefined);
    assert.deepEqual(findingLines(result), []);
    assert.deepEqual(result.dependencies, []);
  });
});
