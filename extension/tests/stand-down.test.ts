import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configEnablesPlugin, decideStandDown } from '../src/stand-down';

const FLAT = `import keepalive from 'eslint-plugin-keepalive';\nexport default [keepalive.configs.recommended];\n`;

describe('configEnablesPlugin', () => {
  it('recognises flat configs, eslintrc plugins and extends, and package.json eslintConfig', () => {
    assert.equal(configEnablesPlugin('eslint.config.mjs', FLAT), true);
    assert.equal(configEnablesPlugin('eslint.config.cjs', `const k = require("eslint-plugin-keepalive");`), true);
    assert.equal(configEnablesPlugin('.eslintrc.json', '{ "plugins": ["keepalive"], "rules": {} }'), true);
    assert.equal(configEnablesPlugin('.eslintrc.json', '{ "extends": ["plugin:keepalive/recommended"] }'), true);
    assert.equal(configEnablesPlugin('.eslintrc.yml', 'plugins:\n  - import\n  - keepalive\n'), true);
    assert.equal(
      configEnablesPlugin('package.json', JSON.stringify({ eslintConfig: { plugins: ['keepalive'] } })),
      true,
    );
  });

  it('ignores mentions that do not enable the plugin', () => {
    assert.equal(configEnablesPlugin('eslint.config.mjs', `// import k from 'eslint-plugin-keepalive';\nexport default [];`), false);
    assert.equal(configEnablesPlugin('eslint.config.mjs', `/* 'eslint-plugin-keepalive' */ export default [];`), false);
    assert.equal(
      configEnablesPlugin('package.json', JSON.stringify({ devDependencies: { 'eslint-plugin-keepalive': '1' } })),
      false,
    );
    assert.equal(configEnablesPlugin('package.json', '{ not json'), false);
    assert.equal(configEnablesPlugin('.eslintrc.json', '{ "plugins": ["keepalive-other"] }'), false);
  });
});

describe('decideStandDown', () => {
  const enabling = [{ name: 'eslint.config.mjs', text: FLAT }];

  it('stands down only with the setting on, the ESLint extension installed and the plugin enabled', () => {
    assert.equal(decideStandDown({ setting: true, eslintExtensionInstalled: true, configFiles: enabling }).standDown, true);
    assert.equal(decideStandDown({ setting: false, eslintExtensionInstalled: true, configFiles: enabling }).standDown, false);
    assert.equal(decideStandDown({ setting: true, eslintExtensionInstalled: false, configFiles: enabling }).standDown, false);
    assert.equal(decideStandDown({ setting: true, eslintExtensionInstalled: true, configFiles: [] }).standDown, false);
  });

  it('names the config file in its reason', () => {
    const decision = decideStandDown({ setting: true, eslintExtensionInstalled: true, configFiles: enabling });
    assert.match(decision.reason, /eslint\.config\.mjs/);
  });
});
