import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { moduleSummariesOf } from '../../../src/analysis/modules';
import { dependenciesOf, invalidate, setOverlay } from '../../../src/module-graph';
import { lintFile, removeProject, writeFiles, writeProject } from '../../support/temp-project';
import { computations, probeReachesLeaf } from './reaches-leaf';

const roots: string[] = [];
after(() => roots.forEach(removeProject));
beforeEach(() => {
  computations.length = 0;
});

function project(files: Record<string, string>): string {
  const root = writeProject(files);
  roots.push(root);
  return root;
}

/** m1.f1 -> m2.f2 -> m3.f3 -> m4.f4 -> leaf() */
const CHAIN = {
  'm1.ts': "import { f2 } from './m2';\nexport function f1() { return f2(); }\n",
  'm2.ts': "import { f3 } from './m3';\nexport function f2() { return f3(); }\n",
  'm3.ts': "import { f4 } from './m4';\nexport function f3() { return f4(); }\n",
  'm4.ts': 'declare function leaf(): void;\nexport function f4() { return leaf(); }\n',
};

describe('module summaries: answers, cache and dependencies', () => {
  it('computes an answer once per process and reuses it from other linted files', () => {
    const root = project({
      'http.ts': 'declare function leaf(): void;\nexport function get() { return leaf(); }\nexport function other() {}\n',
      'a.ts': "import { get, other } from './http';\nprobe(get); probe(other);\n",
      'b.ts': "import { get } from './http';\nprobe(get); probe(get);\n",
    });
    assert.deepEqual(probeReachesLeaf(path.join(root, 'a.ts')), [true, false]);
    assert.deepEqual(probeReachesLeaf(path.join(root, 'b.ts'), { parser: 'typescript' }), [true, true]);
    assert.deepEqual(computations, ['http.ts#get', 'http.ts#other']);
  });

  it('stops at three nested modules and answers the same whatever was linted before', () => {
    const alone = project({ ...CHAIN, 'main.ts': "import { f1 } from './m1';\nprobe(f1);\n" });
    assert.deepEqual(probeReachesLeaf(path.join(alone, 'main.ts')), [false]);

    // Same project, but another file first asks about f2, whose chain fits within the bound.
    const warmed = project({
      ...CHAIN,
      'main.ts': "import { f1 } from './m1';\nprobe(f1);\n",
      'warm.ts': "import { f2 } from './m2';\nprobe(f2);\n",
    });
    assert.deepEqual(probeReachesLeaf(path.join(warmed, 'warm.ts')), [true]);
    assert.deepEqual(probeReachesLeaf(path.join(warmed, 'main.ts')), [false]);
  });

  it('returns the fallback on a cycle and when the computation throws', () => {
    const root = project({
      'a.ts': "import { g } from './b';\nexport function f() { return g(); }\n",
      'b.ts': "import { f } from './a';\nexport function g() { return f(); }\n",
      'c.ts': "import { d } from './d';\nexport function c() { return d(); }\n",
      'd.ts': "import { c } from './c';\ndeclare function leaf(): void;\nexport function d() { leaf(); return c(); }\n",
      'boom.ts': 'declare function explode(): void;\nexport function boom() { explode(); }\n',
      'main.ts': "import { f } from './a';\nimport { c } from './c';\nimport { boom } from './boom';\nprobe(f); probe(c); probe(boom);\n",
    });
    assert.deepEqual(probeReachesLeaf(path.join(root, 'main.ts')), [false, true, false]);
  });

  it('recomputes when an imported module changes on disk (size or mtime)', () => {
    const root = project({
      'http.ts': 'declare function leaf(): void;\nexport function get() { return leaf(); }\n',
      'main.ts': "import { get } from './http';\nprobe(get);\n",
    });
    const main = path.join(root, 'main.ts');
    const http = path.join(root, 'http.ts');
    assert.deepEqual(probeReachesLeaf(main), [true]);
    writeFiles(root, { 'http.ts': 'declare function leaf(): void;\nexport function get() { return 1; }\n' });
    assert.deepEqual(probeReachesLeaf(main), [false], 'size changed');
    // Same size, later mtime.
    fs.writeFileSync(http, 'declare function leaf(): void;\nexport function get() { return 2; }\n');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(http, later, later);
    writeFiles(root, {});
    assert.deepEqual(probeReachesLeaf(main), [false]);
    assert.deepEqual(computations, ['http.ts#get', 'http.ts#get', 'http.ts#get']);
  });

  it('recomputes an answer when a module it looked into changes', () => {
    const root = project({
      'outer.ts': "import { inner } from './inner';\nexport function outer() { return inner(); }\n",
      'inner.ts': 'declare function leaf(): void;\nexport function inner() { return leaf(); }\n',
      'main.ts': "import { outer } from './outer';\nprobe(outer);\n",
    });
    const main = path.join(root, 'main.ts');
    assert.deepEqual(probeReachesLeaf(main), [true]);
    writeFiles(root, { 'inner.ts': 'export function inner() { return 0; }\n' });
    assert.deepEqual(probeReachesLeaf(main), [false]);
  });

  it('uses overlay text instead of the disk, and forgets a file on invalidate', () => {
    const root = project({
      'http.ts': 'declare function leaf(): void;\nexport function get() { return leaf(); }\n',
      'main.ts': "import { get } from './http';\nprobe(get);\n",
    });
    const main = path.join(root, 'main.ts');
    const http = path.join(root, 'http.ts');
    assert.deepEqual(probeReachesLeaf(main), [true]);
    setOverlay(http, 'export function get() { return 0; }\n');
    assert.deepEqual(probeReachesLeaf(main), [false]);
    setOverlay(http, undefined);
    assert.deepEqual(probeReachesLeaf(main), [true]);
    assert.equal(computations.length, 3);
    assert.deepEqual(probeReachesLeaf(main), [true]);
    assert.equal(computations.length, 3, 'memoised');
    invalidate(http);
    assert.deepEqual(probeReachesLeaf(main), [true]);
    assert.equal(computations.length, 4, 'invalidate() drops the memoised answer');
  });

  it('records the modules each lint used, replaced by the next lint of that file', () => {
    const root = project({
      ...CHAIN,
      'lib/index.ts': "export { f3 } from '../m3';\n",
      'main.ts': "import { f3 } from './lib';\nprobe(f3);\n",
    });
    const main = path.join(root, 'main.ts');
    assert.deepEqual(dependenciesOf(main), []);
    assert.deepEqual(probeReachesLeaf(main), [true]);
    assert.deepEqual(dependenciesOf(main), ['lib/index.ts', 'm3.ts', 'm4.ts'].map((f) => path.join(root, f)));
    // A second file asking the same (now memoised) question records the same modules.
    writeFiles(root, { 'other.ts': "import { f3 } from './m3';\nprobe(f3);\n" });
    assert.deepEqual(probeReachesLeaf(path.join(root, 'other.ts')), [true]);
    assert.deepEqual(dependenciesOf(path.join(root, 'other.ts')), ['m3.ts', 'm4.ts'].map((f) => path.join(root, f)));
    writeFiles(root, { 'main.ts': "import { f4 } from './m4';\nprobe(f4);\n" });
    assert.deepEqual(probeReachesLeaf(main), [true]);
    assert.deepEqual(dependenciesOf(main), [path.join(root, 'm4.ts')]);
  });

  it('is unavailable without a real file name, and drops type-information parser options', () => {
    const root = project({
      'http.ts': 'declare function leaf(): void;\nexport function get() { return leaf(); }\n',
      // http.ts stays outside the program of main.ts (TS does not follow a plain require call).
      'main.ts': "declare const require: (id: string) => any;\nconst { get } = require('./http');\nprobe(get);\n",
      'tsconfig.json': JSON.stringify({ files: ['main.ts'] }),
    });
    let available: boolean | undefined;
    const linter = new (require('eslint').Linter as typeof import('eslint').Linter)({ configType: 'flat' });
    linter.verify('probe(1);', [
      {
        plugins: {
          t: {
            rules: {
              r: {
                create: (context: never) => {
                  available = moduleSummariesOf(context) !== undefined;
                  return {};
                },
              },
            },
          },
        },
        rules: { 't/r': 'error' },
      },
    ]);
    assert.equal(available, false, '<input> has no module summaries');
    // With `project`, @typescript-eslint/parser refuses a file outside the program (http.ts);
    // summaries parse imported modules without it.
    assert.deepEqual(
      probeReachesLeaf(path.join(root, 'main.ts'), {
        parserOptions: { project: './tsconfig.json', tsconfigRootDir: root },
      }),
      [true],
    );
  });

  it('lint of a file that asks nothing parses nothing', () => {
    const root = project({ 'http.ts': 'this does not parse (\n', 'main.ts': "import { get } from './http';\nget();\n" });
    let summariesFile: string | undefined;
    lintFile(path.join(root, 'main.ts'), (context) => {
      summariesFile = moduleSummariesOf(context)?.file;
      return {};
    });
    assert.equal(summariesFile, path.join(root, 'main.ts'));
    assert.deepEqual(dependenciesOf(path.join(root, 'main.ts')), []);
  });
});
