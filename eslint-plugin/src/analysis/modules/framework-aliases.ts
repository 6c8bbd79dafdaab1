/**
 * Import aliases that frameworks declare in a tsconfig they generate, which a fresh checkout lacks:
 *
 * - SvelteKit's `$lib` (`$lib/server/db` → `src/lib/server/db`), written into
 *   `.svelte-kit/tsconfig.json` by `svelte-kit sync`. The project is the nearest folder above the
 *   importing file that has a `src/lib` folder and holds the file inside its `src` (a route in
 *   `src/routes/**`, a hook, a module of `src/lib` itself).
 * - Nuxt's `~` / `@` (the source folder) and `~~` / `@@` (the project root), written into
 *   `.nuxt/tsconfig.json` by `nuxi prepare`. The project is the nearest folder above the importing
 *   file with a `nuxt.config.{ts,js,mjs}`; the source folder is its `app/` folder where there is
 *   one (Nuxt 4) and the root otherwise (Nuxt 3) — `~/server/utils/db` of a Nuxt 4 project, which
 *   keeps `server/` at the root, is looked for in both.
 *
 * These only say where to look: the resolver still resolves each candidate (extensions, `index`
 * files), and the first that resolves wins.
 */
import path from 'node:path';
import { isDirectory, isFile } from './file-kinds';

export interface AliasRequest {
  /** The folder to resolve `request` from. */
  readonly root: string;
  /** A relative request (`./src/lib/server/db`). */
  readonly request: string;
}

/** Where `specifier`, imported from a file in `directory`, may point through a framework alias. */
export function frameworkAliasRequests(directory: string, specifier: string): AliasRequest[] {
  return svelteKitLib(directory, specifier) ?? nuxtAlias(directory, specifier) ?? [];
}

function svelteKitLib(directory: string, specifier: string): AliasRequest[] | undefined {
  const rest = aliasRest(specifier, '$lib');
  if (rest === undefined) return undefined;
  for (let current = directory; ; ) {
    const source = path.join(current, 'src');
    if (isInside(directory, source) && isDirectory(path.join(source, 'lib'))) return [{ root: current, request: `./src/lib${rest}` }];
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
}

const NUXT_CONFIGS = ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'];

function nuxtAlias(directory: string, specifier: string): AliasRequest[] | undefined {
  const toRoot = aliasRest(specifier, '~~') ?? aliasRest(specifier, '@@');
  const toSource = toRoot === undefined ? (aliasRest(specifier, '~') ?? aliasRest(specifier, '@')) : undefined;
  if (toRoot === undefined && toSource === undefined) return undefined;
  const root = nearestNuxtRoot(directory);
  if (root === undefined) return [];
  if (toRoot !== undefined) return [{ root, request: `.${toRoot}` }];
  const candidates: AliasRequest[] = [];
  if (isDirectory(path.join(root, 'app'))) candidates.push({ root, request: `./app${toSource}` });
  candidates.push({ root, request: `.${toSource}` });
  return candidates;
}

function nearestNuxtRoot(directory: string): string | undefined {
  for (let current = directory; ; ) {
    if (NUXT_CONFIGS.some((name) => isFile(path.join(current, name)))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** `/server/db` of `$lib/server/db` for the alias `$lib`, '' for `$lib` itself, else undefined. */
function aliasRest(specifier: string, alias: string): string | undefined {
  if (specifier === alias) return '';
  return specifier.startsWith(`${alias}/`) ? specifier.slice(alias.length) : undefined;
}

function isInside(directory: string, folder: string): boolean {
  const relative = path.relative(folder, directory);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
