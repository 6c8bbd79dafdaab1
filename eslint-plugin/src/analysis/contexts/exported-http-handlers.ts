/**
 * Exported functions whose shape says they handle an HTTP request: a Google Cloud Function written
 * as a bare export (`exports.ingest = (req, res) => { ... }`, `export async function ingest(req,
 * res)`), which the Functions Framework calls once per request, or an Express controller exported
 * to be routed elsewhere — both run per request.
 *
 * A bare export is a handler only when its shape says so: its first two parameters are named
 * `req`/`request` and `res`/`response`, and the function answers through the second one
 * (`res.send()`, `res.status()`, `res.json()`, `res.end()`, ...). `exports.merge = function (a,
 * b)`, or a `(req, res)` function that never answers (a helper that reads headers), is not.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../ast/function-node';
import { staticPropertyName } from '../../ast/static-property-name';
import { HTTP_RESPONSE_METHODS } from '../libraries/request-handlers';
import { exportNameOf } from './exported-handlers';
import type { ContextEnvironment, RequestContext } from './request-context';

const REQUEST_NAME = /^req(uest)?$/;
const RESPONSE_NAME = /^res(ponse)?$/;

/** The context of `fn` when it is exported and shaped like an HTTP request handler. */
export function exportedHttpHandlerContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const [request, response] = fn.params;
  if (request?.type !== AST_NODE_TYPES.Identifier || !REQUEST_NAME.test(request.name)) return undefined;
  if (response?.type !== AST_NODE_TYPES.Identifier || !RESPONSE_NAME.test(response.name)) return undefined;
  const name = exportNameOf(fn);
  if (name === undefined || !answersThrough(fn, response, env.sourceCode)) return undefined;
  return { kind: 'request', description: `the exported HTTP handler \`${name}\``, via: [] };
}

/** True when `fn` (or a callback inside it) calls a response method on its parameter `response` (`res.status(404).send()`). */
function answersThrough(fn: FunctionNode, response: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === response.name);
  return (
    variable?.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
      const call = member.parent;
      return (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member &&
        HTTP_RESPONSE_METHODS.has(staticPropertyName(member) ?? '')
      );
    }) ?? false
  );
}
