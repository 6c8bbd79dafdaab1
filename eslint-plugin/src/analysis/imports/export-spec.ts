/**
 * Naming a library export in rule options and in the built-in tables, in typescript-eslint's
 * specifier style: `{ from: 'package', package: 'undici', name: 'Agent' }`.
 *
 * `package` and `name` may contain `*` wildcards (`@aws-sdk/client-*`, `*Client`). `name` is a
 * dotted property path inside the module; `default` (or the empty string) is the module object /
 * default export, so `{ package: 'agentkeepalive', name: 'default' }` matches both
 * `import Agent from 'agentkeepalive'` and `const Agent = require('agentkeepalive')`.
 */
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { GLOBAL, normalizeModuleName, type ModuleRef } from './module-refs';
import { escapeRegExp } from '../../util/escape-regexp';

export interface PackageExportSpec {
  readonly from: 'package';
  readonly package: string;
  readonly name: string | readonly string[];
}

export interface GlobalSpec {
  readonly from: 'global';
  readonly name: string | readonly string[];
}

export type ExportSpec = PackageExportSpec | GlobalSpec;

export const exportSpecSchema: JSONSchema4 = {
  oneOf: [
    {
      type: 'object',
      description: 'An export of an npm package or Node.js built-in module.',
      properties: {
        from: { type: 'string', enum: ['package'] },
        package: {
          type: 'string',
          minLength: 1,
          description: "Module specifier, e.g. 'undici' or '@aws-sdk/client-*' ('*' is a wildcard).",
        },
        name: {
          description:
            "Export name or dotted path, e.g. 'Agent', 'default', 'default.HttpsAgent' ('*' is a wildcard).",
          oneOf: [
            { type: 'string' },
            { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
          ],
        },
      },
      required: ['from', 'package', 'name'],
      additionalProperties: false,
    },
    {
      type: 'object',
      description: 'A global binding that no import declares, e.g. a fetch polyfill.',
      properties: {
        from: { type: 'string', enum: ['global'] },
        name: {
          oneOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
          ],
        },
      },
      required: ['from', 'name'],
      additionalProperties: false,
    },
  ],
};

/** True when `ref` is the export that `spec` names. */
export function matchesExportSpec(ref: ModuleRef, spec: ExportSpec): boolean {
  const moduleMatches =
    spec.from === 'global'
      ? ref.module === GLOBAL
      : ref.module !== GLOBAL && wildcardMatch(normalizeModuleName(spec.package), ref.module);
  if (!moduleMatches) return false;
  const names = typeof spec.name === 'string' ? [spec.name] : spec.name;
  const path = ref.path.join('.');
  return names.some((name) => wildcardMatch(normalizePath(name), path));
}

/** The first spec in `specs` that `ref` matches. */
export function findExportSpec<T extends ExportSpec>(
  ref: ModuleRef,
  specs: readonly T[],
): T | undefined {
  return specs.find((spec) => matchesExportSpec(ref, spec));
}

function normalizePath(name: string): string {
  if (name === 'default' || name === '') return '';
  return name.startsWith('default.') ? name.slice('default.'.length) : name;
}

const patternCache = new Map<string, RegExp>();

function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let regex = patternCache.get(pattern);
  if (!regex) {
    const source = pattern
      .split('*')
      .map(escapeRegExp)
      .join('[^/.]*');
    regex = new RegExp(`^${source}$`);
    patternCache.set(pattern, regex);
  }
  return regex.test(value);
}
