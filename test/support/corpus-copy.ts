/**
 * Puts (part of) the labelled corpus in test/corpus/ into a temporary directory and links the
 * workspace packages of its multi-file projects into `node_modules`, as `npm install` would in a
 * real monorepo. The repository holds no symlinks (they do not survive every checkout), so tests
 * that lint the corpus lint such a copy: same relative paths, real files on disk.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export const corpusDir = join(dirname(__dirname), 'corpus');

/** The folder of multi-file mini-projects inside the corpus; everything else is a single-file case. */
export const PROJECTS_DIR = 'projects';

/**
 * Copies the corpus (or only the listed paths relative to it, such as `projects/<name>`) into a new
 * temporary directory, links every workspace package, and returns the directory.
 */
export function copyCorpus(prefix: string, onlyPaths?: readonly string[]): string {
  const target = mkdtempSync(join(tmpdir(), prefix));
  for (const path of onlyPaths ?? ['.']) {
    cpSync(join(corpusDir, path), join(target, path), { recursive: true });
  }
  const projects = join(target, PROJECTS_DIR);
  if (existsSync(projects)) {
    for (const entry of readdirSync(projects, { withFileTypes: true })) {
      if (entry.isDirectory()) linkWorkspacePackages(join(projects, entry.name));
    }
  }
  return target;
}

interface PackageJson {
  name?: string;
  workspaces?: string[] | { packages?: string[] };
}

function readPackageJson(dir: string): PackageJson | undefined {
  const file = join(dir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PackageJson) : undefined;
}

/** Directories a workspace pattern names: `packages/*` (one level) or a plain path. */
function workspaceDirs(root: string, pattern: string): string[] {
  if (!pattern.endsWith('/*')) return [join(root, pattern)];
  const parent = join(root, pattern.slice(0, -2));
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(parent, entry.name));
}

/** For a project whose package.json declares `workspaces`: `node_modules/<name>` -> the package. */
export function linkWorkspacePackages(projectRoot: string): void {
  const root = readPackageJson(projectRoot);
  const patterns = Array.isArray(root?.workspaces) ? root.workspaces : (root?.workspaces?.packages ?? []);
  for (const pattern of patterns) {
    for (const packageDir of workspaceDirs(projectRoot, pattern)) {
      const name = readPackageJson(packageDir)?.name;
      if (!name) continue;
      const link = join(projectRoot, 'node_modules', ...name.split('/'));
      if (existsSync(link)) continue;
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), packageDir), link, 'dir');
    }
  }
}

/** `// expect: no-client-per-request, no-disabled-keepalive` -> one entry per listed rule. */
export function expectedRulesByLine(text: string): Array<{ line: number; rule: string }> {
  const expected: Array<{ line: number; rule: string }> = [];
  text.split('\n').forEach((line, index) => {
    const match = /\/\/\s*expect:\s*([\w\-, ]+)\s*$/.exec(line);
    if (!match?.[1]) return;
    for (const rule of match[1].split(',').map((id) => id.trim()).filter(Boolean)) {
      expected.push({ line: index + 1, rule });
    }
  });
  return expected;
}
