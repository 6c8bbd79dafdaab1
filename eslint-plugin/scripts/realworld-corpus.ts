/**
 * The real-world corpus shared by `npm run lint:realworld` and `npm run bench:lint`: the pinned
 * HTTP-heavy npm packages of realworld-packages.json, installed (with their dependencies, install
 * scripts off) into `${KEEPALIVE_CACHE:-~/.cache/keepalive}/realworld`, and every JS/TS file in them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Linter } from 'eslint';

export const PLUGIN_DIR = dirname(__dirname);
export const REPO_ROOT = dirname(PLUGIN_DIR);
const requireFromRepo = createRequire(join(REPO_ROOT, 'package.json'));

/** Files above this size are bundles or generated code, not what a rule is judged on. */
export const MAX_FILE_BYTES = 1024 * 1024;
const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const DECLARATION_SUFFIXES = ['.d.ts', '.d.mts', '.d.cts'];

export interface PackageList {
  readonly packages: Readonly<Record<string, string>>;
}

export function cacheDir(): string {
  const base = process.env.KEEPALIVE_CACHE || join(homedir(), '.cache', 'keepalive');
  return join(base, 'realworld');
}

export function readPackageList(): PackageList {
  const file = join(__dirname, 'realworld-packages.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as Partial<PackageList>;
  const packages = list.packages ?? {};
  for (const [name, version] of Object.entries(packages)) {
    if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) {
      throw new Error(`${file}: ${name} must be pinned to an exact version, got "${version}"`);
    }
  }
  if (Object.keys(packages).length < 25) throw new Error(`${file}: at least 25 packages are required`);
  return { packages };
}

/**
 * Installs the pinned packages into the cache unless the same list is already installed there.
 * Returns the node_modules directory.
 */
export function ensureInstalled(list: PackageList, log: (line: string) => void): string {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const manifest = `${JSON.stringify({ name: 'keepalive-realworld', private: true, dependencies: list.packages }, null, 2)}\n`;
  const stamp = createHash('sha256').update(manifest).digest('hex');
  const stampFile = join(dir, '.installed');
  const modules = join(dir, 'node_modules');
  if (existsSync(modules) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log(`packages already installed in ${dir}`);
    return modules;
  }
  writeFileSync(join(dir, 'package.json'), manifest);
  log(`installing ${Object.keys(list.packages).length} pinned packages into ${dir} (npm install --ignore-scripts) ...`);
  const result = spawnSync(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    throw new Error(`npm install in ${dir} failed (exit ${result.status ?? result.signal})`);
  }
  writeFileSync(stampFile, stamp);
  return modules;
}

export interface CorpusFile {
  /** Absolute path. */
  readonly path: string;
  /** Path inside node_modules, e.g. `axios/lib/adapters/http.js`. */
  readonly relativePath: string;
  /** The npm package the file belongs to (innermost node_modules entry). */
  readonly packageName: string;
}

export interface SkippedFile {
  readonly relativePath: string;
  readonly reason: string;
}

export interface Corpus {
  readonly files: readonly CorpusFile[];
  readonly skipped: readonly SkippedFile[];
  /** Declaration files, counted but never linted. */
  readonly declarationFiles: number;
}

/** Every JS/TS source file under `modules` (symlinks not followed; `.bin` skipped). */
export function collectCorpus(modules: string): Corpus {
  const files: CorpusFile[] = [];
  const skipped: SkippedFile[] = [];
  let declarationFiles = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (entry.name !== '.bin' && entry.name !== '.cache') walk(full);
        continue;
      }
      if (!entry.isFile() || !SOURCE_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) continue;
      if (DECLARATION_SUFFIXES.some((suffix) => entry.name.endsWith(suffix))) {
        declarationFiles++;
        continue;
      }
      const relativePath = relative(modules, full);
      const size = lstatSync(full).size;
      if (size > MAX_FILE_BYTES) {
        skipped.push({ relativePath, reason: `${(size / 1024 / 1024).toFixed(1)} MB bundle (over 1 MB)` });
        continue;
      }
      if (/\.min\.[cm]?js$/.test(entry.name)) {
        skipped.push({ relativePath, reason: 'minified (.min.js)' });
        continue;
      }
      files.push({ path: full, relativePath, packageName: packageNameOf(relativePath) });
    }
  };
  walk(modules);
  return { files, skipped, declarationFiles };
}

function packageNameOf(relativePath: string): string {
  const parts = relativePath.split(sep);
  const last = parts.lastIndexOf('node_modules');
  const rest = last >= 0 ? parts.slice(last + 1) : parts;
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '');
}

export interface BuiltPlugin {
  readonly rules: Readonly<Record<string, unknown>>;
  readonly configs: { readonly all: Linter.Config };
}

/** The plugin as users get it: the built dist/, loaded by package name. */
export function loadBuiltPlugin(): BuiltPlugin {
  if (!existsSync(join(PLUGIN_DIR, 'dist', 'index.js'))) {
    throw new Error('eslint-plugin/dist is missing: run `npm run build -w eslint-plugin-keepalive` first.');
  }
  return requireFromRepo('eslint-plugin-keepalive') as BuiltPlugin;
}

export function loadLinter(): { Linter: typeof Linter; parser: Linter.Parser } {
  const eslint = requireFromRepo('eslint') as { Linter: typeof Linter };
  const parser = requireFromRepo('@typescript-eslint/parser') as Linter.Parser;
  return { Linter: eslint.Linter, parser };
}

/**
 * Flat config for one file: @typescript-eslint/parser for every file; CommonJS for `.cjs`/`.cts`
 * and for `.js` in packages without `"type": "module"`, modules otherwise.
 */
export function configFor(
  file: CorpusFile,
  parser: Linter.Parser,
  rules: Linter.Config | undefined,
): Linter.Config[] {
  // ESLint ignores node_modules by default; every file here lives in one.
  const unignore: Linter.Config = { ignores: ['!**/node_modules/'] };
  const language: Linter.Config = {
    // Every source extension by name: ESLint treats a lone `**/*` as matching no file it would not
    // lint anyway, so `.ts` files would get "No matching configuration" and be skipped silently.
    files: SOURCE_EXTENSIONS.map((extension) => `**/*${extension}`),
    languageOptions: { parser, ecmaVersion: 'latest', sourceType: sourceTypeOf(file.path) },
    // Packages' own eslint comments configure rules we do not load; they must not hide findings either.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  };
  return rules ? [unignore, language, rules] : [unignore, language];
}

const packageTypeCache = new Map<string, 'module' | 'commonjs'>();

function sourceTypeOf(path: string): 'module' | 'commonjs' {
  if (path.endsWith('.mjs') || path.endsWith('.mts')) return 'module';
  if (path.endsWith('.cjs') || path.endsWith('.cts')) return 'commonjs';
  if (path.endsWith('.ts')) return 'module';
  return nearestPackageType(dirname(path));
}

function nearestPackageType(dir: string): 'module' | 'commonjs' {
  const cached = packageTypeCache.get(dir);
  if (cached) return cached;
  let type: 'module' | 'commonjs';
  const manifest = join(dir, 'package.json');
  if (existsSync(manifest)) {
    let parsed: { type?: unknown } = {};
    try {
      parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown };
    } catch {
      parsed = {}; // a broken package.json in a dependency: treat like one without "type"
    }
    type = parsed.type === 'module' ? 'module' : 'commonjs';
  } else {
    const parent = dirname(dir);
    type = parent === dir || basename(dir) === 'node_modules' ? 'commonjs' : nearestPackageType(parent);
  }
  packageTypeCache.set(dir, type);
  return type;
}
