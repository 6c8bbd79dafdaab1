import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enabledGlobs, GitignoreRules } from '../src/gitignore-rules';

describe('GitignoreRules', () => {
  it('applies the root .gitignore to every path and a nested one below its folder', () => {
    const rules = new GitignoreRules([
      { dir: '', text: 'dist/\n*.gen.js\n' },
      { dir: 'packages/web', text: 'build/\n!keep.gen.js\n' },
    ]);
    assert.equal(rules.ignores('dist/server.js'), true);
    assert.equal(rules.ignores('packages/api/dist/index.js'), true, 'a folder pattern matches at any depth');
    assert.equal(rules.ignores('src/a.gen.js'), true);
    assert.equal(rules.ignores('packages/web/build/app.js'), true);
    assert.equal(rules.ignores('packages/web/keep.gen.js'), false, 'the deeper file re-includes it');
  });

  it('ignores nothing else (negative cases)', () => {
    const rules = new GitignoreRules([
      { dir: '', text: '# comment\ndist/\n' },
      { dir: 'packages/web', text: 'build/\n' },
    ]);
    assert.equal(rules.ignores('src/dist.js'), false, 'a folder pattern does not match a file');
    assert.equal(rules.ignores('build/app.js'), false, 'a nested .gitignore does not reach above its folder');
    assert.equal(rules.ignores('packages/webby/build/app.js'), false, 'nor into a sibling with a longer name');
    assert.equal(new GitignoreRules([]).ignores('dist/a.js'), false);
  });
});

describe('enabledGlobs', () => {
  it('keeps globs switched on and leaves out false and `when` conditions', () => {
    assert.deepEqual(enabledGlobs({ '**/a': true, '**/b': false, '**/*.js': { when: '$(basename).ts' } }), ['**/a']);
    assert.deepEqual(enabledGlobs(undefined), []);
    assert.deepEqual(enabledGlobs('**/a'), []);
  });
});
