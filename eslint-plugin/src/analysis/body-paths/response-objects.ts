/**
 * Responses handed over inside an object: a wrapper that returns
 * `{ response, finalUrl, release: () => release(dispatcher) }` gives its caller the response in
 * property `response`, and the caller's `const { response, release } = await guardedFetch(...)` (or
 * `result.response`) must read or release it like any other response.
 *
 * On the wrapper's side exactly one property may hold the response, and the object's other
 * properties may use it only for its status or headers (`status: res.status`): an object that
 * also carries the body (`body: res.body`, `text: await res.text()`) or a closure over the response
 * is not a response holder. A function that releases something else (`release: () =>
 * dispatcher.close()`, clearing a timer) does not count as reading the body: it does not touch the
 * response.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { BodyHolder } from '../libraries/response-sources';
import { classifyBodyUse, type BodyUseContext } from './body-consumption';

/** What one expression of a returned object is, as the wrapper summary sees it. */
export type ObjectValue<S extends { readonly holder: BodyHolder }> = S | 'nothing' | undefined;

/**
 * The property of `object` that holds a response (as `responseOf` classifies its value) and that
 * response, when exactly one property holds one and no other property reads its body.
 */
export function responseInObject<S extends { readonly holder: BodyHolder }>(
  object: TSESTree.ObjectExpression,
  responseOf: (value: TSESTree.Node) => ObjectValue<S>,
  context: BodyUseContext,
): { readonly property: string; readonly source: S } | undefined {
  let found: { property: string; source: S; value: TSESTree.Node } | undefined;
  for (const property of object.properties) {
    // A spread may bring another response along.
    if (property.type !== AST_NODE_TYPES.Property) return undefined;
    const key = propertyKeyName(property);
    if (key === undefined) return undefined;
    if (property.kind !== 'init' || property.method) continue;
    const value = stripWrappers(property.value, { await: true });
    if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.CallExpression) continue;
    const source = responseOf(property.value);
    if (source === undefined || source === 'nothing') continue;
    // Named as code can write it (`result.response`), and only one property.
    if (found || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
    found = { property: key, source, value };
  }
  if (!found) return undefined;
  if (found.value.type === AST_NODE_TYPES.Identifier && readsBodyElsewhere(object, found.value, found.source.holder, context)) {
    return undefined;
  }
  return { property: found.property, source: found.source };
}

/** True when `object` uses the response `held` names other than through `held` itself and its metadata. */
function readsBodyElsewhere(
  object: TSESTree.ObjectExpression,
  held: TSESTree.Identifier,
  holder: BodyHolder,
  context: BodyUseContext,
): boolean {
  const variable = findVariable(context.sourceCode.getScope(held), held);
  if (!variable) return true;
  return variable.references.some((reference) => {
    const identifier = reference.identifier;
    if (identifier === held || identifier.range[0] < object.range[0] || identifier.range[1] > object.range[1]) return false;
    return classifyBodyUse(identifier, holder, context) !== 'metadata';
  });
}

/**
 * What a destructuring pattern does with property `property`: binds it to a name, destructures it
 * further (`{ response: { status } }`), leaves it out (the response is dropped), or cannot be told
 * (a rest element, a computed key).
 */
export type PatternProperty =
  | { readonly kind: 'bound'; readonly name: TSESTree.Identifier }
  | { readonly kind: 'pattern'; readonly pattern: TSESTree.ObjectPattern }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' };

/** The variable a destructuring pattern binds property `property` to (`{ response, release }`), if it is a plain name. */
export function patternProperty(pattern: TSESTree.ObjectPattern, property: string): PatternProperty {
  if (pattern.properties.some((element) => element.type === AST_NODE_TYPES.RestElement)) return { kind: 'unknown' };
  for (const element of pattern.properties) {
    if (element.type !== AST_NODE_TYPES.Property) return { kind: 'unknown' };
    const key = propertyKeyName(element);
    if (key === undefined) return { kind: 'unknown' };
    if (key !== property) continue;
    const value = element.value.type === AST_NODE_TYPES.AssignmentPattern ? element.value.left : element.value;
    if (value.type === AST_NODE_TYPES.Identifier) return { kind: 'bound', name: value };
    if (value.type === AST_NODE_TYPES.ObjectPattern) return { kind: 'pattern', pattern: value };
    return { kind: 'unknown' };
  }
  return { kind: 'absent' };
}

/**
 * How one read of a variable holding the object reaches the response in `property`: `result.response`
 * (the member expression carries the response on), another field (`result.finalUrl`,
 * `result.release()`: the response is not touched), or the whole object (passed on, returned).
 */
export function objectFieldUse(
  identifier: TSESTree.Node,
  property: string,
): { readonly kind: 'response'; readonly node: TSESTree.MemberExpression } | { readonly kind: 'other-field' } | { readonly kind: 'whole' } {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return { kind: 'whole' };
  const name = staticPropertyName(member);
  if (name === undefined) return { kind: 'whole' };
  return name === property ? { kind: 'response', node: member } : { kind: 'other-field' };
}
