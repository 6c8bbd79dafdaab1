/**
 * Constructors Nest runs once per request: those of request-scoped providers.
 *
 *   @Injectable({ scope: Scope.REQUEST })
 *   export class TenantGateway {
 *     constructor(@Inject(REQUEST) req) { this.pool = new Pool(...) }   // a new pool per request
 *   }
 *
 * A class is request-scoped by its decorator's `scope: Scope.REQUEST` (`@Injectable`, `@Controller`,
 * `@Resolver`) or by a constructor parameter that injects the request (`@Inject(REQUEST)`,
 * `@Inject(CONTEXT)`), all recognised by import. A provider that only depends on a request-scoped
 * one is request-scoped too, but that is not visible in its own file and stays unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../ast/function-node';
import { propertyKeyName } from '../../ast/property-key-name';
import { findExportSpec, type PackageExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import {
  NEST_INJECT,
  NEST_PROVIDER_DECORATORS,
  NEST_REQUEST_SCOPE,
  NEST_REQUEST_TOKENS,
  NEST_RESOLVER_DECORATORS,
} from '../libraries/request-handlers';
import type { ContextEnvironment, RequestContext } from './request-context';

/** The context of `fn` when it is the constructor of a request-scoped provider. */
export function requestScopedConstructorContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.kind !== 'constructor') return undefined;
  const classNode = method.parent.parent;
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  // espree leaves `decorators` out of its nodes.
  const scoped =
    (classNode.decorators ?? []).some((decorator) => declaresRequestScope(decorator, env)) ||
    fn.params.some((param) => (param.decorators ?? []).some((decorator) => injectsRequest(decorator, env)));
  if (!scoped) return undefined;
  const name = classNode.id ? `\`${classNode.id.name}\`` : 'this class';
  return { kind: 'request', description: `the constructor of the request-scoped provider ${name}, which Nest runs for every request`, via: [] };
}

/** `@Injectable({ scope: Scope.REQUEST })` */
function declaresRequestScope(decorator: TSESTree.Decorator, env: ContextEnvironment): boolean {
  const call = decorator.expression;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (!isImport(call.callee, [NEST_PROVIDER_DECORATORS, NEST_RESOLVER_DECORATORS], env)) return false;
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          propertyKeyName(property) === 'scope' &&
          isImport(property.value, [NEST_REQUEST_SCOPE], env),
      ),
  );
}

/** `@Inject(REQUEST)` on a constructor parameter. */
function injectsRequest(decorator: TSESTree.Decorator, env: ContextEnvironment): boolean {
  const call = decorator.expression;
  if (call.type !== AST_NODE_TYPES.CallExpression || !isImport(call.callee, [NEST_INJECT], env)) return false;
  const token = call.arguments[0];
  return token !== undefined && isImport(token, NEST_REQUEST_TOKENS, env);
}

function isImport(node: TSESTree.Node, specs: readonly PackageExportSpec[], env: ContextEnvironment): boolean {
  const refs = resolveModuleRefs(node, env.sourceCode.getScope(node));
  return refs?.some((ref) => findExportSpec(ref, specs) !== undefined) ?? false;
}
