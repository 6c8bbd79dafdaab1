// Bundles the extension with esbuild: dist/extension.js (the extension host side, `vscode` external),
// dist/lint-worker.js (the worker thread's entry, see src/lint-worker-bootstrap.ts),
// dist/lint-worker-main.js (ESLint's Linter with its default parser espree + eslint-plugin-keepalive)
// and dist/typescript-parser.js (@typescript-eslint/parser with TypeScript, 3.5 of the 5.8 MB), which
// the worker loads only for TypeScript, so a JavaScript file's first diagnostic never waits for
// TypeScript to load. Copies the plugin's rule docs to dist/docs/rules for offline "Show documentation", and the module resolver the plugin's cross-file analysis loads to
// dist/node_modules (see shipResolver).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Every `require('@typescript-eslint/parser')` in the worker (the engine's and the plugin's, which
 * parses imported TypeScript modules) becomes `require('./typescript-parser.js')`, resolved next to
 * the bundle at run time: one copy of TypeScript, loaded on first use.
 */
const typescriptParserOnDemand = {
  name: 'typescript-parser-on-demand',
  setup(build) {
    build.onResolve({ filter: /^@typescript-eslint\/parser$/ }, () => ({ path: './typescript-parser.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The worker thread's entry: loads the two bundles below through a V8 code cache.
  build({ ...common, entryPoints: ['src/lint-worker-bootstrap.ts'], outfile: 'dist/lint-worker.js' }),
  build({
    ...common,
    entryPoints: ['src/lint-worker.ts'],
    outfile: 'dist/lint-worker-main.js',
    // ESLint's config loader (pulled in through @typescript-eslint/utils) imports jiti only to load
    // TypeScript config files, which the in-process Linter never does. oxc-resolver loads a native
    // N-API binding (a .node file) that esbuild cannot bundle: it stays a require() and is shipped
    // next to the bundle.
    external: ['jiti', 'jiti/*', 'oxc-resolver'],
    plugins: [typescriptParserOnDemand],
  }),
  build({
    ...common,
    entryPoints: ['@typescript-eslint/parser'],
    outfile: 'dist/typescript-parser.js',
  }),
]);

shipResolver();

const docs = join(pluginDir, 'docs', 'rules');
if (existsSync(docs)) {
  cpSync(docs, join(dist, 'docs', 'rules'), { recursive: true });
  console.log(`bundled ${readdirSync(docs).length} rule docs`);
}
console.log(`built ${['extension.js', 'lint-worker.js', 'lint-worker-main.js', 'typescript-parser.js'].map((file) => join(dist, file)).join(', ')}`);

/**
 * Copies oxc-resolver (resolved as the plugin resolves it) and every native binding package of it
 * installed here into dist/node_modules, where `require('oxc-resolver')` from dist/lint-worker.js
 * finds them; the .vsix carries that folder (.vscodeignore). A binding is platform-specific, so the
 * package is for the platforms whose bindings are installed: they are written to
 * dist/vsce-targets (not shipped) for `scripts/package.mjs`. The build fails when none is installed —
 * the extension would silently lose its cross-file analysis.
 */
function shipResolver() {
  const requireFromPlugin = createRequire(join(pluginDir, 'package.json'));
  const resolverDir = dirname(requireFromPlugin.resolve('oxc-resolver/package.json'));
  const resolverManifest = JSON.parse(readFileSync(join(resolverDir, 'package.json'), 'utf8'));
  const modules = join(dist, 'node_modules');
  copyPackage(resolverDir, join(modules, 'oxc-resolver'), resolverManifest);

  const requireFromResolver = createRequire(join(resolverDir, 'package.json'));
  const shipped = [];
  for (const name of Object.keys(resolverManifest.optionalDependencies ?? {})) {
    let bindingDir;
    try {
      bindingDir = dirname(requireFromResolver.resolve(`${name}/package.json`));
    } catch {
      continue; // a binding for another platform: not installed here
    }
    const manifest = JSON.parse(readFileSync(join(bindingDir, 'package.json'), 'utf8'));
    // The WebAssembly fallback needs further runtime packages; only self-contained .node bindings ship.
    if (!String(manifest.main ?? '').endsWith('.node')) continue;
    copyPackage(bindingDir, join(modules, ...name.split('/')), manifest);
    shipped.push(name);
  }
  if (shipped.length === 0) {
    console.error(`no native binding of oxc-resolver ${resolverManifest.version} is installed: run \`npm install\` on this platform`);
    process.exit(1);
  }
  const targets = shipped.map(vsceTarget);
  writeFileSync(join(dist, 'vsce-targets'), `${targets.join('\n')}\n`);
  console.log(`shipped oxc-resolver ${resolverManifest.version} with ${shipped.join(', ')} (targets: ${targets.join(', ')})`);
}

/** Copies an npm package as published: its manifest, license and the files its `files` field lists. */
function copyPackage(from, to, manifest) {
  mkdirSync(to, { recursive: true });
  const entries = ['package.json', ...(manifest.files ?? readdirSync(from))];
  for (const entry of readdirSync(from)) if (/^licen[cs]e/i.test(entry)) entries.push(entry);
  for (const entry of new Set(entries)) {
    if (entry === 'node_modules' || !existsSync(join(from, entry))) continue;
    cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
}

/** vsce's --target for a binding package name, e.g. `@oxc-resolver/binding-linux-x64-gnu` → linux-x64. */
function vsceTarget(bindingName) {
  const platform = bindingName.replace(/^@oxc-resolver\/binding-/, '');
  const targets = {
    'linux-x64-gnu': 'linux-x64',
    'linux-arm64-gnu': 'linux-arm64',
    'linux-arm-gnueabihf': 'linux-armhf',
    'linux-x64-musl': 'alpine-x64',
    'linux-arm64-musl': 'alpine-arm64',
    'darwin-x64': 'darwin-x64',
    'darwin-arm64': 'darwin-arm64',
    'win32-x64-msvc': 'win32-x64',
    'win32-arm64-msvc': 'win32-arm64',
  };
  const target = targets[platform];
  if (!target) {
    console.error(`${bindingName}: no VS Code target platform for it`);
    process.exit(1);
  }
  return target;
}
