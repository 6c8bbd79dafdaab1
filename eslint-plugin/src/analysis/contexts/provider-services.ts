/**
 * Methods of commerce-framework providers (the bases are in libraries/request-handlers.ts): the
 * framework calls `upload()` of a Medusa file service, `capturePayment()` of a payment provider,
 * for the request it is serving, so a client built there is built per request.
 */
import type { FunctionNode } from '../../ast/function-node';
import { PROVIDER_SERVICE_BASES } from '../libraries/request-handlers';
import type { ContextEnvironment, RequestContext } from './request-context';
import { methodExtending } from './subclass-methods';

/**
 * A method of a class extending a framework provider base (`class S3Service extends
 * AbstractFileService { upload(file) { ... } }`). Not the constructor (run once, when the
 * framework registers the provider), a static method, or an accessor.
 */
export function providerServiceContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const name = methodExtending(fn, PROVIDER_SERVICE_BASES, env);
  return name === undefined ? undefined : { kind: 'request', description: `\`${name}()\` of a provider the framework calls for each request`, via: [] };
}
