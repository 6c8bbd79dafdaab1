import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { classifyBodyUse, type BodyUse } from '../../../src/analysis/body-paths/body-consumption';
import type { ExportSpec } from '../../../src/analysis/imports/export-spec';
import type { BodyHolder } from '../../../src/analysis/libraries/response-sources';
import { runProbe } from '../../support/run-probe-rule';

/** Classifies every read of the identifier `res` in `code`, in source order. */
function usesOf(code: string, holder: BodyHolder, consumingHelpers: readonly ExportSpec[] = []): BodyUse[] {
  const uses: BodyUse[] = [];
  runProbe(code, (context) => ({
    'Identifier[name="res"]'(node: TSESTree.Identifier) {
      const parent = node.parent;
      // skip declarations and property keys
      if (parent?.type === 'VariableDeclarator' && parent.id === node) return;
      if (parent?.type === 'Property' && parent.key === node && !parent.shorthand) return;
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
      uses.push(classifyBodyUse(node, holder, { sourceCode: context.sourceCode, consumingHelpers }));
    },
  }));
  return uses;
}

describe('classifyBodyUse', () => {
  it('counts the reading methods of a fetch Response and of its body as consumption', () => {
    assert.deepEqual(
      usesOf(
        `declare const res: Response;
         async function f() {
           await res.json(); await res.text(); await res.arrayBuffer(); await res.blob(); await res.formData(); await res.bytes();
           await res.body?.cancel(); res.body!.getReader(); await res.body!.pipeTo(sink); res.body!.pipeThrough(t);
           for await (const chunk of res.body!) void chunk;
         }
         declare const sink: WritableStream; declare const t: TransformStream;`,
        'fetch-response',
      ),
      Array<BodyUse>(11).fill('consumed'),
    );
  });

  it('counts node and undici stream reads, including reading listeners, as consumption', () => {
    assert.deepEqual(
      usesOf(
        `declare const res: any; declare const out: any;
         res.resume(); res.read(); res.pipe(out); res.on('data', () => {}); res.once('readable', () => {});
         await res.dump(); await res.json();`,
        'stream',
      ),
      Array<BodyUse>(7).fill('consumed'),
    );
  });

  it('treats status, headers, non-reading listeners and truthiness as metadata', () => {
    assert.deepEqual(
      usesOf(
        `declare const res: any;
         res.statusCode; res.headers['content-type']; res.setEncoding('utf8'); res.on('end', () => {});
         res.on('error', () => {}); if (res) {} !res; res.pause();`,
        'stream',
      ),
      Array<BodyUse>(8).fill('metadata'),
    );
    assert.deepEqual(
      usesOf(
        `declare const res: Response;
         res.ok; res.status; res.headers.get('etag'); res.url; if (!res.body) {} const { status, ok } = res;
         console.log(res); JSON.stringify(res); String(res);`,
        'fetch-response',
      ),
      Array<BodyUse>(9).fill('metadata'),
    );
  });

  it('treats returning, passing, storing, yielding, throwing and aliasing as a hand-off', () => {
    assert.deepEqual(
      usesOf(
        `declare const res: Response; declare function keep(x: unknown): void; const holder: any = {};
         function* g() { yield res; }
         function f() { return res; }
         keep(res); keep(res.body); new Response(res.body); holder.res = res; const copy = res; const list = [res];
         const { body } = res; throw res;`,
        'fetch-response',
      ),
      ['handed-off', 'handed-off', 'handed-off', 'handed-off', 'handed-off', 'handed-off', 'handed-off', 'handed-off', 'handed-off', 'handed-off'],
    );
  });

  it('reports destroy() on streams, bodyUsed checks, and unknown members as consumption', () => {
    assert.deepEqual(
      usesOf(`declare const res: any; res.destroy(); res.body.destroy();`, 'stream'),
      ['destroyed', 'consumed'],
    );
    assert.deepEqual(
      usesOf(`declare const res: any; res.body.destroy(); res.bodyUsed; res.clone(); res[key];`, 'fetch-response'),
      ['destroyed', 'checks-body-used', 'consumed', 'consumed'],
    );
    assert.deepEqual(usesOf(`declare const res: any; res.data.pipe(out); res.status;`, 'axios-response'), ['consumed', 'metadata']);
    assert.deepEqual(
      usesOf(`declare const res: any; res.statusCode; res.body.dump(); res.body.on('error', () => {});`, 'undici-response'),
      ['metadata', 'consumed', 'metadata'],
    );
  });

  it('counts a call of a consuming helper as consumption, other calls as hand-offs', () => {
    const code = `import { drain } from '@acme/http'; import { inspect } from 'node:util';
      declare const res: Response; drain(res); inspect(res); other(res); declare function other(x: unknown): void;`;
    assert.deepEqual(usesOf(code, 'fetch-response', [{ from: 'package', package: '@acme/http', name: 'drain' }]), [
      'consumed',
      'metadata',
      'handed-off',
    ]);
    assert.deepEqual(usesOf(code, 'fetch-response'), ['handed-off', 'metadata', 'handed-off']);
  });
});
