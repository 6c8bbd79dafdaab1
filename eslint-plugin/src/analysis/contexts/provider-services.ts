/**
 * Methods of commerce-framework providers (the bases are in libraries/request-handlers.ts): the
 * framework calls `upload()` of a Medusa file service, `capturePayment()` of a payment provider,
 * for the request it is serving, so a client built there is built per request.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../ast/function-node';
import { propertyKeyName } from '../../ast/property-key-name';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { PROVIDER_SERVICE_BASES } from '../libraries/request-handlers';
import type { ContextEnvironment, RequestContext } from './request-context';

/**
 * A method of a class extending a framework provider base (`class S3Service extends
 * AbstractFileService { upload(file) { ... } }`). Not the constructor (run once, when the
 * framework registers the provider), a static method, or an accessor.
 */
export function providerServiceContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.kind !== 'method' || method.static) return undefined;
  const name = propertyKeyName(method);
  const classNode = method.parent.parent;
  const base = 'superClass' in classNode ? classNode.superClass : null;
  if (name === undefined || !base) return undefined;
  const refs = resolveModuleRefs(base, env.sourceCode.getScope(classNode));
  if (!refs?.some((ref) => findExportSpec(ref, PROVIDER_SERVICE_BASES) !== undefined)) return undefined;
  return { kind: 'request', description: `\`${name}()\` of a provider the framework calls for each request`, via: [] };
}
