// Bundles the extension with esbuild: dist/extension.js (the extension host side, `vscode` external)
// and dist/lint-worker.js (ESLint's Linter + @typescript-eslint/parser + eslint-plugin-keepalive,
// run in a worker thread). Copies the plugin's rule docs to dist/docs/rules for offline
// "Show documentation".
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));

let pluginDir;
try {
  pluginDir = dirname(require.resolve('eslint-plugin-keepalive/package.json'));
  require.resolve('eslint-plugin-keepalive');
} catch (error) {
  console.error('eslint-plugin-keepalive is not built: run `npm run build -w eslint-plugin-keepalive` first.');
  console.error(String(error));
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Minified: the worker bundle holds TypeScript and ESLint, and parses faster at start when smaller.
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['src/lint-worker.ts'],
    outfile: 'dist/lint-worker.js',
    // ESLint's config loader (pulled in through @typescript-eslint/utils) imports jiti only to load
    // TypeScript config files, which the in-process Linter never does.
    external: ['jiti', 'jiti/*'],
  }),
]);

const docs = join(pluginDir, 'docs', 'rules');
if (existsSync(docs)) {
  cpSync(docs, join(dist, 'docs', 'rules'), { recursive: true });
  console.log(`bundled ${readdirSync(docs).length} rule docs`);
}
console.log(`built ${join(dist, 'extension.js')} and ${join(dist, 'lint-worker.js')}`);
