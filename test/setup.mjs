#!/usr/bin/env node
/**
 * Idempotent setup behind `npm test`, `npm run demo` and `.ci/run`, so that each works on a fresh
 * machine with only Node and Go: npm dependencies (npm ci when the lockfile changed), the workspace
 * builds, the nsq and Toxiproxy binaries (built once from the Go module proxy into the cache), the
 * benchmark's Go HTTPS sink (built from runtime/rig/sink/bench-sink, standard library only) and, for tests,
 * code-server + Chromium for the real-editor suite. Caches live outside the clone, under
 * $KEEPALIVE_CACHE (default ~/.cache/keepalive). Plain Node: it runs before dependencies exist.
 *
 *   node test/setup.mjs          everything the tests need
 *   node test/setup.mjs --demo   everything `npm run demo` needs (no editor)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const forDemo = process.argv.includes('--demo');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--demo');
if (unknown.length > 0) {
  console.error(`setup: unknown argument ${unknown[0]} (only --demo is accepted)`);
  process.exit(2);
}

process.env.KEEPALIVE_CACHE ??= join(homedir(), '.cache', 'keepalive');
mkdirSync(process.env.KEEPALIVE_CACHE, { recursive: true });

const steps = [
  ['npm dependencies', ensureDependencies],
  ['workspace builds', () => run('npm', ['run', 'build'])],
  ['nsq binaries (nsqd, nsqlookupd, nsq_to_http 1.3.0)', () => run('bash', ['runtime/scripts/go-tool-bin.sh', 'nsq'])],
  ['Toxiproxy (toxiproxy-server 2.5.0)', () => run('bash', ['runtime/scripts/go-tool-bin.sh', 'toxiproxy'])],
  ['bench sink (Go HTTPS sink of `npm run bench`)', () => run('bash', ['runtime/scripts/go-tool-bin.sh', 'bench-sink'])],
];
if (!forDemo) {
  steps.push([
    'code-server 4.99.4 + Chromium',
    () => run('bash', ['extension/scripts/install-code-server.sh']),
  ]);
}

for (const [title, action] of steps) {
  const started = Date.now();
  process.stderr.write(`setup: ${title} ...\n`);
  action();
  process.stderr.write(`setup: ${title} ready (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

/** `npm ci` unless node_modules was installed from exactly this lockfile. */
function ensureDependencies() {
  const lockfile = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.keepalive-lockfile.sha256');
  const digest = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, `${digest}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) {
    console.error(`setup: cannot run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`setup: \`${[command, ...args].join(' ')}\` failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}
