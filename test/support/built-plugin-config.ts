/**
 * The flat config the cross-package tests give the real ESLint CLI: the BUILT plugin
 * (`eslint-plugin/dist`) with every rule, and @typescript-eslint/parser for JS and TS files.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = dirname(dirname(__dirname));
const requireFromRoot = createRequire(join(repoRoot, 'package.json'));

/** Path of the built plugin's entry point. */
export const builtPlugin = join(repoRoot, 'eslint-plugin', 'dist', 'index.js');

/** The text of an `eslint.config.mjs` that lints every JS/TS file with `configs.all`. */
export function builtPluginFlatConfig(): string {
  const plugin = pathToFileURL(builtPlugin).href;
  const parser = pathToFileURL(requireFromRoot.resolve('@typescript-eslint/parser')).href;
  return `import keepalive from ${JSON.stringify(plugin)};
import tsParser from ${JSON.stringify(parser)};

export default [
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    languageOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' },
  },
  keepalive.configs.all,
];
`;
}
