/**
 * The extension's settings (all resource-scoped, so each folder of a multi-root workspace and each
 * language can differ), read through a getter so this module needs no `vscode` import. Values of the
 * wrong type fall back to the default and are reported, never thrown: a typo in settings.json must
 * not switch the linter off silently nor crash it.
 */
import type { LintOptions, RuleSeverity } from './lint-types';

export type RunTrigger = 'onType' | 'onSave';

export interface KeepaliveSettings {
  readonly enable: boolean;
  readonly run: RunTrigger;
  /** Delay after the last keystroke before an on-type lint. */
  readonly onTypeDelay: number;
  /** Stand down when the workspace's ESLint config enables the plugin and the ESLint extension is installed. */
  readonly standDownForEslint: boolean;
  readonly lint: LintOptions;
}

/** The rules and their severities when `keepalive.rules` does not mention them. */
export const DEFAULT_RULE_SEVERITY: RuleSeverity = 'warn';
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;
export const DEFAULT_ON_TYPE_DELAY = 300;

export interface SettingsRead {
  readonly settings: KeepaliveSettings;
  /** One line per ignored value, for the output channel. */
  readonly warnings: readonly string[];
}

/**
 * @param get reads `keepalive.<key>` for one resource (`undefined` when unset)
 * @param ruleNames the plugin's rule names without prefix, e.g. `no-unconsumed-body`
 */
export function readSettings(get: (key: string) => unknown, ruleNames: readonly string[]): SettingsRead {
  const warnings: string[] = [];
  const pick = <T>(key: string, valid: (value: unknown) => value is T, fallback: T): T => {
    const value = get(key);
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value;
    warnings.push(`keepalive.${key}: ignoring ${JSON.stringify(value)} (expected ${describe(fallback)})`);
    return fallback;
  };

  const rawRules = pick('rules', isRecord, {});
  const rules: Record<string, RuleSeverity> = {};
  for (const name of ruleNames) rules[`keepalive/${name}`] = DEFAULT_RULE_SEVERITY;
  for (const [key, value] of Object.entries(rawRules)) {
    const name = key.startsWith('keepalive/') ? key.slice('keepalive/'.length) : key;
    if (!ruleNames.includes(name)) {
      warnings.push(`keepalive.rules: unknown rule "${key}" (known: ${ruleNames.join(', ')})`);
    } else if (!isSeverity(value)) {
      warnings.push(`keepalive.rules.${key}: ignoring ${JSON.stringify(value)} (expected "off", "warn" or "error")`);
    } else {
      rules[`keepalive/${name}`] = value;
    }
  }

  return {
    settings: {
      enable: pick('enable', isBoolean, true),
      run: pick('run', isRunTrigger, 'onType'),
      onTypeDelay: pick('onTypeDelay', isNonNegativeNumber, DEFAULT_ON_TYPE_DELAY),
      standDownForEslint: pick('standDownForEslint', isBoolean, true),
      lint: {
        rules,
        handlerRegistrations: pick('handlerRegistrations', isObjectArray, []),
        poolConstructors: pick('poolConstructors', isObjectArray, []),
        consumingHelpers: pick('consumingHelpers', isObjectArray, []),
        maxFileSize: pick('maxFileSize', isPositiveNumber, DEFAULT_MAX_FILE_SIZE),
      },
    },
    warnings,
  };
}

function describe(fallback: unknown): string {
  if (Array.isArray(fallback)) return 'an array of objects';
  if (typeof fallback === 'object') return 'an object';
  return `a ${typeof fallback} like ${JSON.stringify(fallback)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}
function isRunTrigger(value: unknown): value is RunTrigger {
  return value === 'onType' || value === 'onSave';
}
function isSeverity(value: unknown): value is RuleSeverity {
  return value === 'off' || value === 'warn' || value === 'error';
}
function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
function isObjectArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.every(isRecord);
}
