/**
 * What a parameter of a function of this file is given: for `pool` in `function fetchTile(pool,
 * path)`, the first argument of every call of `fetchTile` in the file; for `options` in a class
 * method `createAgent(cluster, options)`, the second argument of every `this.createAgent(...)`.
 *
 * Undefined when that is not known for certain: a parameter that is not a plain name or has a
 * default, a function that is not a declaration, a never-reassigned `const` or a method, a name used
 * other than as the callee of a call (handed on as a callback, stored, exported through
 * `module.exports`), a method named anywhere in the file other than in `this.name(...)` inside its
 * own class (`other.createAgent()`, `super.createAgent()`, `this.createAgent()` in a class that
 * extends another one), a call that spreads its
 * arguments up to the parameter, or no call at all. An exported function or class (`export
 * function`, `export { name }`) is judged by its calls in this file. Recursive calls that pass the
 * parameter on unchanged add nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable';
import { forEachDescendant } from './for-each-descendant';
import { isFunctionNode, type FunctionNode } from './function-node';
import { isNeverReassigned } from './is-never-reassigned';
import { propertyKeyName } from './property-key-name';
import { staticPropertyName } from './static-property-name';

export interface CallSiteContext {
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  /** Needed to find the calls of a class method (the file is searched for its name). */
  readonly visitorKeys?: TSESLint.SourceCode['visitorKeys'];
}

export function callSiteArguments(
  parameter: TSESTree.Identifier,
  context: CallSiteContext,
): TSESTree.Expression[] | undefined {
  const fn = parameter.parent;
  if (!fn || !isFunctionNode(fn)) return undefined;
  const index = fn.params.indexOf(parameter);
  if (index < 0) return undefined;
  const calls = callsOf(fn, context);
  if (!calls) return undefined;
  const passed: TSESTree.Expression[] = [];
  for (const call of calls) {
    const leading = call.arguments.slice(0, index + 1);
    if (leading.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const argument = call.arguments[index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (argument.type === AST_NODE_TYPES.Identifier && isParameter(findVariable(context.scopeOf(argument), argument), parameter)) continue;
    passed.push(argument);
  }
  return passed.length > 0 ? passed : undefined;
}

/** Every call of `fn` in the file, or undefined when it may be called in a way not seen here. */
function callsOf(fn: FunctionNode, context: CallSiteContext): TSESTree.CallExpression[] | undefined {
  const method = fn.parent;
  if (method?.type === AST_NODE_TYPES.MethodDefinition) return methodCalls(method, context);
  const name = functionName(fn);
  if (!name) return undefined;
  const variable = findVariable(context.scopeOf(name), name);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue; // `const fetchTile = …` itself
    if (reference.identifier.parent?.type === AST_NODE_TYPES.ExportSpecifier) continue;
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
    calls.push(call);
  }
  return calls;
}

/** `this.name(...)` calls of an instance method inside its own class, when those are all there are. */
function methodCalls(method: TSESTree.MethodDefinition, context: CallSiteContext): TSESTree.CallExpression[] | undefined {
  const name = method.kind === 'method' && !method.static ? propertyKeyName(method) : undefined;
  const classBody = method.parent;
  if (name === undefined || classBody.type !== AST_NODE_TYPES.ClassBody || !context.visitorKeys) return undefined;
  let program: TSESTree.Node = classBody;
  while (program.parent) program = program.parent;
  const calls: TSESTree.CallExpression[] = [];
  let unknown = false;
  forEachDescendant(program, context.visitorKeys, (node) => {
    if (unknown) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = staticPropertyName(node);
    // `this[key](...)` may call any method.
    if (property === undefined && node.object.type === AST_NODE_TYPES.ThisExpression) unknown = true;
    if (property !== name) return undefined;
    const call = node.parent;
    const ownerBody = node.object.type === AST_NODE_TYPES.ThisExpression ? thisClassBody(node) : undefined;
    // `this.name()` in a class that extends nothing calls that class's own method, not this one.
    if (ownerBody && ownerBody !== classBody && !ownerBody.parent.superClass) return undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node || ownerBody !== classBody) {
      unknown = true;
      return false;
    }
    calls.push(call);
    return undefined;
  });
  return unknown ? undefined : calls;
}

/** The class body whose instance `this` at `node` is: the nearest non-arrow function must be its member. */
function thisClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current) || current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    const member = current.parent;
    const isInstanceMember =
      (member?.type === AST_NODE_TYPES.MethodDefinition || member?.type === AST_NODE_TYPES.PropertyDefinition) &&
      !member.static &&
      member.value === current;
    return isInstanceMember && member.parent.type === AST_NODE_TYPES.ClassBody ? member.parent : undefined;
  }
  return undefined;
}

/** The name a function declaration or `const name = function/arrow` binds. */
function functionName(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  const declarator = fn.parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === fn &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.parent.kind === 'const'
  ) {
    return declarator.id;
  }
  return undefined;
}

function isParameter(variable: TSESLint.Scope.Variable | null | undefined, parameter: TSESTree.Identifier): boolean {
  return variable?.defs.some((def) => def.type === 'Parameter' && def.name === parameter) ?? false;
}
