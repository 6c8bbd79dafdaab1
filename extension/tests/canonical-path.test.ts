import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { canonicalPath } from '../src/canonical-path';

describe('canonicalPath', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'keepalive-canonical-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'packages', 'http'), { recursive: true });
  writeFileSync(join(root, 'packages', 'http', 'index.ts'), 'export {};\n');
  // A workspace package as npm links it: node_modules/@acme/http -> packages/http.
  mkdirSync(join(root, 'node_modules', '@acme'), { recursive: true });
  symlinkSync(join(root, 'packages', 'http'), join(root, 'node_modules', '@acme', 'http'), 'dir');

  it('names a file by its real path, as the module graph reports dependencies', () => {
    assert.equal(canonicalPath(join(root, 'node_modules', '@acme', 'http', 'index.ts')), join(root, 'packages', 'http', 'index.ts'));
    assert.equal(canonicalPath(join(root, 'packages', 'http', 'index.ts')), join(root, 'packages', 'http', 'index.ts'));
  });

  it('keeps a deleted file\'s name inside its folder\'s real path', () => {
    assert.equal(canonicalPath(join(root, 'node_modules', '@acme', 'http', 'gone.ts')), join(root, 'packages', 'http', 'gone.ts'));
    assert.equal(canonicalPath(join(root, 'no-such-dir', 'gone.ts')), join(root, 'no-such-dir', 'gone.ts'));
  });
});
