/**
 * `https.request(options, (res) => cb(null, res))`: a response callback whose whole body hands the
 * response, untouched, to a function it names. That function receives the response at the position
 * the call gives it; with a nullish literal before it (`cb(null, res)`, `done(undefined, res)`), it
 * is a Node-style error-first callback whose error argument is set only when there is no response.
 *
 * Only this exact shape counts: one call (an expression body, or a block with that one statement),
 * an identifier callee, the response passed once, every other argument a literal. A callback that
 * also looks at the response (`cb(null, res.statusCode)`, `if (...) cb(...)`) is its own binding.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { InlineFunction } from '../../ast/function-node';
import { isNullish } from '../../ast/is-nullish';

export interface ForwardedResponse {
  /** The function the response is handed to (`cb`). */
  readonly target: TSESTree.Identifier;
  /** The argument position that receives the response (`cb(null, res)`: 1). */
  readonly argument: number;
  /** The position of the error argument of an error-first callback (`cb(null, res)`: 0). */
  readonly errorArgument?: number;
}

/** What `fn`, whose parameter at `responseIndex` receives the response, forwards it to. */
export function forwardedResponse(fn: InlineFunction, responseIndex: number): ForwardedResponse | undefined {
  const param = fn.params[responseIndex];
  if (param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const call = onlyCall(fn);
  if (call?.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name === param.name) return undefined;
  let argument: number | undefined;
  for (const [index, value] of call.arguments.entries()) {
    if (value.type === AST_NODE_TYPES.Identifier && value.name === param.name) {
      if (argument !== undefined) return undefined;
      argument = index;
    } else if (value.type !== AST_NODE_TYPES.Literal && !isNullish(value)) {
      return undefined;
    }
  }
  if (argument === undefined) return undefined;
  const [first] = call.arguments;
  const errorFirst = argument > 0 && first !== undefined && isNullish(first);
  return { target: call.callee, argument, ...(errorFirst ? { errorArgument: 0 } : {}) };
}

/** The call that is the whole body of `fn`: `(res) => cb(res)`, `function (res) { return cb(res); }`. */
function onlyCall(fn: InlineFunction): TSESTree.CallExpression | undefined {
  let expression: TSESTree.Node | undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) expression = fn.body;
  else if (fn.body.body.length === 1) {
    const [statement] = fn.body.body;
    if (statement?.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
    else if (statement?.type === AST_NODE_TYPES.ReturnStatement) expression = statement.argument ?? undefined;
  }
  return expression?.type === AST_NODE_TYPES.CallExpression && !expression.optional ? expression : undefined;
}
