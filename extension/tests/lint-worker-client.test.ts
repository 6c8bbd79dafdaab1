import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LintWorkerClient, WorkerRestartedError } from '../src/lint-worker-client';
import type { LintRequest } from '../src/lint-types';
import { readSettings } from '../src/settings';
import { HANDLER, HTTP_READS_BODY, RES_LINE, writeCrossFileProject } from './cross-file-project';
import { setTimeout as delay } from 'node:timers/promises';
import { generateBenchSource } from '../bench/generate-source';

// The real bundle the extension ships: built by `npm run build -w keepalive-vscode`.
const WORKER = join(__dirname, '..', 'dist', 'lint-worker.js');
if (!existsSync(WORKER)) {
  throw new Error(`${WORKER} is missing: run \`npm run build -w keepalive-vscode\` before these tests`);
}

const RULES = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'];
const OPTIONS = readSettings(() => undefined, RULES).settings.lint;
const UNREAD = 'export async function f(u: string) {\n  const res = await fetch(u);\n  return res.status;\n}\n';

function request(text: string): LintRequest {
  return { filename: 'f.ts', text, options: OPTIONS };
}

describe('LintWorkerClient with dist/lint-worker.js', () => {
  const log: string[] = [];
  const client = new LintWorkerClient(WORKER, (line) => log.push(line));
  after(() => client.dispose());

  it('answers rules and lints in the worker thread', async () => {
    const rules = await client.rules();
    assert.deepEqual(rules.map((r) => r.ruleId).sort(), RULES.map((r) => `keepalive/${r}`).sort());
    const outcome = await client.lint('doc', request(UNREAD));
    assert.equal(outcome.status, 'done');
    assert.deepEqual(
      outcome.status === 'done' ? outcome.result.findings.map((f) => [f.ruleId, f.range.start.line]) : [],
      [['keepalive/no-unconsumed-body', 1]],
    );
  });

  it('lets a newer version of a document supersede the running and the queued lint', async () => {
    const first = client.lint('edited', request(`${UNREAD}// v1\n`));
    const second = client.lint('edited', request(`${UNREAD}// v2\n`));
    const third = client.lint('edited', request(`${UNREAD}// v3\nexport const x = 1;\n`));
    // Another document is not affected.
    const other = client.lint('other', request(`${UNREAD}// other\n`));
    assert.deepEqual(await first, { status: 'superseded' });
    assert.deepEqual(await second, { status: 'superseded' });
    const latest = await third;
    assert.equal(latest.status, 'done');
    assert.equal((await other).status, 'done');
  });

  it('survives a restart and lints again', async () => {
    const interrupted = assert.rejects(client.lint('doc', request(`${UNREAD}// interrupted\n`)), WorkerRestartedError);
    await client.restart();
    await interrupted;
    const outcome = await client.lint('doc', request(UNREAD));
    assert.equal(outcome.status, 'done');
    assert.deepEqual(log, []);
  });

  it('fails a request the worker does not answer in time, then recovers', async () => {
    const lines: string[] = [];
    // 1 ms: far less than starting a worker thread takes, so the first request always times out.
    const impatient = new LintWorkerClient(WORKER, (line) => lines.push(line), { requestTimeoutMs: 1 });
    try {
      await assert.rejects(impatient.rules(), /did not answer request 1 \(rules\) within 1 ms/);
      assert.match(lines.join('\n'), /restarting it/);
    } finally {
      await impatient.dispose();
    }
  });
});

