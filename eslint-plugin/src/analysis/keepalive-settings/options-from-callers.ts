/**
 * Agent options built somewhere else in the file than the agent's constructor call: in a local
 * variable that later statements add keys to (`const options = {}; options.ca = ca`), or through a
 * parameter, by the callers in this file:
 *
 *   createAgent(cluster, agentOptions) {
 *     return new https.Agent(agentOptions);        // keepAlive: is it ever set?
 *   }
 *   const agentOptions = {};
 *   agentOptions.ca = opts.ca;
 *   context.setAgent(this.createAgent(cluster, agentOptions));
 *
 * The parameter may also reach the constructor through a `const` alias of it (`const proxied =
 * agentOptions; proxied.proxy = url; new HttpsProxyAgent(proxied)`).
 *
 * The answer is "never set" only when everything that could set the key is in sight: every call of
 * the function is known (call-site-arguments.ts), each passes an object literal written without the
 * key (no spread or computed key that could carry it) or a never-reassigned variable initialised
 * with one, and every other use of that object — in the caller and, through the parameter or a
 * `const` alias of it, in the function — only reads or assigns other keys by name, or hands the
 * object to a constructor. Passing it to any other function, spreading it, returning it or
 * assigning a computed key makes the answer unknown.
 *
 * The same holds for options a class keeps in a private field and builds its agent from
 * (`new Agent(this.agentOptions)`): every `this.agentOptions = {...}` in the class writes a literal
 * without the key, and every other use of the field reads or assigns other keys by name or hands it
 * to a constructor. Only a `private` or `#private` field: another module could set a public one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { callSiteArguments } from '../../ast/call-site-arguments';
import { enclosingClassBody } from '../../ast/enclosing-class-body';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { propertyKeyName } from '../../ast/property-key-name';
import { findVariable } from '../../ast/find-variable';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { isObjectAssign } from '../../ast/is-object-assign';
import { localFunction } from '../../ast/local-function';
import { lookupProperty } from '../../ast/lookup-property';
import { returnedExpressions } from '../../ast/returned-expressions';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/**
 * The object literals the callers build for the parameter `argument` reads (one per call), when
 * none of them can have `key`; undefined when that is not certain.
 */
export function callerOptionsWithout(
  argument: TSESTree.Node,
  key: string,
  sourceCode: SourceCode,
): TSESTree.ObjectExpression[] | undefined {
  const scopeOf = (node: TSESTree.Node) => sourceCode.getScope(node);
  if (argument.type !== AST_NODE_TYPES.Identifier) return undefined;
  // The parameter itself, or a `const` alias of it (`const proxied = agentOptions`).
  const named = findVariable(scopeOf(argument), argument);
  const variable = parameterOf(named) ? named : aliasedParameter(named, scopeOf);
  const parameter = parameterOf(variable);
  if (!variable || !parameter || !isNeverReassigned(variable) || !usesLeaveKey(variable, key, scopeOf, 1)) return undefined;
  const passed = callSiteArguments(parameter, { scopeOf, visitorKeys: sourceCode.visitorKeys });
  if (!passed) return undefined;
  const literals: TSESTree.ObjectExpression[] = [];
  for (const value of passed) {
    const literal = literalWithout(value, key, sourceCode);
    if (!literal) return undefined;
    literals.push(literal);
  }
  return literals;
}

/** The variable of the parameter a never-reassigned `const alias = parameter` stands for. */
function aliasedParameter(
  variable: Variable | null | undefined,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): Variable | null | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.init?.type !== AST_NODE_TYPES.Identifier || !isNeverReassigned(variable)) {
    return undefined;
  }
  const aliased = findVariable(scopeOf(def.node.init), def.node.init);
  return parameterOf(aliased) ? aliased : undefined;
}

/** The plain-name parameter `variable` is, if it is one. */
function parameterOf(variable: Variable | null | undefined): TSESTree.Identifier | undefined {
  const [def] = variable?.defs ?? [];
  if (variable?.defs.length !== 1 || def?.type !== 'Parameter') return undefined;
  return def.name.type === AST_NODE_TYPES.Identifier && def.name.parent === def.node ? def.name : undefined;
}

/** The literal `value` stands for when it is written without `key` and its variable never gets it. */
function literalWithout(value: TSESTree.Node, key: string, sourceCode: SourceCode): TSESTree.ObjectExpression | undefined {
  const scopeOf = (node: TSESTree.Node) => sourceCode.getScope(node);
  const expression = stripWrappers(value);
  let literal: TSESTree.Node | undefined = expression;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeOf(expression), expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
    if (!isNeverReassigned(variable) || !usesLeaveKey(variable, key, scopeOf, 0, expression)) return undefined;
    literal = stripWrappers(def.node.init);
  }
  return literal.type === AST_NODE_TYPES.ObjectExpression && literalLacks(literal, key, sourceCode) ? literal : undefined;
}

/**
 * True when no use of `variable` can give its object `key`: member reads and writes of other
 * names, the object handed to a constructor (`new https.Agent(options)`), the `passedAt` argument
 * being judged, and (`aliases` levels deep) `const alias = variable` whose uses pass the same test.
 */
