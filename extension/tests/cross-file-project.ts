/**
 * A two-module project on disk for the cross-file tests: `handler.ts` calls `postJson` from
 * `lib/http.ts`, which returns the fetch response (the caller must read its body) — or, in its
 * edited form, reads the body itself.
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HTTP_RETURNS_RESPONSE = `export async function postJson(url: string, body: unknown) {
  return fetch(url, { method: 'POST', body: JSON.stringify(body) });
}
`;

export const HTTP_READS_BODY = `export async function postJson(url: string, body: unknown) {
  const r = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  await r.arrayBuffer();
  return r;
}
`;

export const HANDLER = `import { postJson } from './lib/http';

export async function handle(u: string, b: unknown) {
  const res = await postJson(u, b);
  if (!res.ok) throw new Error(String(res.status));
  return res.status;
}
`;

/** Line (0-based) of `const res` in HANDLER. */
export const RES_LINE = 3;

export interface CrossFileProject {
  readonly root: string;
  readonly handler: string;
  readonly http: string;
}

/** Writes the project into a fresh temp folder; paths are real paths (tmpdir may be a symlink). */
export function writeCrossFileProject(): CrossFileProject {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'keepalive-crossfile-')));
  mkdirSync(join(root, 'lib'));
  writeFileSync(join(root, 'lib', 'http.ts'), HTTP_RETURNS_RESPONSE);
  writeFileSync(join(root, 'handler.ts'), HANDLER);
  return { root, handler: join(root, 'handler.ts'), http: join(root, 'lib', 'http.ts') };
}
