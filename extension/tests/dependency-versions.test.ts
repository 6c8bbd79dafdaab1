import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DependencyVersions } from '../src/dependency-versions';

describe('DependencyVersions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-versions-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a stamp current until the module changes in the editor or is invalidated', () => {
    const file = join(dir, 'http.ts');
    writeFileSync(file, 'export const a = 1;\n');
    const versions = new DependencyVersions();
    const stamp = versions.stamp([file]);
    assert.equal(versions.isCurrent(stamp), true);
    versions.changed(join(dir, 'unrelated.ts'));
    assert.equal(versions.isCurrent(stamp), true);
    versions.changed(file);
    assert.equal(versions.isCurrent(stamp), false);
    assert.equal(versions.isCurrent(versions.stamp([file])), true);
  });

  it('notices a change on disk nobody reported', () => {
    const file = join(dir, 'client.ts');
    writeFileSync(file, 'export const a = 1;\n');
    const versions = new DependencyVersions();
    const stamp = versions.stamp([file]);
    writeFileSync(file, 'export const a = 12;\n');
    assert.equal(versions.isCurrent(stamp), false, 'size changed');
    const sameSize = versions.stamp([file]);
    writeFileSync(file, 'export const a = 13;\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    assert.equal(versions.isCurrent(sameSize), false, 'mtime changed');
    const present = versions.stamp([file]);
    rmSync(file);
    assert.equal(versions.isCurrent(present), false, 'deleted');
    assert.equal(versions.isCurrent(versions.stamp([file])), true, 'still missing');
  });

  it('a result without dependencies stays current', () => {
    const versions = new DependencyVersions();
    versions.changed('/anything.ts');
    assert.equal(versions.isCurrent([]), true);
  });
});
