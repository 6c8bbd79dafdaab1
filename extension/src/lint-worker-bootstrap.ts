/**
 * Entry point of the lint worker thread (bundled as `dist/lint-worker.js`): loads the worker itself
 * (`dist/lint-worker-main.js`, from `lint-worker.ts`) and, when a TypeScript file needs it, the
 * TypeScript parser (`dist/typescript-parser.js`) through a V8 code cache kept in the extension's
 * storage (`workerData.codeCacheDir`), so a new window's first lint does not wait for a compile.
 * Caches are written once the worker is idle after its first lint.
 *
 * Every `require('@typescript-eslint/parser')` in this thread gets the bundled parser: the plugin
 * looks for the linted project's own copy first (to parse a TypeScript module a JavaScript file
 * imports), and the extension never runs workspace code.
 */
import Module = require('node:module');
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CodeCacheLoader } from './code-cache';

/**
 * Writing a cache blocks the worker for a while: it waits until a first lint has compiled the lint
 * code too (then the cache holds it) and the worker has been idle a moment; or, when no lint comes,
 * for a long idle time.
 */
const WRITE_CACHES_AFTER_LINT_MS = 1_000;
const WRITE_CACHES_WITHOUT_LINT_MS = 15_000;

const port = parentPort;
if (!port) throw new Error('lint-worker.js must run in a worker thread');
const data = workerData as { codeCacheDir?: unknown } | undefined;
const loader = new CodeCacheLoader(typeof data?.codeCacheDir === 'string' ? data.codeCacheDir : undefined);
let idle: NodeJS.Timeout | undefined;
let linted = false;
// Added before the worker's own listener: each request pushes the write further out.
port.on('message', (message: { kind?: unknown }) => {
  if (message.kind === 'lint') linted = true;
  clearTimeout(idle);
  idle = setTimeout(() => loader.saveCaches(), linted ? WRITE_CACHES_AFTER_LINT_MS : WRITE_CACHES_WITHOUT_LINT_MS);
  idle.unref();
});
const typescriptParser = join(__dirname, 'typescript-parser.js');
const moduleLoader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const load = moduleLoader._load;
moduleLoader._load = function loadBundledParser(request: string, parent: unknown, isMain: boolean): unknown {
  if (request === '@typescript-eslint/parser') return loader.require(typescriptParser);
  return load.call(this, request, parent, isMain);
};
loader.require(join(__dirname, 'lint-worker-main.js'));
