import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { linterCwd, lintTarget } from '../src/lint-target';

describe('lintTarget', () => {
  it('lints a file on disk under its absolute path, with its workspace folder as cwd', () => {
    assert.deepEqual(lintTarget({ scheme: 'file', path: '/w/src/handler.ts', fsPath: '/w/src/handler.ts' }, 'typescript', '/w'), {
      filename: '/w/src/handler.ts',
      cwd: '/w',
      onDisk: true,
    });
  });

  it('gives a file without a linted extension one that matches its language, in its own folder', () => {
    assert.equal(lintTarget({ scheme: 'file', path: '/w/bin/serve', fsPath: '/w/bin/serve' }, 'javascript', '/w').filename, '/w/bin/serve.js');
    assert.equal(
      lintTarget({ scheme: 'file', path: '/w/views/page.vue.tsx', fsPath: '/w/views/page.vue.tsx' }, 'typescriptreact', '/w').filename,
      '/w/views/page.vue.tsx',
    );
  });

  it('gives untitled and virtual documents a relative synthetic name (no imports followed)', () => {
    assert.deepEqual(lintTarget({ scheme: 'untitled', path: 'Untitled-1', fsPath: 'Untitled-1' }, 'typescript', undefined), {
      filename: 'Untitled-1.ts',
      cwd: undefined,
      onDisk: false,
    });
    assert.equal(
      lintTarget({ scheme: 'vscode-vfs', path: '/github/org/repo/src/a.mts', fsPath: '/github/org/repo/src/a.mts' }, 'typescript', '/w').filename,
      'a.mts',
    );
  });
});

describe('linterCwd', () => {
  it('keeps the workspace folder for a file inside it', () => {
    assert.equal(linterCwd(join('/w', 'src', 'a.ts'), '/w'), '/w');
    assert.equal(linterCwd(join('/w', '..hidden', 'a.ts'), '/w'), '/w');
  });

  it('uses the file\'s own folder for a file outside the workspace folder or without one', () => {
    assert.equal(linterCwd('/elsewhere/lib/a.ts', '/w'), '/elsewhere/lib');
    assert.equal(linterCwd('/w-sibling/a.ts', '/w'), '/w-sibling');
    assert.equal(linterCwd('/elsewhere/lib/a.ts', undefined), '/elsewhere/lib');
  });

  it('resolves a synthetic name against the given cwd or the process cwd', () => {
    assert.equal(linterCwd('Untitled-1.ts', '/w'), '/w');
    assert.equal(linterCwd('Untitled-1.ts', undefined), process.cwd());
  });
});