function usesLeaveKey(
  variable: Variable,
  key: string,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  aliases: number,
  passedAt?: TSESTree.Node,
): boolean {
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const identifier = reference.identifier;
    if (identifier === passedAt) return true;
    if (useLeavesKey(identifier, key)) return true;
    const parent = identifier.parent;
    if (
      aliases > 0 &&
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === identifier &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const alias = findVariable(scopeOf(parent.id), parent.id);
      return alias !== null && alias !== undefined && isNeverReassigned(alias) && usesLeaveKey(alias, key, scopeOf, aliases - 1);
    }
    return false;
  });
}

/**
 * The literal a local options variable starts as (`const options = {}`), when no use of it can give
 * it `key`: it is never reassigned nor exported, and its other uses only read or assign other keys
 * by name (`options.ca = ca`, `Object.assign(options, { ca })`) or hand it to a constructor.
 */
export function localOptionsWithout(argument: TSESTree.Node, key: string, sourceCode: SourceCode): TSESTree.ObjectExpression | undefined {
  const scopeOf = (node: TSESTree.Node) => sourceCode.getScope(node);
  const expression = stripWrappers(argument);
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const [def] = findVariable(scopeOf(expression), expression)?.defs ?? [];
  // `export const options = {}`: another module may set the key.
  if (def?.type !== 'Variable' || def.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
  return literalWithout(expression, key, sourceCode);
}

/**
 * The object literals a class assigns to the private field `argument` reads (`this.agentOptions`),
 * when none of them can have `key`; undefined when that is not certain or nothing is assigned.
 */
export function fieldOptionsWithout(
  argument: TSESTree.Node,
  key: string,
  sourceCode: SourceCode,
): TSESTree.ObjectExpression[] | undefined {
  if (argument.type !== AST_NODE_TYPES.MemberExpression || argument.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = thisMemberName(argument);
  const classBody = enclosingClassBody(argument);
  if (name === undefined || !classBody || !isPrivateField(classBody, name)) return undefined;
  const literals: TSESTree.ObjectExpression[] = [];
  let unknown = false;
  const take = (value: TSESTree.Node) => {
    const literal = literalWithout(value, key, sourceCode);
    if (literal) literals.push(literal);
    else unknown = true;
  };
  for (const element of classBody.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && fieldName(element) === name && element.value) take(element.value);
  }
  forEachDescendant(classBody, sourceCode.visitorKeys, (node) => {
    if (unknown) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
    if (thisMemberName(node) !== name || node === argument) return undefined;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node && parent.operator === '=') take(parent.right);
    else if (!useLeavesKey(node, key)) unknown = true;
    return undefined;
  });
  return !unknown && literals.length > 0 ? literals : undefined;
}

/** `private agentOptions` (TypeScript) or `#agentOptions`, declared in `classBody`. */
function isPrivateField(classBody: TSESTree.ClassBody, name: string): boolean {
  return classBody.body.some(
    (element) =>
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.static &&
      fieldName(element) === name &&
      (element.key.type === AST_NODE_TYPES.PrivateIdentifier || element.accessibility === 'private'),
  );
}

/**
 * A use of the options object that cannot give it `key`: a member read or write of another name
 * (`options.ca = ...`), `Object.assign(options, { ca })` with literals that lack `key` (its result
 * unused), or the object handed to a constructor (`new https.Agent(options)`).
 */
function useLeavesKey(use: TSESTree.Node, key: string): boolean {
  const parent = use.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
    const name = staticPropertyName(parent);
    return name !== undefined && name !== key;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === use && isObjectAssign(parent)) {
    return parent.parent?.type === AST_NODE_TYPES.ExpressionStatement && parent.arguments.slice(1).every((source) => literalLacks(source, key));
  }
  return parent?.type === AST_NODE_TYPES.NewExpression && parent.arguments.includes(use as TSESTree.Expression);
}

/**
 * `source` is an object literal that certainly has no `key`: no computed key could add it, and each
 * spread is one that cannot (with `sourceCode`, also a call of a function of this file whose every
 * `return` gives such a value: `...trustOptions(destination)`).
 */
function literalLacks(source: TSESTree.Node, key: string, sourceCode?: SourceCode): boolean {
  const literal = stripWrappers(source);
  if (literal.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const { property, certain } = lookupProperty(literal, key, sourceCode ? { spreadValues: localReturns(sourceCode) } : {});
  return !property && certain;
}

/** What a call of a function of this file can return (each `return`'s value); each function once per lookup. */
function localReturns(sourceCode: SourceCode): (call: TSESTree.CallExpression) => readonly TSESTree.Node[] | undefined {
  const expanded = new Set<TSESTree.Node>();
  return (call) => {
    if (call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const fn = localFunction(call.callee, sourceCode.getScope(call));
    // Recursion, or a function met twice: unknown.
    if (!fn || fn.async || fn.generator || expanded.has(fn)) return undefined;
    expanded.add(fn);
    // A bare `return` (or falling off the end) gives `undefined`, which spreads nothing.
    return returnedExpressions(fn, sourceCode.visitorKeys).filter((value): value is TSESTree.Node => value !== undefined);
  };
}

/** `this.agentOptions` -> `agentOptions`, `this.#options` -> `#options`. */
function thisMemberName(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticPropertyName(member);
}

function fieldName(element: TSESTree.PropertyDefinition): string | undefined {
  return element.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${element.key.name}` : propertyKeyName(element);
}
