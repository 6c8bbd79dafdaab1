/**
 * Checks a value against the subset of JSON Schema the plugin's own schemas use (type, enum,
 * properties, required, additionalProperties: false, items, minItems, uniqueItems, minLength,
 * minimum, oneOf), for input that ESLint does not validate itself (`settings`). Rule options are
 * validated by ESLint with the same schemas.
 */
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The keywords read here; typescript-eslint's JSONSchema4 is a union that hides most of them. */
interface Schema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[] | boolean;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema | readonly Schema[];
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly minimum?: number;
}

/** The first place where `value` does not fit `schema`: its path and what was expected there. */
export interface SchemaMismatch {
  /** Path from the checked value, e.g. `poolConstructors[0].name`; empty for the value itself. */
  readonly path: string;
  /** The expected shape at `path`, e.g. `string | string[]`. */
  readonly expected: string;
  /** What is wrong, e.g. `is an object`, `has no "method"`. */
  readonly problem: string;
  /**
   * The value at `path` is of another type than the schema's, or misses an `enum` value (such as
   * `from: 'package'`): a `oneOf` branch that fails this way was not the one the user meant.
   */
  readonly otherShape?: 'type' | 'enum';
}

/** The first mismatch of `value` against `schema`, or undefined when it fits. */
export function checkSchema(schema: JSONSchema4, value: unknown): SchemaMismatch | undefined {
  return check(schema as Schema, value, '');
}

/** A compact TypeScript-like description of `schema`, e.g. `{ object?: string, method: string }`. */
export function describeSchema(schema: JSONSchema4): string {
  return describe(schema as Schema);
}

function check(schema: Schema, value: unknown, path: string): SchemaMismatch | undefined {
  const mismatch = (problem: string): SchemaMismatch => ({ path, expected: describe(schema), problem });
  if (schema.oneOf) {
    const branches = schema.oneOf.map((branch) => check(branch, value, path));
    if (branches.filter((result) => result === undefined).length === 1) return undefined;
    if (branches.every((result) => result !== undefined)) {
      // Report inside the one branch the value was meant for (its type and discriminating `enum`
      // matched), else here with every shape.
      const meant = branches.filter(
        (result) => !(result.otherShape === 'enum' || (result.otherShape === 'type' && result.path === path)),
      );
      const [only] = meant;
      return only && meant.length === 1 ? only : { ...mismatch(`is ${describeValue(value)}`), otherShape: 'type' };
    }
    return mismatch('matches more than one of the shapes');
  }
  if (schema.type !== undefined && !typeMatches(schema.type, value)) {
    return { ...mismatch(`is ${describeValue(value)}`), otherShape: 'type' };
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    return { ...mismatch(`is ${describeValue(value)}`), otherShape: 'enum' };
  }
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) {
    return mismatch('is an empty string');
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    return mismatch(`is ${value}, below ${schema.minimum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return mismatch('is an empty array');
    if (schema.uniqueItems && new Set(value).size !== value.length) return mismatch('repeats an item');
    const items = schema.items;
    if (items && !isSchemaList(items)) {
      for (const [index, item] of value.entries()) {
        const inner = check(items, item, `${path}[${index}]`);
        if (inner) return inner;
      }
    }
  }
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const propertySchema = schema.properties?.[key];
      const innerPath = path ? `${path}.${key}` : key;
      if (propertySchema) {
        const found = check(propertySchema, inner, innerPath);
        if (found) return found;
      } else if (schema.additionalProperties === false) {
        return { path: innerPath, expected: `one of the keys ${Object.keys(schema.properties ?? {}).join(', ')}`, problem: 'is not a known key' };
      }
    }
    // After the values, so that a wrong discriminating value (`from`) wins over a missing key.
    for (const key of schema.required === undefined || typeof schema.required === 'boolean' ? [] : schema.required) {
      if (!(key in value)) return mismatch(`has no "${key}"`);
    }
  }
  return undefined;
}

function describe(schema: Schema): string {
  if (schema.oneOf) return schema.oneOf.map(describe).join(' | ');
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value).replaceAll('"', "'")).join(' | ');
  if (schema.type === 'array') {
    const items = schema.items && !Array.isArray(schema.items) ? describe(schema.items as Schema) : 'unknown';
    return items.includes(' | ') ? `(${items})[]` : `${items}[]`;
  }
  if (schema.type === 'object' || schema.properties) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const fields = Object.entries(schema.properties ?? {}).map(
      ([key, inner]) => `${key}${required.has(key) ? '' : '?'}: ${describe(inner)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  if (schema.type === 'integer') return schema.minimum === 0 ? 'non-negative integer' : 'integer';
  if (typeof schema.type === 'string') return schema.type;
  return 'unknown';
}

function typeMatches(type: Schema['type'], value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((name) => {
    switch (name) {
      case 'object':
        return isRecord(value);
      case 'array':
        return Array.isArray(value);
      case 'integer':
        return Number.isInteger(value);
      case 'null':
        return value === null;
      case 'any':
        return true;
      default:
        return typeof value === name;
    }
  });
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value === 'number' ? 'the number' : typeof value === 'boolean' ? 'the boolean' : typeof value} ${String(value)}`;
}

function isSchemaList(items: Schema | readonly Schema[]): items is readonly Schema[] {
  return Array.isArray(items);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
