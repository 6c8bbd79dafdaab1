// Packages the built extension (run `node scripts/build.mjs` first) into a .vsix with vsce 3.x,
// offline (`--no-dependencies`: everything the extension runs is in dist/). The lint worker ships
// oxc-resolver's native binding for the platform it was built on, so the package is marked for that
// VS Code target platform (dist/vsce-targets, written by the build): VS Code installs it there only.
//   node scripts/package.mjs [--out <file.vsix>]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targetsFile = join(root, 'dist', 'vsce-targets');
if (!existsSync(join(root, 'dist', 'lint-worker.js')) || !existsSync(targetsFile)) {
  console.error('dist/ is missing or was built before the resolver was shipped: run `node scripts/build.mjs` first.');
  process.exit(1);
}
const targets = readFileSync(targetsFile, 'utf8').split('\n').filter(Boolean);
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'keepalive-vscode.vsix');
const vsce = join(dirname(createRequire(join(root, 'package.json')).resolve('@vscode/vsce/package.json')), 'vsce');
// One binding: a platform-specific package. Several: one universal package carrying them all.
const target = targets.length === 1 ? ['--target', targets[0]] : [];
const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', ...target, '--out', out], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
