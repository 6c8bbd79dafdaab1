/**
 * Reading option objects written as literals: `new Agent({ keepAlive: false })`,
 * `http.request({ agent: false })`, `const options = { headers }; fetch(url, options)`.
 *
 * A rule may only conclude "this key is absent" or "this key is X" when the literal is all there is:
 * a spread (`{ ...defaults }`), a computed key (`{ [name]: v }`) or a later mutation of the object
 * (`options.agent = agent`) could add or replace the key, and then the answer is "unknown".
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { staticString } from './module-refs';

type Scope = TSESLint.Scope.Scope;

/**
 * The object literal `node` stands for: the literal itself, or a `const`/never-reassigned variable
 * initialised with one and never mutated through its name. Undefined for anything else.
 */
export function staticObjectLiteral(
  node: TSESTree.Node,
  scope: Scope,
): TSESTree.ObjectExpression | undefined {
  const expression = unwrapTypeAssertions(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;

  const variable = ASTUtils.findVariable(scope, expression);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const init = unwrapTypeAssertions(declarator.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const onlyRead = variable.references.every(
    (reference) => reference.init === true || (!reference.isWrite() && !isMutatingRead(reference.identifier)),
  );
  return onlyRead ? init : undefined;
}

/** The static key of a property (`a`, `'a'`, `['a']`, `1`), or undefined when computed. */
export function propertyKeyName(property: TSESTree.Property): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'number') return String(key.value);
  return staticString(key);
}

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


/** True for the literal `false`. */
export function isFalseLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === false;
}

/** True for the literal `0`. */
export function isZeroLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === 0;
}

/**
 * A fix that deletes `property` from its object literal together with the comma that separates it
 * from its neighbours, leaving the rest of the literal as written.
 */
export function removePropertyFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const object = property.parent;
  if (object?.type === AST_NODE_TYPES.ObjectExpression && object.properties.length === 1) {
    return fixer.replaceText(object, '{}');
  }
  const after = sourceCode.getTokenAfter(property);
  const text = sourceCode.text;
  if (after && after.value === ',') {
    // A property on lines of its own goes with its whole lines.
    const lineStart = text.lastIndexOf('\n', property.range[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', after.range[1]);
    if (
      text.slice(lineStart, property.range[0]).trim() === '' &&
      lineEnd !== -1 &&
      text.slice(after.range[1], lineEnd).trim() === ''
    ) {
      return fixer.removeRange([lineStart, lineEnd + 1]);
    }
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    const end = next && next.value !== '}' ? next.range[0] : after.range[1];
    return fixer.removeRange([property.range[0], end]);
  }
  const before = sourceCode.getTokenBefore(property);
  if (before && before.value === ',') {
    return fixer.removeRange([before.range[0], property.range[1]]);
  }
  return fixer.remove(property);
}

function unwrapTypeAssertions(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSNonNullExpression
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * True when a read of an object variable may change the object: `o.k = v`, `o.a.b = v`, `o.k++`,
 * `delete o.k`, `Object.assign(o, ...)`, `Object.defineProperty(o, ...)`.
 */
function isMutatingRead(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier) {
    const callee = parent.callee;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Object' &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      ['assign', 'defineProperty', 'defineProperties'].includes(callee.property.name)
    );
  }
  let member: TSESTree.Node = identifier;
  while (member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) {
    member = member.parent;
  }
  if (member === identifier) return false;
  const holder = member.parent;
  if (!holder) return false;
  return (
    (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.left === member) ||
    holder.type === AST_NODE_TYPES.UpdateExpression ||
    (holder.type === AST_NODE_TYPES.UnaryExpression && holder.operator === 'delete')
  );
}
