/**
 * The extension in a real VS Code: code-server 4.99.4 (VS Code 1.99.3) with the packaged .vsix
 * installed by `--install-extension`, driven through the workbench UI with playwright-core and
 * Debian's Chromium, and checked through the VS Code API by a test-only probe extension
 * (test/fixtures/extension/probe). Needs `bash extension/scripts/install-code-server.sh` first;
 * fails with that instruction when code-server or Chromium is missing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  REPO_ROOT,
  codeServerBinary,
  copyFixture,
  packageExtension,
  packageFolder,
  startCodeServer,
  type RunningCodeServer,
} from './support/code-server';
import { chooseQuickFix, openQuickFixMenu, openWorkbench, quickOpen, runCommand, type Workbench } from './support/code-server-browser';
import { Probe, type ProbeDiagnostic } from './support/code-server-probe';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'extension');
const RESULTS = join(REPO_ROOT, 'test-results');
const DISABLED = 'keepalive/no-disabled-keepalive';
/** Diagnostic codes are rule names without the `keepalive/` prefix (the source says keepalive). */
const code = (ruleId: string): string => ruleId.slice('keepalive/'.length);

/** Polls the file on disk (bounded) until `accept` holds; returns the last content. */
async function waitForFile(path: string, accept: (text: string) => boolean): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 300; attempt++) {
    text = readFileSync(path, 'utf8');
    if (accept(text)) return text;
    await delay(100);
  }
  return text;
}

/** Polls (bounded) what the editor holds for an open document until `accept` holds; returns the last. */
async function waitForDocument(
  probe: Probe,
  file: string,
  accept: (document: { text: string; isDirty: boolean }) => boolean,
): Promise<{ text: string; isDirty: boolean }> {
  let document = await probe.document(file);
  for (let attempt = 0; attempt < 100 && !accept(document); attempt++) {
    await delay(100);
    document = await probe.document(file);
  }
  return document;
}

function inFile(file: string): (d: ProbeDiagnostic[]) => ProbeDiagnostic[] {
  return (diagnostics) => diagnostics.filter((d) => d.file === file);
}

