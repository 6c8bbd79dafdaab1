/**
 * The calls that abort a request: the abort call itself (`req.abort()`, `controller.abort()`) and
 * every call of the function of this file it is written in (`const finalize = () => { req.abort(); }`
 * … `finalize()`), since calling that function aborts too.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isInlineFunction } from '../../ast/function-node';

export function abortingCalls(abort: TSESTree.CallExpression, scopeManager: TSESLint.Scope.ScopeManager | null): TSESTree.Node[] {
  return [abort, ...callsOf(namedFunctionAround(abort, scopeManager))];
}

/** The variable naming the function `node` is directly in (declaration or `const f = () => ...`). */
function namedFunctionAround(
  node: TSESTree.Node,
  scopeManager: TSESLint.Scope.ScopeManager | null,
): TSESLint.Scope.Variable | undefined {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isInlineFunction(fn) && fn.type !== AST_NODE_TYPES.FunctionDeclaration) fn = fn.parent;
  if (!fn) return undefined;
  const named = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent;
  if (named?.type !== AST_NODE_TYPES.FunctionDeclaration && named?.type !== AST_NODE_TYPES.VariableDeclarator) {
    return undefined;
  }
  const [variable] = scopeManager?.getDeclaredVariables(named) ?? [];
  return variable;
}

function callsOf(variable: TSESLint.Scope.Variable | undefined): TSESTree.Node[] {
  if (!variable) return [];
  return variable.references
    .map((reference) => reference.identifier.parent)
    .filter(
      (parent): parent is TSESTree.CallExpression =>
        parent?.type === AST_NODE_TYPES.CallExpression &&
        variable.references.some((reference) => reference.identifier === parent.callee),
    );
}