describe('LintWorkerClient cancelling superseded lints of big files', () => {
  const BIG = generateBenchSource();
  const big = (version: number): LintRequest => ({ filename: 'big.ts', text: `${BIG}// v${version}\n`, options: OPTIONS });

  it('terminates the worker running a long superseded lint and lints the newest version on a new one', async () => {
    const traced: string[] = [];
    const errors: string[] = [];
    const client = new LintWorkerClient(WORKER, (line) => errors.push(line), { cancelAfterMs: 50, trace: (line) => traced.push(line) });
    try {
      assert.equal((await client.lint('small', request(UNREAD))).status, 'done');
      const first = client.lint('big', big(1));
      await delay(120);
      const second = client.lint('big', big(2));
      assert.deepEqual(await first, { status: 'superseded' });
      const latest = await second;
      assert.equal(latest.status, 'done');
      assert.ok(latest.status === 'done' && latest.result.findings.length > 0);
      assert.equal(client.cancelledLints, 1);
      assert.match(traced.join('\n'), /cancelled the superseded lint of big after \d+ ms/);
      assert.deepEqual(errors, []);
    } finally {
      await client.dispose();
    }
  });

  it("never cancels while another document's lint waits on the same worker (negative case)", async () => {
    const client = new LintWorkerClient(WORKER, () => undefined, { cancelAfterMs: 50 });
    try {
      await client.rules();
      const first = client.lint('big', big(3));
      const other = client.lint('other', request(`${UNREAD}// other\n`));
      await delay(120);
      const second = client.lint('big', big(4));
      assert.deepEqual(await first, { status: 'superseded' });
      assert.equal((await other).status, 'done');
      assert.equal((await second).status, 'done');
      assert.equal(client.cancelledLints, 0);
    } finally {
      await client.dispose();
    }
  });

  it('never cancels a short lint (negative case)', async () => {
    const client = new LintWorkerClient(WORKER, () => undefined, { cancelAfterMs: 10_000 });
    try {
      const first = client.lint('big', big(5));
      await delay(120);
      const second = client.lint('big', big(6));
      assert.deepEqual(await first, { status: 'superseded' });
      assert.equal((await second).status, 'done');
      assert.equal(client.cancelledLints, 0);
    } finally {
      await client.dispose();
    }
  });
});

describe('LintWorkerClient overlays (cross-file)', () => {
  const project = writeCrossFileProject();
  const log: string[] = [];
  const client = new LintWorkerClient(WORKER, (line) => log.push(line));
  after(async () => {
    await client.dispose();
    rmSync(project.root, { recursive: true, force: true });
  });
  const lintHandler = async (): Promise<[string, number][]> => {
    const outcome = await client.lint('handler', { filename: project.handler, cwd: project.root, text: HANDLER, options: OPTIONS });
    assert.equal(outcome.status, 'done');
    return outcome.status === 'done' ? outcome.result.findings.map((f) => [f.ruleId, f.range.start.line]) : [];
  };
  const UNREAD: [string, number][] = [['keepalive/no-unconsumed-body', RES_LINE]];

  it('lints with an unsaved module text, keeps it across a worker restart, and drops it when removed', async () => {
    assert.deepEqual(await lintHandler(), UNREAD);
    assert.equal(client.setOverlay(project.http, HTTP_READS_BODY), true);
    assert.equal(client.setOverlay(project.http, HTTP_READS_BODY), false, 'unchanged');
    assert.deepEqual(await lintHandler(), []);
    // A fresh worker knows nothing: the client replays the overlay before the first request.
    await client.restart();
    assert.deepEqual(await lintHandler(), []);
    assert.deepEqual(client.overlayFiles(), [project.http]);
    assert.equal(client.setOverlay(project.http, undefined), true);
    assert.deepEqual(await lintHandler(), UNREAD);
    assert.deepEqual(client.overlayFiles(), []);
    assert.deepEqual(log, []);
  });

  it('lints a JavaScript file (espree) that imports a TypeScript module: the bundled parser reads the module', async () => {
    // A fresh worker, so the JavaScript file is its first lint and nothing has loaded the TypeScript parser yet.
    await client.restart();
    const jsHandler = project.handler.replace(/\.ts$/, '.js');
    const text = HANDLER.replace('(u: string, b: unknown)', '(u, b)');
    writeFileSync(jsHandler, text);
    const outcome = await client.lint('js-handler', { filename: jsHandler, cwd: project.root, text, options: OPTIONS });
    assert.equal(outcome.status, 'done');
    assert.deepEqual(outcome.status === 'done' ? outcome.result.findings.map((f) => [f.ruleId, f.range.start.line]) : [], UNREAD);
    assert.deepEqual(log, []);
  });
});