describe('keepalive-vscode in code-server', { timeout: 360_000 }, () => {
  let scratch: string;
  let workspace: string;
  let server: RunningCodeServer | undefined;
  let workbench: Workbench | undefined;
  let probe: Probe;

  before(async () => {
    codeServerBinary(); // fails first, with the install instruction, when code-server/Chromium are missing
    scratch = mkdtempSync(join(tmpdir(), 'keepalive-e2e-'));
    const vsix = packageExtension(scratch);
    const probeVsix = packageFolder(join(FIXTURES, 'probe'), scratch, 'probe');
    workspace = copyFixture(join(FIXTURES, 'workspace'));
    // Created here, not kept in git (node_modules is ignored): the scan must skip it.
    mkdirSync(join(workspace, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(
      join(workspace, 'node_modules', 'dep', 'index.js'),
      "const http = require('node:http');\nmodule.exports = new http.Agent({ keepAlive: false });\n",
    );
    const portFile = join(scratch, 'probe-port');
    server = await startCodeServer({
      workspace,
      vsixFiles: [vsix, probeVsix],
      userSettings: { 'keepaliveProbe.portFile': portFile },
    });
    workbench = await openWorkbench(server.url, workspace);
    probe = await Probe.connect(portFile, () => server?.log() ?? '');
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('activates on a TypeScript file and reports diagnostics with rule codes linking to the docs', async () => {
    assert.ok(workbench);
    await quickOpen(workbench.page, 'agent.ts');
    const diagnostics = inFile('src/agent.ts')(
      await probe.waitForDiagnostics('a diagnostic in src/agent.ts', (d) => inFile('src/agent.ts')(d).length > 0),
    );
    const state = await probe.state();
    assert.equal(state.keepaliveActive, true);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.line]),
      [[code(DISABLED), 'warning', 2]],
    );
    assert.match(diagnostics[0]?.docs ?? '', /no-disabled-keepalive\.md$/);
    assert.match(diagnostics[0]?.message ?? '', /keepAlive: true/);
    // The squiggle is drawn in the editor and counted in the status bar.
    await workbench.page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor();
    const problems = await workbench.page.locator('#status\\.problems').getAttribute('aria-label');
    assert.match(problems ?? '', /Warnings: [1-9]/);
  });

  it('lists suggestion, disable and documentation actions and applies the quick fix to disk', async () => {
    assert.ok(workbench);
    const page = workbench.page;
    const titles = await openQuickFixMenu(page, '.editor-instance .monaco-editor .squiggly-warning');
    const expected = [
      'Set `keepAlive: true` (idle sockets stay open for reuse). (keepalive/no-disabled-keepalive)',
      `Disable ${DISABLED} for this line`,
      `Disable ${DISABLED} for the entire file`,
      `Show documentation for ${DISABLED}`,
    ];
    for (const title of expected) {
      assert.ok(titles.some((row) => row.includes(title)), `missing "${title}" in ${JSON.stringify(titles)}`);
    }
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'extension-quick-fix.png') });

    await chooseQuickFix(page, 'Set `keepAlive: true`');
    await page.keyboard.press('Control+S');
    const path = join(workspace, 'src', 'agent.ts');
    const text = await waitForFile(path, (t) => t.includes('keepAlive'));
    assert.equal(
      text,
      "import https from 'node:https';\n\nexport const agent = new https.Agent({ keepAlive: true, maxSockets: 50 });\n",
    );
    await probe.waitForDiagnostics('src/agent.ts to be clean', (d) => inFile('src/agent.ts')(d).length === 0);
  });

  it('offers the best suggestion as the preferred action', async () => {
    const [diagnostic] = inFile('src/one-shot.ts')(
      await probe.open('src/one-shot.ts').then(() =>
        probe.waitForDiagnostics('a diagnostic in src/one-shot.ts', (d) => inFile('src/one-shot.ts')(d).length > 0),
      ),
    );
    assert.ok(diagnostic);
    assert.equal(diagnostic.code, code(DISABLED));
    const actions = await probe.codeActions('src/one-shot.ts', diagnostic.line, diagnostic.character);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(
      preferred.map((a) => a.title),
      ['Remove `agent: false` (use the global keep-alive agent). (keepalive/no-disabled-keepalive)'],
    );
    const ours = actions.filter((a) => a.title.includes(DISABLED));
    assert.deepEqual(
      ours.map((a) => [a.title, a.kind]),
      [
        ['Remove `agent: false` (use the global keep-alive agent). (keepalive/no-disabled-keepalive)', 'quickfix'],
        [`Disable ${DISABLED} for this line`, 'quickfix'],
        [`Disable ${DISABLED} for the entire file`, 'quickfix'],
        [`Show documentation for ${DISABLED}`, 'quickfix'],
      ],
    );
  });

  it('disables the rule for one line and the diagnostic goes away', async () => {
    const [diagnostic] = inFile('src/one-shot.ts')(await probe.diagnostics());
    assert.ok(diagnostic);
    const { text } = await probe.applyCodeAction(
      'src/one-shot.ts',
      diagnostic.line,
      diagnostic.character,
      `Disable ${DISABLED} for this line`,
    );
    const expected =
      "import https from 'node:https';\n\nexport function ping(host: string): void {\n" +
      `  // eslint-disable-next-line ${DISABLED}\n` +
      "  https.get({ host, path: '/ping', agent: false }, (res: { resume(): void }) => res.resume());\n}\n";
    assert.equal(text, expected);
    assert.equal(await waitForFile(join(workspace, 'src', 'one-shot.ts'), (t) => t === expected), expected);
    await probe.waitForDiagnostics('src/one-shot.ts to be clean', (d) => inFile('src/one-shot.ts')(d).length === 0);
  });

  it('fix-all on save (source.fixAll.keepalive) saves the edit and never applies suggestions', async () => {
    assert.ok(workbench);
    const page = workbench.page;
    const path = join(workspace, 'src', 'on-save.ts');
    const original = readFileSync(path, 'utf8');
    await quickOpen(page, 'on-save.ts');
    const [finding] = inFile('src/on-save.ts')(
      await probe.waitForDiagnostics('a diagnostic in src/on-save.ts', (d) => inFile('src/on-save.ts')(d).length > 0),
    );
    assert.equal(finding?.code, 'no-unconsumed-body');
    // The finding has suggestions; fix-all on save must not apply any of them.
    const actions = await probe.codeActions('src/on-save.ts', finding.line, finding.character);
    assert.ok(actions.some((a) => a.isPreferred && a.title.endsWith('(keepalive/no-unconsumed-body)')));

    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('export const saved = true;\n');
    await page.keyboard.press('Control+S');
    const text = await waitForFile(path, (t) => t.includes('saved'));
    assert.equal(text, `${original}export const saved = true;\n`);
    const after = await probe.waitForDiagnostics('the finding to stay after save', (d) =>
      inFile('src/on-save.ts')(d).some((x) => x.code === 'no-unconsumed-body'),
    );
    assert.equal(inFile('src/on-save.ts')(after).length, 1);
  });

  it('applies resource settings: per-rule severity, enable, and re-lints on change', async () => {
    const onSave = inFile('src/on-save.ts');
    await probe.configure('keepalive.rules', { 'no-unconsumed-body': 'error' });
    await probe.waitForDiagnostics('the finding to become an error', (d) => onSave(d).some((x) => x.severity === 'error'));
    await probe.configure('keepalive.enable', false);
    await probe.waitForDiagnostics('diagnostics to clear with keepalive.enable false', (d) => onSave(d).length === 0);
    await probe.configure('keepalive.enable', null);
    await probe.configure('keepalive.rules', null);
    const back = await probe.waitForDiagnostics('the warning to come back', (d) => onSave(d).some((x) => x.severity === 'warning'));
    assert.equal(onSave(back).length, 1);
  });

  it('"Keep-Alive: Restart" restarts the worker and re-lints open files', async () => {
    const restarted = await probe.command<{ rules: string[]; documents: number }>('keepalive.restart');
    assert.deepEqual(restarted.rules.sort(), [
      'keepalive/no-client-per-request',
      'keepalive/no-disabled-keepalive',
      'keepalive/no-unconsumed-body',
    ]);
    assert.ok(restarted.documents >= 1, `re-linted ${restarted.documents} documents`);
    const diagnostics = await probe.waitForDiagnostics('diagnostics after restart', (d) => inFile('src/on-save.ts')(d).length === 1);
    assert.equal(inFile('src/on-save.ts')(diagnostics)[0]?.code, 'no-unconsumed-body');
  });

  it('"Show documentation" opens the rule page bundled in the .vsix', async () => {
    const shown = await probe.command<{ opened: string } | null>(
      'keepalive.showDocumentation',
      'keepalive/no-unconsumed-body',
      'https://example.invalid/never-opened',
    );
    assert.match(shown?.opened ?? '', /^file:\/\/.*\/dist\/docs\/rules\/no-unconsumed-body\.md$/);
    // The preview is a webview that keeps the keyboard focus: close it for the next UI step.
    await probe.command('workbench.action.closeActiveEditor');
  });

  it('re-lints an open file when a module it imports is edited in the editor, unsaved, and undone', async (t) => {
    assert.ok(workbench);
    const page = workbench.page;
    const handler = inFile('handler.ts');
    const httpPath = join(workspace, 'lib', 'http.ts');
    const handlerPath = join(workspace, 'handler.ts');
    const httpOnDisk = readFileSync(httpPath, 'utf8');
    const handlerOnDisk = readFileSync(handlerPath, 'utf8');
    const started = Date.now();
    const elapsed = (): number => Date.now() - started;

    // handler.ts reads `res.ok` and `res.status` but never the body of the response postJson
    // (another module) returns: a finding only a cross-file lint can make, so it also proves the
    // packaged extension loaded its module resolver (a native binding shipped in the .vsix).
    assert.deepEqual(handler(await probe.diagnostics()), [], 'nothing linted handler.ts before it is opened');
    await quickOpen(page, 'handler.ts');
    const found = handler(
      await probe.waitForDiagnostics('the cross-file finding in handler.ts', (d) => handler(d).length > 0),
    );
    assert.deepEqual(
      found.map((d) => [d.code, d.line]),
      [['no-unconsumed-body', 3]],
    );
    const shown = elapsed();

    // Edit the wrapper in the editor without saving: postJson now reads the body itself.
    await quickOpen(page, 'http.ts');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type("const r = await fetch(url, { method: 'POST', body: JSON.stringify(body) }); await r.arrayBuffer(); return r;");
    const typed = elapsed();
    const expected = httpOnDisk.replace(
      "  return fetch(url, { method: 'POST', body: JSON.stringify(body) });",
      "  const r = await fetch(url, { method: 'POST', body: JSON.stringify(body) }); await r.arrayBuffer(); return r;",
    );
    // The extension host sees the last keystrokes a moment after the page sent them.
    const edited = await waitForDocument(probe, 'lib/http.ts', (d) => d.text === expected);
    assert.equal(edited.text, expected);
    assert.equal(edited.isDirty, true);
    await probe.waitForDiagnostics('the handler.ts finding to go after the unsaved edit of lib/http.ts', (d) => handler(d).length === 0);
    const cleared = elapsed();
    assert.equal(readFileSync(httpPath, 'utf8'), httpOnDisk, 'lib/http.ts is not saved');
    assert.equal(readFileSync(handlerPath, 'utf8'), handlerOnDisk);
    assert.equal((await probe.document('handler.ts')).isDirty, false, 'handler.ts is not touched');

    // Undo until the editor matches the disk again: the finding comes back.
    for (let attempt = 0; attempt < 50 && (await probe.document('lib/http.ts')).isDirty; attempt++) {
      await page.keyboard.press('Control+Z');
    }
    const undone = await probe.document('lib/http.ts');
    assert.equal(undone.isDirty, false);
    assert.equal(undone.text, httpOnDisk);
    const back = handler(
      await probe.waitForDiagnostics('the handler.ts finding to come back after undo', (d) => handler(d).length > 0),
    );
    assert.deepEqual(
      back.map((d) => [d.code, d.line]),
      [['no-unconsumed-body', 3]],
    );
    const restored = elapsed();
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'extension-cross-file.png') });
    t.diagnostic(
      `cross-file: finding shown ${shown} ms after opening handler.ts; typed by ${typed} ms; ` +
        `cleared ${cleared - typed} ms after typing; back ${restored - cleared} ms later (after undo)`,
    );
  });

  it('"Keep-Alive: Scan workspace" reports unopened files and skips node_modules and files.exclude', async () => {
    assert.ok(workbench);
    await runCommand(workbench.page, 'Keep-Alive: Scan workspace');
    const diagnostics = await probe.waitForDiagnostics('the scan to report lib/scan-only.js', (d) =>
      d.some((x) => x.file === 'lib/scan-only.js'),
    );
    const files = [...new Set(diagnostics.map((d) => d.file))].sort();
    // agent.ts and one-shot.ts were fixed or disabled above; on-save.ts and handler.ts (cross-file,
    // lib/http.ts back to its saved text) keep their findings; lib/http.ts itself is clean.
    assert.deepEqual(files, ['handler.ts', 'lib/scan-only.js', 'src/on-save.ts']);
    assert.deepEqual(
      diagnostics.filter((d) => d.file === 'lib/scan-only.js').map((d) => [d.code, d.line]),
      [[code(DISABLED), 3]],
    );
    await workbench.page.screenshot({ path: join(RESULTS, 'extension-scan.png') });
  });

  it('lints as you type, before the file is saved', async () => {
    assert.ok(workbench);
    const page = workbench.page;
    const path = join(workspace, 'src', 'on-save.ts');
    const onDisk = readFileSync(path, 'utf8');
    await quickOpen(page, 'on-save.ts');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('export async function more(u: string) { const r = await fetch(u); return r.ok; }');
    const diagnostics = await probe.waitForDiagnostics('a finding on the typed line', (d) =>
      inFile('src/on-save.ts')(d).some((x) => x.line === 5),
    );
    assert.deepEqual(
      inFile('src/on-save.ts')(diagnostics).map((d) => [d.code, d.line]),
      [
        ['no-unconsumed-body', 1],
        ['no-unconsumed-body', 5],
      ],
    );
    assert.equal(readFileSync(path, 'utf8'), onDisk);
  });
});
