import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { describeForeignMachine, readExtensionBenchmark, readLintBenchmark } from '../bench/side-benchmarks.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepalive-side-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a missing file is "not run" with the command that writes it', async () => {
  const result = await readLintBenchmark(join(dir, 'lint.json'), 'bench-results/lint.json');
  assert.deepEqual(result, { status: 'not run', file: 'bench-results/lint.json', command: 'npm run bench:lint' });
});

test('a complete file is read as is', async () => {
  const data = { ratio: 1.12, withRulesMs: 5600, baselineMs: 5000, files: 420, runs: 5, machine: '2 × AMD EPYC' };
  await writeFile(join(dir, 'lint.json'), JSON.stringify(data));
  assert.deepEqual(await readLintBenchmark(join(dir, 'lint.json')), { status: 'ok', file: join(dir, 'lint.json'), data });
});

test('a malformed file is "unreadable" with the reason', async () => {
  await writeFile(join(dir, 'extension.json'), JSON.stringify({ ratio: 2, lintMs: 'fast' }));
  const result = await readExtensionBenchmark(join(dir, 'extension.json'));
  assert.equal(result.status, 'unreadable');
  assert.match(result.status === 'unreadable' ? result.reason : '', /"lintMs" is "fast", expected a number/);
  await writeFile(join(dir, 'broken.json'), '{');
  const broken = await readExtensionBenchmark(join(dir, 'broken.json'));
  assert.match(broken.status === 'unreadable' ? broken.reason : '', /not JSON/);
});

test('machine fields from other scripts are described whatever their shape', () => {
  assert.equal(describeForeignMachine('2 × EPYC'), '2 × EPYC');
  assert.equal(describeForeignMachine({ cpus: 2, node: 'v20' }), 'cpus: 2, node: v20');
  assert.equal(describeForeignMachine(undefined), 'unknown machine');
});
