/**
 * Shared configuration: every rule reads the same lists from `settings.keepalive` (once per file)
 * and merges them with its own options, so a project describes its wrappers and registrations in one
 * place:
 *
 *   settings: { keepalive: {
 *     poolConstructors: [{ from: 'package', package: '@acme/http', name: 'HttpClient' }],
 *     handlerRegistrations: [{ object: 'bus', method: 'subscribe', argument: 1 }],
 *     consumingHelpers: [{ from: 'package', package: '@acme/http', name: 'drain' }],
 *   } }
 *
 * Malformed entries in settings are ignored (settings have no schema in ESLint); the same lists in
 * rule options are validated by each rule's JSON schema.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { ExportSpec, PackageExportSpec } from './imports/export-spec';

/** A call that registers a per-request callback, e.g. `{ object: 'bus', method: 'subscribe' }`. */
export interface HandlerRegistration {
  /** Name of the receiver (`bus` in `bus.subscribe(...)`); any receiver when omitted. */
  readonly object?: string;
  /** Method (or function, when `object` is omitted and no receiver is used) that registers it. */
  readonly method: string;
  /** Zero-based index of the callback argument; the last function argument when omitted. */
  readonly argument?: number;
}

export interface SharedSettings {
  readonly poolConstructors: readonly PackageExportSpec[];
  readonly handlerRegistrations: readonly HandlerRegistration[];
  readonly consumingHelpers: readonly ExportSpec[];
}

export const handlerRegistrationSchema: JSONSchema4 = {
  type: 'object',
  description: 'A call that registers a callback run once per request or message.',
  properties: {
    object: { type: 'string', minLength: 1, description: 'Receiver name, e.g. "bus".' },
    method: { type: 'string', minLength: 1, description: 'Method or function name, e.g. "subscribe".' },
    argument: {
      type: 'integer',
      minimum: 0,
      description: 'Index of the callback argument (default: the last function argument).',
    },
  },
  required: ['method'],
  additionalProperties: false,
};

const EMPTY: SharedSettings = {
  poolConstructors: [],
  handlerRegistrations: [],
  consumingHelpers: [],
};

const cache = new WeakMap<object, SharedSettings>();

/** The `settings.keepalive` lists of this lint run (empty lists when absent). */
export function readSharedSettings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): SharedSettings {
  const raw: unknown = (context.settings as Record<string, unknown> | undefined)?.keepalive;
  if (!isRecord(raw)) return EMPTY;
  const cached = cache.get(raw);
  if (cached) return cached;
  const settings: SharedSettings = {
    poolConstructors: arrayOf(raw.poolConstructors).filter(isPackageExportSpec),
    handlerRegistrations: arrayOf(raw.handlerRegistrations).filter(isHandlerRegistration),
    consumingHelpers: arrayOf(raw.consumingHelpers).filter(isExportSpec),
  };
  cache.set(raw, settings);
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isNameList(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'))
  );
}

function isPackageExportSpec(value: unknown): value is PackageExportSpec {
  return (
    isRecord(value) &&
    value.from === 'package' &&
    typeof value.package === 'string' &&
    value.package.length > 0 &&
    isNameList(value.name)
  );
}

function isExportSpec(value: unknown): value is ExportSpec {
  return isPackageExportSpec(value) || (isRecord(value) && value.from === 'global' && isNameList(value.name));
}

function isHandlerRegistration(value: unknown): value is HandlerRegistration {
  return (
    isRecord(value) &&
    typeof value.method === 'string' &&
    value.method.length > 0 &&
    (value.object === undefined || typeof value.object === 'string') &&
    (value.argument === undefined || (Number.isInteger(value.argument) && (value.argument as number) >= 0))
  );
}
