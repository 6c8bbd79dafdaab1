/**
 * Calls that end the request by throwing (libraries/request-ending-calls.ts): `if (!res.ok)
 * notFound()` leaves the response unread on that path just as `throw` would, although the code
 * path graph shows a call, not an exit.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { REQUEST_ENDING_CALLS } from '../libraries/request-ending-calls';

/** The calls of `calls` that end the request by throwing. */
export function requestEndingCalls(
  calls: readonly TSESTree.CallExpression[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.CallExpression[] {
  // Cheap pre-filter: the module must be imported at all.
  if (!sourceCode.text.includes('next/navigation')) return [];
  return calls.filter((call) => {
    const refs = resolveModuleRefs(call.callee, sourceCode.getScope(call));
    return refs?.some((ref) => findExportSpec(ref, REQUEST_ENDING_CALLS) !== undefined) ?? false;
  });
}
