import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatedFileReason, MAX_HANDWRITTEN_LINE } from '../src/generated-file';

const SOURCE = "import https from 'node:https';\n\nexport const agent = new https.Agent({ keepAlive: true });\n";

describe('generatedFileReason', () => {
  it('recognizes bundle names', () => {
    for (const name of ['/w/vendor/jquery.min.js', 'app.bundle.js', '2.chunk.mjs', 'lib.umd.js', 'vue.runtime.prod.js', 'x-min.cjs']) {
      assert.match(generatedFileReason(name, SOURCE) ?? '', /marks a minified or bundled file/, name);
    }
  });

  it('recognizes a trailing sourceMappingURL comment', () => {
    assert.match(generatedFileReason('out.js', `${SOURCE}//# sourceMappingURL=out.js.map\n\n`) ?? '', /sourceMappingURL/);
    assert.match(generatedFileReason('out.js', `${SOURCE}//@ sourceMappingURL=data:application/json;base64,e30=`) ?? '', /sourceMappingURL/);
  });

  it('recognizes minified lines, naming the line', () => {
    const long = `var a=${'1+'.repeat(MAX_HANDWRITTEN_LINE)}1;`;
    assert.match(generatedFileReason('app.js', `${SOURCE}${long}\n`) ?? '', /^line 4 has \d+ characters \(minified\)$/);
  });

  it('leaves hand-written files alone (negative cases)', () => {
    assert.equal(generatedFileReason('/w/src/admin.js', SOURCE), undefined, 'min inside a word');
    assert.equal(generatedFileReason('/w/src/mint.ts', SOURCE), undefined);
    assert.equal(generatedFileReason('/w/src/chunk-reader.ts', SOURCE), undefined);
    assert.equal(generatedFileReason('a.ts', `const s = 'x'.repeat(${MAX_HANDWRITTEN_LINE});\n${'y'.repeat(MAX_HANDWRITTEN_LINE)}\n`), undefined, 'a line at the limit');
    // A sourceMappingURL that is not the trailing comment: a string, or code after it.
    assert.equal(generatedFileReason('a.js', "const hint = '//# sourceMappingURL=x.map';\n"), undefined);
    assert.equal(generatedFileReason('a.js', `//# sourceMappingURL=x.map\n${SOURCE}`), undefined);
  });
});
