/**
 * A helper that reads the response it is given, except on an early exit taken on the response's
 * own status or headers (fastmcp's `readBoundedText()`):
 *
 *   async function readBoundedText(response) {
 *     const contentLength = response.headers.get('content-length');
 *     if (contentLength && Number(contentLength) > MAX) return null; // the body is never read
 *     const reader = response.body?.getReader();
 *     ...
 *   }
 *
 * Parameter summaries are path-insensitive on purpose (any read anywhere counts), so this is one
 * narrow, syntactic shape on top of them. Every part must hold:
 *
 * - a statement of the helper's own body (not nested in a loop, `try` or block) is
 *   `if (test) return/throw …` (or a block ending in one, without `else`), before any statement
 *   that reads, releases or hands on the parameter (an earlier `if` that leaves after releasing it,
 *   `if (!res.ok) { await res.body?.cancel(); throw … }`, does not read it for the path that goes on);
 * - `test` reads the parameter's status or headers, directly or through locals of the helper's
 *   body initialised from them (`const contentLength = response.headers.get(...)`, `const
 *   mediaType = contentType?.split(';')[0]`), and does not
 *   prove the body absent (`if (res.status === 204) return null`, `if (!res.body) return null`);
 * - the branch does not touch the body (no `cancel()`, no hand-off, no `return res`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { BodyHolder } from '../libraries/response-sources';
import { bodyAbsentWhen } from './body-absence';
import { classifyBodyUse, type BodyUseContext } from './body-consumption';

/** The `return` or `throw` a helper leaves by, before it reads `parameter`, on a test of its status or headers. */
export function unreadEarlyExit(
  body: TSESTree.BlockStatement,
  parameter: TSESLint.Scope.Variable,
  holder: BodyHolder,
  context: BodyUseContext,
): TSESTree.ReturnStatement | TSESTree.ThrowStatement | undefined {
  const reads = parameter.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  const within = (node: TSESTree.Node) => reads.filter((read) => node.range[0] <= read.range[0] && read.range[1] <= node.range[1]);
  const touchesBody = (node: TSESTree.Node) => within(node).some((read) => classifyBodyUse(read, holder, context) !== 'metadata');
  /** Locals of the body initialised from the parameter's metadata: a test on them is a test on the response. */
  const derived: TSESLint.Scope.Variable[] = [];
  for (const statement of body.body) {
    const exit = statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate ? exitOf(statement.consequent) : undefined;
    if (statement.type === AST_NODE_TYPES.IfStatement && exit && !touchesBody(statement.test)) {
      const test = statement.test;
      if (
        !touchesBody(statement.consequent) &&
        (within(test).length > 0 || readsAny(test, derived)) &&
        bodyAbsentWhen(test, (node) => reads.includes(node as TSESTree.Identifier)) !== 'true'
      ) {
        return exit;
      }
      // A branch that leaves (after releasing the body, or on another test): the path that goes on has not read it.
      continue;
    }
    if (touchesBody(statement)) return undefined;
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        // `const contentType = res.headers.get('content-type')`, then `const mediaType =
        // contentType?.split(';')[0]`: derived from the metadata, directly or through another local.
        const init = declarator.init;
        if (init && (within(init).length > 0 || readsAny(init, derived))) {
          derived.push(...(context.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []));
        }
      }
    }
  }
  return undefined;
}

/** The `return`/`throw` a branch always ends with: the statement itself, or the last one of its block. */
function exitOf(branch: TSESTree.Statement): TSESTree.ReturnStatement | TSESTree.ThrowStatement | undefined {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement ? last : undefined;
}

/** True when `test` reads one of `variables`. */
function readsAny(test: TSESTree.Node, variables: readonly TSESLint.Scope.Variable[]): boolean {
  return variables.some((variable) =>
    variable.references.some(
      (reference) => reference.isRead() && test.range[0] <= reference.identifier.range[0] && reference.identifier.range[1] <= test.range[1],
    ),
  );
}
