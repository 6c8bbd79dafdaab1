/**
 * The function a factory returns: `function create(options) { return async function handle(res) {
 * ... } }`, `const create = () => (res) => ...`, or a local function returned by name. Used to read
 * a status helper made by a factory (`const handle = createFetchErrorHandler()`), in this file or in
 * an imported module. Undefined unless every `return` of the factory gives the same function.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { isInlineFunction, type FunctionNode } from '../../ast/function-node';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { localFunction } from '../../ast/local-function';
import { returnedExpressions } from '../../ast/returned-expressions';
import { stripWrappers } from '../../ast/strip-wrappers';

export function returnedFunction(factory: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const returned = returnedExpressions(factory, sourceCode.visitorKeys);
  let found: FunctionNode | undefined;
  for (const expression of returned) {
    const value = expression && stripWrappers(expression);
    let fn: FunctionNode | undefined;
    if (value && isInlineFunction(value)) fn = value;
    else if (value?.type === AST_NODE_TYPES.Identifier) fn = localFunction(value, sourceCode.getScope(value));
    if (!fn || (found && found !== fn)) return undefined;
    found = fn;
  }
  return found;
}

/**
 * The factory call a never-reassigned variable is initialised with: `const handle = create()` gives
 * `create()`. Undefined for anything else.
 */
export function factoryCallOf(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.CallExpression | undefined {
  const variable = findVariable(scope, identifier);
  if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return undefined;
  const def = variable.defs[0];
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  const init = stripWrappers(def.node.init);
  return init.type === AST_NODE_TYPES.CallExpression ? init : undefined;
}
