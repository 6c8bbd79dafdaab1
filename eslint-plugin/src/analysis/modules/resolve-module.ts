/**
 * Module resolution for module summaries: which project file an import specifier names.
 *
 * Resolution is done by `oxc-resolver` (Node's algorithm plus TypeScript's: extensions, `index`
 * files, package `exports`, the `.js` -> `.ts` extension alias and tsconfig/jsconfig `paths`).
 * Only project-local files are answered: a file whose real path lies inside a `node_modules` folder
 * is a dependency, not project code — unless the importing file belongs to that same installed
 * package (its relative imports are its own code). The repo's own workspace packages are reached through a
 * symlink under `node_modules`; the resolver follows symlinks, so their real path lies outside any
 * `node_modules` folder and they count as project code. Before `npm install` has made those links,
 * a package named in the root package.json's `workspaces` (workspace-packages.ts) is resolved from
 * its own folder: through its `exports` (a package may import itself by name), else as a path.
 * SvelteKit's `$lib` and Nuxt's `~`/`@` aliases are resolved from the project's layout when no
 * tsconfig declares them (framework-aliases.ts).
 *
 * `oxc-resolver` is a native module. It is loaded lazily; when it cannot be loaded, nothing
 * resolves and module summaries are unavailable (rules keep their single-file behaviour).
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { NapiResolveOptions, ResolverFactory } from 'oxc-resolver';
import { isFile } from './file-kinds';
import { frameworkAliasRequests } from './framework-aliases';
import { clearWorkspaces, workspacePackages, workspaceRootOf } from './workspace-packages';

/** Extensions of the source files we can parse, in the order TypeScript prefers them. */
export const SOURCE_EXTENSIONS: readonly string[] = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
];

const CONFIG_FILE_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;

type ResolverFactoryClass = new (options?: NapiResolveOptions) => ResolverFactory;

let resolverFactoryClass: ResolverFactoryClass | null | undefined;

/** The `ResolverFactory` class, or null when the native module cannot be loaded. */
function loadResolverFactory(): ResolverFactoryClass | null {
  if (resolverFactoryClass !== undefined) return resolverFactoryClass;
  try {
    // Loaded on first use: linting without cross-file questions never pays for the native module.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('oxc-resolver') as { ResolverFactory?: ResolverFactoryClass };
    resolverFactoryClass = typeof loaded.ResolverFactory === 'function' ? loaded.ResolverFactory : null;
  } catch {
    resolverFactoryClass = null;
  }
  return resolverFactoryClass;
}

/** True when `oxc-resolver` loads in this process. */
export function isResolverAvailable(): boolean {
  return loadResolverFactory() !== null;
}

/** One resolver per tsconfig/jsconfig file ('' = none), shared by every lint in the process. */
const resolvers = new Map<string, ResolverFactory>();
/** Nearest tsconfig/jsconfig per directory ('' = none). */
const configFileOfDirectory = new Map<string, string>();
/** `dir \0 specifier` -> resolved project file, or null when it is not one. */
const resolutions = new Map<string, string | null>();

function resolverFor(configFile: string): ResolverFactory | undefined {
  const existing = resolvers.get(configFile);
  if (existing) return existing;
  const Factory = loadResolverFactory();
  if (!Factory) return undefined;
  const options: NapiResolveOptions = {
    extensions: [...SOURCE_EXTENSIONS],
    // TypeScript sources import each other by their emitted name: './http.js' is './http.ts'.
    extensionAlias: {
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.jsx': ['.tsx', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
      '.cjs': ['.cts', '.cjs'],
    },
    conditionNames: ['node', 'import', 'require', 'default'],
    mainFields: ['main', 'module'],
    // Built-ins answer as built-ins instead of being searched for in node_modules.
    builtinModules: true,
    symlinks: true,
    ...(configFile === '' ? {} : { tsconfig: { configFile, references: 'auto' as const } }),
  };
  try {
    const resolver = new Factory(options);
    resolvers.set(configFile, resolver);
    return resolver;
  } catch {
    return undefined;
  }
}

