/**
 * Finds the property with a given key in an object literal (case-insensitively when asked, as for
 * HTTP header names), and whether that answer is certain: a spread or a computed key could supply
 * or replace the key.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { propertyKeyName } from './property-key-name';

export interface PropertyLookup {
  /** The property that decides the key's value (the last one with that key), if any. */
  readonly property: TSESTree.Property | undefined;
  /**
   * True when the literal fully decides the key: no spread or unknown computed key can supply or
   * replace it (for a found property: none after it; for an absent key: none at all).
   */
  readonly certain: boolean;
}

/**
 * Finds the property with key `name` in `object` (case-insensitively when asked, as for HTTP
 * header names), and whether that answer is certain.
 */
export function lookupProperty(
  object: TSESTree.ObjectExpression,
  name: string,
  options: { caseInsensitive?: boolean } = {},
): PropertyLookup {
  const wanted = options.caseInsensitive ? name.toLowerCase() : name;
  let found: TSESTree.Property | undefined;
  let unknownAfterFound = false;
  for (const member of object.properties) {
    if (member.type !== AST_NODE_TYPES.Property) {
      unknownAfterFound = true; // a spread may carry the key
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
