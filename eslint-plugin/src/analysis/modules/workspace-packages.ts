/**
 * The packages of an npm/yarn workspace, read from the root package.json's `workspaces` field
 * (`["packages/*", "apps/api"]` or `{ "packages": [...] }`): package name -> its folder. Module
 * resolution falls back to them, so `import { getJson } from '@acme/http'` reaches `packages/http`
 * before `npm install` has linked it into `node_modules` (a fresh clone, an editor opened on a
 * checkout). Only literal folders and one trailing `*` or `**` segment are
 * expanded; other glob patterns are skipped, and pnpm's pnpm-workspace.yaml is not read.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Directory -> the workspace root at or above it ('' = none). */
const rootOfDirectory = new Map<string, string>();
/** Workspace root -> its packages (name -> absolute folder). */
const packagesOfRoot = new Map<string, Readonly<Record<string, string>>>();

/** The nearest folder at or above `directory` whose package.json declares `workspaces`, or ''. */
export function workspaceRootOf(directory: string): string {
  const cached = rootOfDirectory.get(directory);
  if (cached !== undefined) return cached;
  let root = workspacePatterns(directory) ? directory : '';
  if (root === '') {
    const parent = path.dirname(directory);
    if (parent !== directory && path.basename(directory) !== 'node_modules') root = workspaceRootOf(parent);
  }
  rootOfDirectory.set(directory, root);
  return root;
}

/** The packages of the workspace rooted at `root`: name -> absolute folder. */
export function workspacePackages(root: string): Readonly<Record<string, string>> {
  const cached = packagesOfRoot.get(root);
  if (cached) return cached;
  const packages: Record<string, string> = {};
  for (const pattern of workspacePatterns(root) ?? []) {
    for (const folder of expand(root, pattern)) {
      const name = readPackageJson(folder)?.name;
      if (typeof name === 'string' && name !== '' && packages[name] === undefined) packages[name] = folder;
    }
  }
  packagesOfRoot.set(root, packages);
  return packages;
}

export function clearWorkspaces(): void {
  rootOfDirectory.clear();
  packagesOfRoot.clear();
}

function workspacePatterns(directory: string): string[] | undefined {
  const workspaces = readPackageJson(directory)?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

/** Folders a workspace pattern names: `packages/*`, `packages/**` (one level), or a literal folder. */
function expand(root: string, pattern: string): string[] {
  const parts = pattern.replace(/\/+$/, '').split('/');
  const last = parts.at(-1);
  const fixed = parts.slice(0, last === '*' || last === '**' ? -1 : parts.length);
  if (fixed.some((part) => part.includes('*') || part === '..')) return [];
  const base = path.join(root, ...fixed);
  if (last !== '*' && last !== '**') return [base];
  try {
    return fs
      .readdirSync(base, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => path.join(base, entry.name));
  } catch {
    return [];
  }
}

function readPackageJson(folder: string): { name?: unknown; workspaces?: unknown } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; workspaces?: unknown };
  } catch {
    return undefined;
  }
}
