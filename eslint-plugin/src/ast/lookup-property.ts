/**
 * Finds the property with a given key in an object literal (case-insensitively when asked, as for
 * HTTP header names), and whether that answer is certain: a spread or a computed key could supply
 * or replace the key.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { propertyKeyName } from './property-key-name';
import { stripWrappers } from './strip-wrappers';

export interface PropertyLookup {
  /** The property that decides the key's value (the last one with that key), if any. */
  readonly property: TSESTree.Property | undefined;
  /**
   * True when the literal fully decides the key: no spread or unknown computed key can supply or
   * replace it (for a found property: none after it; for an absent key: none at all).
   */
  readonly certain: boolean;
}

export interface LookupOptions {
  readonly caseInsensitive?: boolean;
  /**
   * The values a spread call can produce (`...trustOptions(destination)`: what each `return` of a
   * function of this file gives), when they are all known; undefined otherwise.
   */
  readonly spreadValues?: (call: TSESTree.CallExpression) => readonly TSESTree.Node[] | undefined;
}

/**
 * Finds the property with key `name` in `object` (case-insensitively when asked, as for HTTP
 * header names), and whether that answer is certain.
 */
export function lookupProperty(object: TSESTree.ObjectExpression, name: string, options: LookupOptions = {}): PropertyLookup {
  const wanted = options.caseInsensitive ? name.toLowerCase() : name;
  let found: TSESTree.Property | undefined;
  let unknownAfterFound = false;
  for (const member of object.properties) {
    if (member.type !== AST_NODE_TYPES.Property) {
      // a spread may carry the key, unless every value it can spread is written out without it
      if (!spreadLacksKey(member.argument, name, options)) unknownAfterFound = true;
      continue;
    }
    const key = propertyKeyName(member);
    if (key === undefined) {
      unknownAfterFound = true;
      continue;
    }
    if ((options.caseInsensitive ? key.toLowerCase() : key) === wanted) {
      found = member;
      unknownAfterFound = false;
    }
  }
  return { property: found, certain: !unknownAfterFound };
}

/**
 * True when every value `argument` can spread is known to lack the key: an object literal without
 * it (certainly), a value that spreads nothing (`null`, `undefined`, `false`, `''`, `0`), or a call
 * whose every possible result is one of those (`options.spreadValues`).
 * `...(cond && { ca })` and `...(ca ? { ca } : {})` are the usual shapes.
 */
function spreadLacksKey(argument: TSESTree.Node, name: string, options: LookupOptions): boolean {
  const value = stripWrappers(argument);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression: {
      const { property, certain } = lookupProperty(value, name, options);
      return property === undefined && certain;
    }
    case AST_NODE_TYPES.Literal:
      return value.value === null || value.value === false || value.value === '' || value.value === 0;
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined';
    case AST_NODE_TYPES.ConditionalExpression:
      return spreadLacksKey(value.consequent, name, options) && spreadLacksKey(value.alternate, name, options);
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` spreads `a` only when it is falsy, which spreads nothing; `||` and `??` may spread `a` itself.
      return (value.operator === '&&' || spreadLacksKey(value.left, name, options)) && spreadLacksKey(value.right, name, options);
    case AST_NODE_TYPES.CallExpression: {
      const values = options.spreadValues?.(value);
      return values !== undefined && values.every((spread) => spreadLacksKey(spread, name, options));
    }
    default:
      return false;
  }
}
