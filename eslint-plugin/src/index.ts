/**
 * eslint-plugin-keepalive: rules that find HTTP connection-reuse bugs.
 *
 *   // eslint.config.js (ESM)                         // eslint.config.cjs
 *   import keepalive from 'eslint-plugin-keepalive';  const keepalive = require('eslint-plugin-keepalive');
 *   export default [keepalive.configs.recommended];   module.exports = [keepalive.configs.recommended];
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';

// Read at run time so that `meta.version` always matches the published package.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

type RuleName = keyof typeof rules;

interface KeepalivePlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: {
    recommended: TSESLint.FlatConfig.Config;
    all: TSESLint.FlatConfig.Config;
  };
}

const ruleNames = Object.keys(rules) as RuleName[];

function severityMap(names: readonly RuleName[]): TSESLint.FlatConfig.Rules {
  return Object.fromEntries(names.map((rule) => [`keepalive/${rule}`, 'error' as const]));
}

const plugin: KeepalivePlugin = {
  meta: { name, version },
  rules,
  configs: {} as KeepalivePlugin['configs'],
};

plugin.configs.recommended = {
  name: 'keepalive/recommended',
  plugins: { keepalive: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: severityMap(ruleNames.filter((rule) => rules[rule].meta.docs?.recommended)),
};
plugin.configs.all = {
  name: 'keepalive/all',
  plugins: { keepalive: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: severityMap(ruleNames),
};

export = plugin;
