/**
 * Whether the extension should stay silent in a workspace folder because ESLint itself already runs
 * the keepalive rules there (the ESLint extension would show the same diagnostics twice). Decided
 * from the text of the folder's ESLint config files — never by loading them: the extension runs no
 * workspace code, so it also works in untrusted workspaces.
 */

/** Config files ESLint reads at a folder root (flat config first, then legacy eslintrc). */
export const ESLINT_CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
  '.eslintrc',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.json',
  '.eslintrc.yaml',
  '.eslintrc.yml',
  'package.json',
] as const;

export interface StandDownInput {
  /** `keepalive.standDownForEslint`. */
  readonly setting: boolean;
  /** The ESLint extension (`dbaeumer.vscode-eslint`) is installed and enabled. */
  readonly eslintExtensionInstalled: boolean;
  /** Config files found at the folder root, by base name. */
  readonly configFiles: readonly { readonly name: string; readonly text: string }[];
}

export interface StandDownDecision {
  readonly standDown: boolean;
  readonly reason: string;
}

export function decideStandDown(input: StandDownInput): StandDownDecision {
  if (!input.setting) return { standDown: false, reason: 'keepalive.standDownForEslint is off' };
  if (!input.eslintExtensionInstalled) return { standDown: false, reason: 'the ESLint extension is not installed' };
  const enabling = input.configFiles.find((file) => configEnablesPlugin(file.name, file.text));
  if (!enabling) return { standDown: false, reason: 'no ESLint config of this folder enables eslint-plugin-keepalive' };
  return {
    standDown: true,
    reason: `${enabling.name} enables eslint-plugin-keepalive and the ESLint extension is installed`,
  };
}

/**
 * True when the config text loads the plugin: it imports/requires `eslint-plugin-keepalive`, lists
 * `keepalive` as an eslintrc plugin, or extends `plugin:keepalive/…`. For package.json only the
 * `eslintConfig` section counts (a dependency alone does not enable anything).
 */
export function configEnablesPlugin(name: string, text: string): boolean {
  if (name === 'package.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return false;
    }
    const eslintConfig = (parsed as { eslintConfig?: unknown } | null)?.eslintConfig;
    return eslintConfig !== undefined && configEnablesPlugin('.eslintrc.json', JSON.stringify(eslintConfig));
  }
  const code = stripComments(text);
  return (
    /['"`]eslint-plugin-keepalive['"`/]/.test(code) ||
    /['"`]plugin:keepalive\//.test(code) ||
    /plugins['"]?\s*:\s*\[[^\]]*['"]keepalive['"]/.test(code) ||
    /^\s*plugins\s*:\s*(\[[^\]]*\bkeepalive\b|\n(\s*-\s*\S+\n)*\s*-\s*['"]?keepalive['"]?\s*$)/m.test(code)
  );
}

function stripComments(text: string): string {
  return text.replace(/\/\*[^]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
