import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { propertyKeyName } from '../../src/ast/property-key-name';
import { probeAll } from '../support/probe-linter';

describe('propertyKeyName', () => {
  it('names static keys of object properties and class members', () => {
    const names = probeAll(
      "const o = { a: 1, 'b': 2, ['c']: 3, [`d`]: 4, 5: 5, [k]: 6, [`e${k}`]: 7 }; class C { f() {} 'g' = 1; #h = 2; [k]() {} }",
      (node) => propertyKeyName(node as TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition),
      { selector: 'Property, MethodDefinition, PropertyDefinition' },
    );
    assert.deepEqual(names, ['a', 'b', 'c', 'd', '5', undefined, undefined, 'f', 'g', undefined, undefined]);
  });
});
