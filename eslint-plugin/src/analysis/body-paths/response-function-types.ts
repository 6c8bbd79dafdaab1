/**
 * Function types that say a call gives a fetch `Response`: a parameter declared
 * `fn: () => Promise<Response>` (a retry helper's `fetchWithRetry(fn)`), `doFetch: typeof fetch`.
 * Whatever function the caller passes, calling it gives a response whose body someone must read.
 *
 * `Response` and `fetch` must be the globals: a type of the file or an import of that name (an
 * Express `Response`) is something else. A server's middleware gets the same type for the response
 * it is about to send (`next: () => Promise<Response>`, SvelteKit's `resolve`), which holds no
 * socket: such a parameter counts only where a name says it makes a request
 * (`isRequestFunctionName`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isUndeclared } from '../../ast/is-undeclared';

/** True when calling a value of type `type` gives a fetch Response (or a promise of one). */
export function isResponseFunctionType(type: TSESTree.TypeNode, scope: TSESLint.Scope.Scope): boolean {
  if (type.type === AST_NODE_TYPES.TSTypeQuery) {
    // `typeof fetch`, `typeof globalThis.fetch`
    const name = type.exprName;
    if (name.type === AST_NODE_TYPES.Identifier) return name.name === 'fetch' && isUndeclared(scope, 'fetch');
    return (
      name.type === AST_NODE_TYPES.TSQualifiedName &&
      name.left.type === AST_NODE_TYPES.Identifier &&
      name.left.name === 'globalThis' &&
      name.right.name === 'fetch'
    );
  }
  if (type.type !== AST_NODE_TYPES.TSFunctionType) return false;
  const returned = type.returnType?.typeAnnotation;
  if (!returned) return false;
  const settled = promisedType(returned) ?? returned;
  return isGlobalResponse(settled, scope);
}

/** `T` of `Promise<T>`, or undefined when `type` is not a promise type. */
function promisedType(type: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (type.typeName.name !== 'Promise') return undefined;
  const params = type.typeArguments?.params;
  return params?.length === 1 ? params[0] : undefined;
}

function isGlobalResponse(type: TSESTree.TypeNode, scope: TSESLint.Scope.Scope): boolean {
  return (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    type.typeName.name === 'Response' &&
    !type.typeArguments &&
    isUndeclared(scope, 'Response')
  );
}

/** Names of a parameter that say calling it sends a request: `doFetch`, `makeRequest`, `httpCall`. */
const REQUEST_PARAMETER_NAME = /fetch|request|retry|http/i;
/**
 * Names of a function that say the function it is given sends requests: `fetchWithRetry(fn)`,
 * `withRetries(fn)`. Not "request": a server's `handleRequest(request, next)` gets its own response.
 */
const REQUEST_FUNCTION_NAME = /fetch|retry|retries/i;

/**
 * True when a parameter called `parameterName` of a function called `functionName` is a request
 * function by name. A parameter named `fetch` itself shadows the global on purpose (a test
 * double's signature, a platform's own fetch): it counts only through its function's name.
 */
export function isRequestFunctionName(parameterName: string, functionName: string | undefined): boolean {
  return (
    (parameterName !== 'fetch' && REQUEST_PARAMETER_NAME.test(parameterName)) ||
    (functionName !== undefined && REQUEST_FUNCTION_NAME.test(functionName))
  );
}
