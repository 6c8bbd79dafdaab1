/**
 * Instance methods of classes that extend a library's base class: `willSendRequest()` of an Apollo
 * `RESTDataSource`, `upload()` of a Medusa file service. The library calls them; which ones, and
 * when, is the caller's fact (libraries/request-handlers.ts).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FunctionNode } from '../../ast/function-node';
import { propertyKeyName } from '../../ast/property-key-name';
import { findExportSpec, type PackageExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import type { ContextEnvironment } from './request-context';

/**
 * The name of the method `fn` is when it is a non-static instance method (not the constructor or an
 * accessor) of a class whose `extends` clause names one of `bases`; undefined otherwise.
 */
export function methodExtending(fn: FunctionNode, bases: readonly PackageExportSpec[], env: ContextEnvironment): string | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.kind !== 'method' || method.static) return undefined;
  const name = propertyKeyName(method);
  const classNode = method.parent.parent;
  const base = 'superClass' in classNode ? classNode.superClass : null;
  if (name === undefined || !base) return undefined;
  const refs = resolveModuleRefs(base, env.sourceCode.getScope(classNode));
  return refs?.some((ref) => findExportSpec(ref, bases) !== undefined) ? name : undefined;
}
