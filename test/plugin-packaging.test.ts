/**
 * The BUILT plugin as a user installs it: resolved by package name from a temporary project, loaded
 * by ESLint 9 (`eslint`) and ESLint 10 (`eslint-v10`) from an ESM and a CommonJS flat config, with
 * its metadata, configs, type declarations, documentation links and option validation.
 * `npm test` builds the plugin first; run `npm run build -w eslint-plugin-keepalive` when running this
 * file alone.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEXTBOOK_SERVICE, TEXTBOOK_SERVICE_TS } from './support/textbook-service';

type ESLintClass = typeof import('eslint').ESLint;

const repoRoot = dirname(__dirname);
const pluginDir = join(repoRoot, 'eslint-plugin');
const requireFromRoot = createRequire(join(repoRoot, 'package.json'));

const RULES = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'] as const;

const ESLINTS: readonly { label: string; ESLint: ESLintClass }[] = [
  { label: 'ESLint 9', ESLint: (requireFromRoot('eslint') as { ESLint: ESLintClass }).ESLint },
  { label: 'ESLint 10', ESLint: (requireFromRoot('eslint-v10') as { ESLint: ESLintClass }).ESLint },
];

const ESM_CONFIG = `import keepalive from 'eslint-plugin-keepalive';
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  keepalive.configs.recommended,
];
`;

const CJS_CONFIG = `const keepalive = require('eslint-plugin-keepalive');
const tsParser = require('@typescript-eslint/parser');

module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  keepalive.configs.recommended,
];
`;


function assertBuilt(): void {
  const entry = join(pluginDir, 'dist', 'index.js');
  if (!existsSync(entry)) {
    assert.fail(
      `The built plugin is missing (${entry}). Run \`npm run build -w eslint-plugin-keepalive\` ` +
        '(the root `npm test` does this before the tests).',
    );
  }
}

/** A throwaway project that installs the plugin from the workspace, as a user would. */
function createProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-packaging-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@typescript-eslint'), { recursive: true });
  symlinkSync(pluginDir, join(modules, 'eslint-plugin-keepalive'), 'dir');
  symlinkSync(dirname(requireFromRoot.resolve('@typescript-eslint/parser/package.json')), join(modules, '@typescript-eslint', 'parser'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'packaging-check', private: true, type: 'module' }));
  writeFileSync(join(dir, 'eslint.config.mjs'), ESM_CONFIG);
  writeFileSync(join(dir, 'eslint.config.cjs'), CJS_CONFIG);
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'service.js'), TEXTBOOK_SERVICE);
  writeFileSync(join(dir, 'src', 'service.ts'), TEXTBOOK_SERVICE_TS);
  return dir;
}

describe('eslint-plugin-keepalive as installed', () => {
  let project = '';
  before(() => {
    assertBuilt();
    project = createProject();
  });
  after(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  for (const { label, ESLint } of ESLINTS) {
    for (const configFile of ['eslint.config.mjs', 'eslint.config.cjs']) {
      it(`${label} with ${configFile} reports all three rules in JS and TS`, async () => {
        const eslint = new ESLint({ cwd: project, overrideConfigFile: join(project, configFile) });
        const results = await eslint.lintFiles(['src']);
        assert.deepEqual(results.map((result) => result.filePath.slice(project.length + 1)).sort(), [
          join('src', 'service.js'),
          join('src', 'service.ts'),
        ]);
        for (const result of results) {
          const fatal = result.messages.filter((message) => message.fatal || message.ruleId === null);
          assert.deepEqual(fatal, [], `${result.filePath}: fatal messages`);
          const reported = new Set(result.messages.map((message) => message.ruleId));
          for (const rule of RULES) {
            assert.ok(
              reported.has(`keepalive/${rule}`),
              `${label}/${configFile}: ${result.filePath} has no report from keepalive/${rule}; got ${JSON.stringify(result.messages, null, 2)}`,
            );
          }
          assert.ok(result.messages.every((message) => message.severity === 2), 'recommended rules are errors');
        }
      });
    }

    it(`${label} rejects invalid options of every rule with its schema error`, async () => {
      for (const rule of RULES) {
        const eslint = new ESLint({
          cwd: project,
          overrideConfigFile: join(project, 'eslint.config.mjs'),
          overrideConfig: { rules: { [`keepalive/${rule}`]: ['error', { notAnOption: true }] } },
        });
        await assert.rejects(
          eslint.lintText('export {};\n', { filePath: join(project, 'src', 'check.js') }),
          (error: Error) => {
            // ESLint's own schema error (`Key "rules": Key "keepalive/<rule>": Value ... should NOT have
            // additional properties`), not an exception from inside the rule.
            assert.equal(error.constructor.name, 'Error', `${rule}: ${error.stack}`);
            assert.match(error.message, new RegExp(`Key "keepalive/${rule}"`));
            assert.match(error.message, /notAnOption/);
            return true;
          },
        );
      }
    });
  }

  it('has meta, configs, type declarations and docs links', () => {
    const plugin = requireFromRoot('eslint-plugin-keepalive') as {
      meta: { name: string; version: string };
      rules: Record<string, { meta: { docs: { url: string } } }>;
      configs: Record<string, { plugins: Record<string, unknown>; rules: Record<string, unknown> }>;
    };
    const pkg = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')) as { name: string; version: string };
    assert.deepEqual(plugin.meta, { name: 'eslint-plugin-keepalive', version: pkg.version });
    assert.deepEqual(Object.keys(plugin.rules).sort(), [...RULES].sort());

    const recommended = plugin.configs.recommended;
    assert.ok(recommended, 'configs.recommended exists');
    assert.equal(recommended.plugins.keepalive, plugin);
    for (const rule of RULES) assert.equal(recommended.rules[`keepalive/${rule}`], 'error', `${rule} in recommended`);
    const all = plugin.configs.all;
    assert.ok(all, 'configs.all exists');
    assert.deepEqual(
      Object.keys(all.rules).sort(),
      Object.keys(plugin.rules).map((rule) => `keepalive/${rule}`).sort(),
    );
    assert.ok(Object.values(all.rules).every((severity) => severity === 'error'));

    assert.ok(existsSync(join(pluginDir, 'dist', 'index.d.ts')), 'dist/index.d.ts is shipped');
    const declarations = readdirSync(join(pluginDir, 'dist', 'rules')).filter((file) => file.endsWith('.d.ts'));
    for (const rule of RULES) assert.ok(declarations.includes(`${rule}.d.ts`), `dist/rules/${rule}.d.ts`);
    const types = (JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')) as { types: string }).types;
    assert.ok(existsSync(join(pluginDir, types)), `package.json "types" (${types}) exists`);

    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = rule.meta.docs.url;
      assert.ok(url.endsWith(`/eslint-plugin/docs/rules/${name}.md`), `${name}: docs url ${url}`);
      assert.ok(existsSync(join(pluginDir, 'docs', 'rules', `${name}.md`)), `${name}: docs/rules/${name}.md exists`);
    }
  });
});
