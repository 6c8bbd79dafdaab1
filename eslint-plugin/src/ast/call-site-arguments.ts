/**
 * What a parameter of a function of this file is given: for `pool` in `function fetchTile(pool,
 * path)`, the first argument of every call of `fetchTile` in the file.
 *
 * Undefined when that is not known for certain: a parameter that is not a plain name or has a
 * default, a function that is not a declaration or a never-reassigned `const`, a name used other
 * than as the callee of a call (handed on as a callback, stored, exported through `module.exports`),
 * a call that spreads its arguments up to the parameter, or no call at all. An exported function
 * (`export function`, `export { name }`) is judged by its calls in this file. Recursive calls that
 * pass the parameter on unchanged add nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable';
import { isFunctionNode, type FunctionNode } from './function-node';
import { isNeverReassigned } from './is-never-reassigned';

export function callSiteArguments(
  parameter: TSESTree.Identifier,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): TSESTree.Expression[] | undefined {
  const fn = parameter.parent;
  if (!fn || !isFunctionNode(fn)) return undefined;
  const index = fn.params.indexOf(parameter);
  if (index < 0) return undefined;
  const name = functionName(fn);
  if (!name) return undefined;
  const variable = findVariable(scopeOf(name), name);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return undefined;
  const passed: TSESTree.Expression[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue; // `const fetchTile = …` itself
    if (reference.identifier.parent?.type === AST_NODE_TYPES.ExportSpecifier) continue;
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
    const leading = call.arguments.slice(0, index + 1);
    if (leading.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const argument = call.arguments[index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (argument.type === AST_NODE_TYPES.Identifier && isParameter(findVariable(scopeOf(argument), argument), parameter)) continue;
    passed.push(argument);
  }
  return passed.length > 0 ? passed : undefined;
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
