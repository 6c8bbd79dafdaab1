import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentScripts, isComponentFile } from '../src/embedded-scripts';
import { LintEngine } from '../src/lint-engine';
import { lintInput } from '../src/lint-target';
import { readSettings } from '../src/settings';

const VUE = [
  '<template>',
  '  <button @click="send">send</button>',
  '</template>',
  '',
  '<script setup lang="ts">',
  "import https from 'node:https';",
  'const agent = new https.Agent({ maxSockets: 5 });',
  '</script>',
  '',
  '<style>button { color: red; }</style>',
  '',
].join('\n');

describe('componentScripts', () => {
  it('keeps the <script> blocks where they are and blanks the rest, line breaks kept', () => {
    const scripts = componentScripts(VUE);
    assert.equal(scripts.text.length, VUE.length);
    assert.deepEqual(scripts.text.split('\n').map((line) => line.trim()), [
      '',
      '',
      '',
      '',
      '',
      "import https from 'node:https';",
      'const agent = new https.Agent({ maxSockets: 5 });',
      '',
      '',
      '',
      '',
    ]);
    assert.equal(scripts.typescript, true);
    assert.equal(scripts.firstLine, 5);
  });

  it('reads Svelte module and instance scripts, JavaScript unless a block says lang="ts"', () => {
    const svelte = '<script context="module">\nexport const a = 1;\n</script>\n<script>\nlet b = 2;\n</script>\n<p>{b}</p>\n';
    const scripts = componentScripts(svelte);
    assert.equal(scripts.typescript, false);
    assert.deepEqual(scripts.text.split('\n').map((line) => line.trim()).filter(Boolean), ['export const a = 1;', 'let b = 2;']);
  });

  it('blanks everything in a component without scripts and in markup that only mentions script (negative cases)', () => {
    assert.equal(componentScripts('<template><p>script</p></template>\n').text.trim(), '');
    assert.equal(componentScripts('<template><p>script</p></template>\n').firstLine, undefined);
    assert.equal(isComponentFile('/w/App.vue'), true);
    assert.equal(isComponentFile('/w/vue.ts'), false);
    assert.equal(isComponentFile('/w/App.svelte.md'), false);
  });
});

describe('Vue and Svelte components in the lint', () => {
  const rules = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'];
  const options = readSettings(() => undefined, rules).settings.lint;

  it('reports a finding of a <script setup lang="ts"> block at its place in the component', () => {
    const input = lintInput({ scheme: 'file', path: '/w/src/App.vue', fsPath: '/w/src/App.vue' }, 'vue', '/w', VUE);
    assert.equal(input.filename, '/w/src/App.vue.ts');
    const result = new LintEngine().lint({ ...input, options });
    assert.equal(result.problem, undefined);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
      [['keepalive/no-disabled-keepalive', 6, 14]],
    );
    const suggestion = result.findings[0]?.suggestions[0]?.edit;
    assert.ok(suggestion && suggestion.range.start.line === 6, 'the suggestion edits the script line');
  });
});
