/**
 * Settings → the ESLint flat config the bundled Linter runs with. Only keepalive rules are enabled;
 * the lists from the settings reach every rule through `settings.keepalive` (read by the plugin's
 * `analysis/settings.ts`), so this file does not depend on any rule's option names.
 */
import type { Linter } from 'eslint/universal';
import type { LintOptions } from './lint-types';

/** File extensions the extension lints (the languages it activates on). */
export const LINTED_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'] as const;

export function buildEslintConfig(
  options: LintOptions,
  plugin: NonNullable<Linter.Config['plugins']>[string],
  /** undefined: ESLint's default parser (espree), for JavaScript. */
  parser: NonNullable<Linter.Config['languageOptions']>['parser'],
  filename: string,
): Linter.Config[] {
  const rules: Linter.RulesRecord = {};
  for (const [ruleId, severity] of Object.entries(options.rules)) rules[ruleId] = severity;
  return [
    // The extension decides what to lint (an open dependency is linted like any other file): ESLint's
    // default ignores, which would silently skip a file under node_modules, do not apply.
    { ignores: ['!**/node_modules/', '!.git/'] },
    {
      // A pattern like `**/*` alone does not make ESLint treat a file as matched: list the extensions.
      files: LINTED_EXTENSIONS.map((extension) => `**/*.${extension}`),
      plugins: { keepalive: plugin },
      languageOptions: {
        ...(parser ? { parser } : {}),
        ecmaVersion: 'latest',
        sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      // Disable comments for rules this Linter does not run (the workspace's own ESLint rules) are
      // expected here: never report them as unused.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      settings: {
        keepalive: {
          handlerRegistrations: options.handlerRegistrations,
          poolConstructors: options.poolConstructors,
          consumingHelpers: options.consumingHelpers,
        },
      },
      rules,
    },
  ];
}

/**
 * The synthetic name the Linter sees for a document that is not a file on disk (untitled, virtual):
 * its base name, with an extension matching the language when it has none, so the parser picks
 * TS/JSX handling correctly. Relative, so the rules never follow its imports.
 */
export function lintFilename(baseName: string, languageId: string): string {
  if (hasLintedExtension(baseName)) return baseName;
  return `${baseName.replace(/[^\w.-]/g, '_') || 'untitled'}.${extensionFor(languageId, baseName)}`;
}

/** Files the TypeScript parser reads; JavaScript files are parsed by ESLint's espree. */
export function isTypeScriptFile(name: string): boolean {
  return /\.[cm]?tsx?$/.test(name);
}

/** Whether the file name ends in an extension the config matches. */
export function hasLintedExtension(name: string): boolean {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1];
  return extension !== undefined && (LINTED_EXTENSIONS as readonly string[]).includes(extension);
}

/** The file extension that makes the parser treat text as `languageId`. */
export function extensionFor(languageId: string, name: string): string {
  const byLanguage: Record<string, string> = {
    javascript: 'js',
    javascriptreact: 'jsx',
    typescript: 'ts',
    typescriptreact: 'tsx',
  };
  const chosen = byLanguage[languageId];
  if (!chosen) throw new Error(`keepalive cannot lint language "${languageId}" (${name})`);
  return chosen;
}

/** A stable key for a set of lint options, part of the cache key. */
export function optionsKey(options: LintOptions): string {
  return JSON.stringify([
    Object.entries(options.rules).sort(([a], [b]) => (a < b ? -1 : 1)),
    options.handlerRegistrations,
    options.poolConstructors,
    options.consumingHelpers,
    options.maxFileSize,
  ]);
}
