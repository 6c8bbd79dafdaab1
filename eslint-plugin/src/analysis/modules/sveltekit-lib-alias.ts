/**
 * SvelteKit's `$lib` alias: `import { db } from '$lib/server/db'` names `src/lib/server/db` of the
 * SvelteKit project the importing file belongs to. SvelteKit writes the alias into a generated
 * `.svelte-kit/tsconfig.json` only when `svelte-kit sync` runs, and that folder is not committed,
 * so a fresh checkout's tsconfig does not know it: the project's own layout does.
 *
 * The project is the nearest folder above the importing file that has a `src/lib` folder and holds
 * the file inside its `src` (a route in `src/routes/**`, a hook in `src/hooks.server.ts`, a module of
 * `src/lib` itself). This only says where to look; the resolver still resolves the path there
 * (extensions, `index` files).
 */
import fs from 'node:fs';
import path from 'node:path';

const ALIAS = '$lib';

/** `{ root, request }` to resolve instead of `specifier` from `directory`, or undefined when it is not `$lib`. */
export function svelteKitLibRequest(directory: string, specifier: string): { root: string; request: string } | undefined {
  if (specifier !== ALIAS && !specifier.startsWith(`${ALIAS}/`)) return undefined;
  for (let current = directory; ; ) {
    const source = path.join(current, 'src');
    if (isInside(directory, source) && isDirectory(path.join(source, 'lib'))) {
      return { root: current, request: `./src/lib${specifier.slice(ALIAS.length)}` };
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isInside(directory: string, folder: string): boolean {
  const relative = path.relative(folder, directory);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
