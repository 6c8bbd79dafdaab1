/**
 * Class methods that a framework calls once per request, message or tick because of a decorator:
 * NestJS `@Get()` / `@Post()` controller methods, `@MessagePattern()`, `@Process()` queue
 * processors, `@Cron()` schedules, GraphQL `@Query()` resolvers, recognised by import
 * (`HANDLER_DECORATORS`), so a project's own `@Get` stays unknown; and Powertools'
 * `@tracer.captureLambdaHandler()` on the Lambda handler method, recognised by its name.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../ast/function-node';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { LAMBDA_HANDLER_DECORATOR_METHODS } from '../libraries/lambda-handlers';
import { HANDLER_DECORATORS } from '../libraries/request-handlers';
import { staticPropertyName } from '../../ast/static-property-name';
import type { ContextEnvironment, RequestContext } from './request-context';

/** The context a decorator on the method `fn` gives it, if any. */
export function decoratedHandlerContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.kind !== 'method') {
    return undefined;
  }
  // espree leaves `decorators` out of its MethodDefinition nodes.
  for (const decorator of method.decorators ?? []) {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(callee);
      if (name !== undefined && LAMBDA_HANDLER_DECORATOR_METHODS.has(name)) {
        return { kind: 'request', description: 'the AWS Lambda handler, once per event', via: [] };
      }
    }
    const refs = resolveModuleRefs(callee, env.sourceCode.getScope(decorator));
    for (const ref of refs ?? []) {
      const known = HANDLER_DECORATORS.find((entry) => findExportSpec(ref, [entry.decorator]) !== undefined);
      if (!known) continue;
      const name = ref.path.at(-1) ?? 'decorator';
      const description =
        known.kind === 'timer'
          ? `the method scheduled with \`@${name}()\`, once per tick`
          : `the ${known.kind} handler decorated with \`@${name}()\``;
      return { kind: known.kind, description, via: [] };
    }
  }
  return undefined;
}
