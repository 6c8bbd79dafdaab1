/**
 * eslint-plugin-keepalive: rules that find HTTP connection-reuse bugs.
 *
 *   // eslint.config.js (ESM)                         // eslint.config.cjs
 *   import keepalive from 'eslint-plugin-keepalive';  const keepalive = require('eslint-plugin-keepalive');
 *   export default [keepalive.configs.recommended];   module.exports = [keepalive.configs.recommended];
 *
 * The public types come from the `eslint` package the user's project installs (a peer dependency),
 * not from @typescript-eslint/utils: its `FlatConfig.Config` is not assignable to ESLint's own
 * `Linter.Config` (no index signature on `languageOptions`), which broke `defineConfig([...])` and
 * `Linter.Config[]` in `eslint.config.ts` on ESLint 9 and 10.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { rules as ruleModules } from './rules';

// Read at run time so that `meta.version` always matches the published package.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

// Spelled out (not `keyof typeof ruleModules`) so the emitted declarations need nothing but `eslint`.
type RuleName = 'no-client-per-request' | 'no-unconsumed-body' | 'no-disabled-keepalive';

/** A preset: one flat config object, usable as an element of `defineConfig([...])` or `Linter.Config[]`. */
interface KeepaliveConfig extends Linter.Config {
  name: string;
  plugins: { keepalive: ESLint.Plugin };
  rules: { [rule in `keepalive/${RuleName}`]?: 'error' };
}

interface KeepalivePlugin {
  meta: { name: string; version: string };
  rules: { [rule in RuleName]: Rule.RuleModule };
  configs: {
    /** Every rule recommended for all code, at `error`. */
    recommended: KeepaliveConfig;
    /** Same object as `recommended`, under the name eslint-plugin-n and others use for flat presets. */
    'flat/recommended': KeepaliveConfig;
    /** Every rule of the plugin at `error`, including rules that `recommended` leaves out. */
    all: KeepaliveConfig;
  };
}

// Fails to compile when a rule is added to rules/index.ts without being named in RuleName, or removed.
const ruleNames: RuleName[] = Object.keys(ruleModules satisfies Record<RuleName, unknown>) as (keyof typeof ruleModules)[];

// typescript-eslint's RuleModule and ESLint's describe the same runtime object; only their
// declarations differ (stricter `create` context types), so the cast is a type-level one.
const rules = ruleModules as unknown as KeepalivePlugin['rules'];

const plugin: KeepalivePlugin = {
  meta: { name, version },
  rules,
  configs: {} as KeepalivePlugin['configs'],
};

function preset(presetName: string, enabled: readonly RuleName[]): KeepaliveConfig {
  return {
    name: `keepalive/${presetName}`,
    plugins: { keepalive: plugin as ESLint.Plugin },
    rules: Object.fromEntries(enabled.map((rule) => [`keepalive/${rule}`, 'error'])) as KeepaliveConfig['rules'],
  };
}

plugin.configs.recommended = preset(
  'recommended',
  ruleNames.filter((rule) => ruleModules[rule].meta.docs?.recommended),
);
plugin.configs['flat/recommended'] = plugin.configs.recommended;
plugin.configs.all = preset('all', ruleNames);

export = plugin;
