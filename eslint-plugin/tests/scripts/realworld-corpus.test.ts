import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Linter as LinterType } from 'eslint';
import { collectCorpus, configFor, loadLinter, MAX_FILE_BYTES, readPackageList } from '../../scripts/realworld-corpus';

const root = mkdtempSync(join(tmpdir(), 'keepalive-corpus-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('realworld corpus collection', () => {
  write('undici/package.json', '{"name":"undici"}');
  write('undici/lib/client.js', 'module.exports = 1;\n');
  write('undici/types/client.d.ts', 'export {};\n');
  write('undici/index.mjs', 'export default 1;\n');
  write('@aws-sdk/client-s3/package.json', '{"name":"@aws-sdk/client-s3","type":"module"}');
  write('@aws-sdk/client-s3/dist-es/index.js', 'export const x = 1;\n');
  write('got/package.json', '{"name":"got"}');
  write('got/node_modules/ky/package.json', '{"name":"ky","type":"module"}');
  write('got/node_modules/ky/distribution/index.js', 'export default 1;\n');
  write('axios/dist/axios.min.js', 'var a=1;\n');
  write('axios/dist/bundle.js', 'x'.repeat(MAX_FILE_BYTES + 1));
  write('axios/README.md', '# axios\n');
  mkdirSync(join(root, '.bin'));
  symlinkSync(join(root, 'undici/lib/client.js'), join(root, '.bin', 'client.js'));

  const corpus = collectCorpus(root);

  it('collects JS/TS sources with their package, skipping .d.ts, bundles, minified files and symlinks', () => {
    assert.deepEqual(
      corpus.files.map((file) => [file.relativePath, file.packageName]),
      [
        [join('@aws-sdk/client-s3/dist-es/index.js'), '@aws-sdk/client-s3'],
        [join('got/node_modules/ky/distribution/index.js'), 'ky'],
        [join('undici/index.mjs'), 'undici'],
        [join('undici/lib/client.js'), 'undici'],
      ],
    );
    assert.equal(corpus.declarationFiles, 1);
    assert.deepEqual(
      corpus.skipped.map((skipped) => [skipped.relativePath, skipped.reason.replace(/[\d.]+ MB/, 'N MB')]),
      [
        [join('axios/dist/axios.min.js'), 'minified (.min.js)'],
        [join('axios/dist/bundle.js'), 'N MB bundle (over 1 MB)'],
      ],
    );
  });

  it('parses .js as the nearest package.json says and .mjs as a module', () => {
    const sourceTypes = corpus.files.map((file) => {
      const [language] = configFor(file, {} as never, undefined).slice(-1);
      return [file.packageName, language?.languageOptions?.sourceType];
    });
    assert.deepEqual(sourceTypes, [
      ['@aws-sdk/client-s3', 'module'],
      ['ky', 'module'],
      ['undici', 'module'],
      ['undici', 'commonjs'],
    ]);
  });

  it('gives TypeScript files a configuration, so they are linted rather than skipped', () => {
    write('ky/source/index.ts', 'const answer: number = 42;\nexport default answer;\n');
    const file = { path: join(root, 'ky/source/index.ts'), relativePath: join('ky/source/index.ts'), packageName: 'ky' };
    const { Linter, parser } = loadLinter();
    const linter = new Linter({ configType: 'flat', cwd: root });
    const rules: LinterType.Config = { rules: { 'no-debugger': 'error' } };
    const messages = linter.verify('const answer: number = 42;\ndebugger;\n', configFor(file, parser, rules), file.path);
    assert.deepEqual(
      messages.map((message) => message.ruleId),
      ['no-debugger'],
    );
  });

  it('reads a pinned list of at least 25 packages', () => {
    const list = readPackageList();
    assert.ok(Object.keys(list.packages).length >= 25);
    for (const version of Object.values(list.packages)) assert.match(version, /^\d+\.\d+\.\d+/);
    for (const required of ['axios', 'got', 'undici', 'node-fetch', 'nsqjs', 'kafkajs', '@aws-sdk/client-s3']) {
      assert.ok(required in list.packages, `${required} is in the list`);
    }
  });
});
