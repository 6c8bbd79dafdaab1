/**
 * Lambda handlers exported under a name of their own. The function a Lambda runs is set in the
 * deployment (`handler: src/ddbToEs/index.handleDdbToEsEvent`), not in the code, so an export
 * named `handleDdbToEsEvent` or `processQueue` is as much a handler as `handler` — it runs once per
 * event.
 *
 * An export counts only when its shape says so: its first parameter is named `event` (or `evt`)
 * and the function reads a field only an AWS event carries — the record batch of an SQS, SNS, S3,
 * Kinesis or DynamoDB-stream event (`event.Records`), or the request of an API Gateway / function
 * URL event (`event.pathParameters`, `event.queryStringParameters`, `event.requestContext`, ...;
 * `LAMBDA_EVENT_FIELDS`). `export function onClick(event) { event.target }`, or an exported
 * `(event)` function that never reads such a field, is not.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../ast/function-node';
import { readsMemberOf } from '../../ast/reads-member-of';
import { LAMBDA_EVENT_FIELDS, LAMBDA_EVENT_PARAMETER_NAMES } from '../libraries/lambda-handlers';
import { exportNameOf } from './exported-handlers';
import type { ContextEnvironment, RequestContext } from './request-context';

/** The context of `fn` when it is exported and reads its `event` parameter as an AWS event. */
export function exportedLambdaEventHandlerContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const [event] = fn.params;
  if (event?.type !== AST_NODE_TYPES.Identifier || !LAMBDA_EVENT_PARAMETER_NAMES.has(event.name)) return undefined;
  const name = exportNameOf(fn);
  if (name === undefined || !readsLambdaEventField(fn, event, env.sourceCode)) return undefined;
  return { kind: 'request', description: `the Lambda handler \`${name}\`, once per event`, via: [] };
}

/** True when `fn` reads `event.Records`, `event.pathParameters`, ... on its parameter `event`. */
function readsLambdaEventField(
  fn: FunctionNode,
  event: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === event.name);
  return readsMemberOf(variable, LAMBDA_EVENT_FIELDS);
}