/** The nearest tsconfig.json or jsconfig.json at or above `directory`, or ''. */
function nearestConfigFile(directory: string): string {
  const cached = configFileOfDirectory.get(directory);
  if (cached !== undefined) return cached;
  let found = '';
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(directory, name);
    if (isFile(candidate)) {
      found = candidate;
      break;
    }
  }
  if (found === '') {
    const parent = path.dirname(directory);
    if (parent !== directory) found = nearestConfigFile(parent);
  }
  configFileOfDirectory.set(directory, found);
  return found;
}

/**
 * The absolute real path of the project source file `specifier` names when imported from
 * `fromFile`, or undefined: built-ins, packages installed under node_modules, declaration files,
 * JSON and anything that does not resolve. Never throws.
 */
export function resolveProjectModule(fromFile: string, specifier: string): string | undefined {
  if (specifier === '' || isBuiltin(specifier)) return undefined;
  const directory = path.dirname(fromFile);
  const key = `${directory}\0${specifier}`;
  const cached = resolutions.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const resolved = resolveUncached(directory, specifier);
  resolutions.set(key, resolved ?? null);
  return resolved;
}

function resolveUncached(directory: string, specifier: string): string | undefined {
  const configFile = nearestConfigFile(directory);
  let resolved = resolveWith(configFile, directory, specifier);
  // A tsconfig the resolver cannot load (say, `extends` of a package that is not installed) fails
  // every request; relative imports and workspace packages still resolve without it.
  if (resolved === undefined && configFile !== '') resolved = resolveWith('', directory, specifier);
  if (resolved === undefined) resolved = resolveUnlinkedWorkspacePackage(configFile, directory, specifier);
  // `$lib/server/db` of a SvelteKit project, `~/server/utils/db` of a Nuxt one, whose generated
  // tsconfig has not been written yet.
  for (const alias of resolved === undefined ? frameworkAliasRequests(directory, specifier) : []) {
    resolved = resolveWith(configFile, alias.root, alias.request) ?? resolveWith('', alias.root, alias.request);
    if (resolved !== undefined) break;
  }
  if (resolved === undefined || !isProjectSource(resolved, directory)) return undefined;
  return resolved;
}

/** `@acme/http/agent` of a workspace package not linked into node_modules yet, from the package's own folder. */
function resolveUnlinkedWorkspacePackage(configFile: string, directory: string, specifier: string): string | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return undefined;
  const root = workspaceRootOf(directory);
  if (root === '') return undefined;
  const segments = specifier.split('/');
  const name = segments.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const folder = workspacePackages(root)[name];
  if (folder === undefined) return undefined;
  return resolveWith(configFile, folder, specifier) ?? resolveWith(configFile, folder, `.${specifier.slice(name.length)}`);
}

function resolveWith(configFile: string, directory: string, specifier: string): string | undefined {
  try {
    return resolverFor(configFile)?.sync(directory, specifier).path;
  } catch {
    return undefined;
  }
}

/**
 * Project source: outside every `node_modules` folder, or inside the same installed package as the
 * importing file (a package's own relative imports are its own code: linting an installed package
 * follows them, but never from one package into another).
 */
function isProjectSource(file: string, fromDirectory: string): boolean {
  const installedIn = installedPackageRoot(file);
  if (installedIn !== undefined && installedIn !== installedPackageRoot(path.join(fromDirectory, path.sep))) return false;
  if (/\.d\.[cm]?ts$/.test(file)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(file));
}

/** `/x/node_modules/@scope/pkg` for any path inside that installed package, else undefined. */
function installedPackageRoot(file: string): string | undefined {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const width = parts[at + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, at + width).join(path.sep);
}

/** Forget every resolution (files were added, moved or a tsconfig changed). */
export function clearResolutions(): void {
  resolutions.clear();
  configFileOfDirectory.clear();
  clearWorkspaces();
  for (const resolver of resolvers.values()) {
    try {
      resolver.clearCache();
    } catch {
      // A resolver that cannot clear its cache is dropped below and rebuilt on next use.
    }
  }
  resolvers.clear();
}
