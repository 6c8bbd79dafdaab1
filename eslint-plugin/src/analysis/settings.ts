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
 * ESLint does not validate `settings`, so `settings.keepalive` is checked here against
 * `sharedSettingsSchema` (the same entry schemas as the rule options): a malformed entry throws from
 * the rule's `create`, which stops the lint with an error naming the setting and the expected shape
 * instead of silently turning the entry off.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { checkSchema } from '../util/json-schema-check';
import { exportSpecSchema, type ExportSpec } from './imports/export-spec';

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
  readonly poolConstructors: readonly ExportSpec[];
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

/** The shape of `settings.keepalive`. */
export const sharedSettingsSchema: JSONSchema4 = {
  type: 'object',
  properties: {
    poolConstructors: { type: 'array', items: exportSpecSchema },
    handlerRegistrations: { type: 'array', items: handlerRegistrationSchema },
    consumingHelpers: { type: 'array', items: exportSpecSchema },
  },
  additionalProperties: false,
};

const EMPTY: SharedSettings = {
  poolConstructors: [],
  handlerRegistrations: [],
  consumingHelpers: [],
};

/**
 * The `settings.keepalive` lists of this lint run (empty lists when absent). Throws when they do not
 * fit `sharedSettingsSchema`. Checked on every call, not cached by object: the check costs
 * microseconds, and an editor may change a settings object in place between runs.
 */
export function readSharedSettings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): SharedSettings {
  const raw: unknown = (context.settings as Record<string, unknown> | undefined)?.keepalive;
  if (raw === undefined) return EMPTY;
  const settings = parseSharedSettings(raw);
  // A new error per call: ESLint prefixes the message of the error it is given.
  if (settings instanceof Error) throw new Error(settings.message);
  return settings;
}

/** `raw` as SharedSettings, or an error that names the malformed setting and its expected shape. */
export function parseSharedSettings(raw: unknown): SharedSettings | Error {
  const mismatch = checkSchema(sharedSettingsSchema, raw);
  if (mismatch) {
    const where = mismatch.path ? `settings.keepalive.${mismatch.path}` : 'settings.keepalive';
    return new Error(
      `eslint-plugin-keepalive: ${where} ${mismatch.problem}; expected ${mismatch.expected}.`,
    );
  }
  const valid = raw as Partial<SharedSettings>;
  return {
    poolConstructors: valid.poolConstructors ?? [],
    handlerRegistrations: valid.handlerRegistrations ?? [],
    consumingHelpers: valid.consumingHelpers ?? [],
  };
}
