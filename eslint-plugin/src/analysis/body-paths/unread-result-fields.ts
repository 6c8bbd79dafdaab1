/**
 * A node:http response put into a result object that nothing reads it from (node-influx's ping):
 *
 *   new Promise((resolve) => {
 *     http.request(options, (res) => {
 *       resolve({ url, res, online: res.statusCode < 300, version: res.headers['x-version'] });
 *     }).end();
 *   });
 *
 * Storing a response on an object is normally a hand-off (whoever reads the object owns the body).
 * Here the object is a summary the callback built from the response's status or headers, handed to
 * the `resolve` of an enclosing `new Promise`, and no code of the file reads its `res` field
 * (`stats.res`, `const { res } = stats`): nobody will ever drain the response, and an unread
 * node:http response holds its socket. All of these must hold, otherwise the object stays a
 * hand-off:
 *
 * - a node:http response (callback, listener or `once()`), stored under a plain name (`{ res }`,
 *   `{ response: res }`) in an object literal passed alone to `resolve(...)`, the first parameter
 *   of an inline executor of the global `Promise`;
 * - another property of the same object reads the response's status or headers (`online:
 *   res.statusCode < 300`): the object already carries what its readers need from the response;
 * - no code in the file reads a property of that name, by member access or destructuring.
 *
 * Readers in other modules are not visible (a library's caller may read `stats.res`): the rule
 * relies on the summary fields above to tell a status report from a response handed on.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { classifyValueUse } from '../../ast/classify-value-use';
import { findVariable } from '../../ast/find-variable';
import { isInlineFunction } from '../../ast/function-node';
import { readPropertyNames } from '../../ast/read-property-names';
import { GLOBAL, resolveModuleRefs } from '../imports/module-refs';
import type { ResponseBinding } from './response-binding';

/**
 * The property of a result object that `identifier` (a read of `binding`'s response) is stored in
 * and that nothing reads, or undefined when the store is a real hand-off.
 */
export function unreadResultField(
  identifier: TSESTree.Node,
  binding: ResponseBinding,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string | undefined {
  if (binding.client !== 'node-http' || binding.holder !== 'stream' || binding.property !== undefined) return undefined;
  const use = classifyValueUse(identifier);
  const property = identifier.parent;
  if (
    use.kind !== 'stored' ||
    use.node !== identifier ||
    property?.type !== AST_NODE_TYPES.Property ||
    property.value !== identifier ||
    property.computed ||
    property.key.type !== AST_NODE_TYPES.Identifier
  ) {
    return undefined;
  }
  const object = use.target;
  if (object.type !== AST_NODE_TYPES.ObjectExpression || !isResolvedAlone(object, sourceCode)) return undefined;
  const summarises = binding.variable.references.some(
    (reference) =>
      reference.identifier !== identifier &&
      reference.identifier.range[0] >= object.range[0] &&
      reference.identifier.range[1] <= object.range[1],
  );
  if (!summarises) return undefined;
  const name = property.key.name;
  return readPropertyNames(sourceCode.ast, sourceCode.visitorKeys).has(name) ? undefined : name;
}

/** `resolve(object)` where `resolve` is the first parameter of an inline `new Promise(...)` executor. */
function isResolvedAlone(object: TSESTree.ObjectExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const call = object.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1 || call.arguments[0] !== object) return false;
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(call.callee), call.callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isInlineFunction(def.node) || def.node.params[0] !== def.name) return false;
  const promise = def.node.parent;
  if (promise?.type !== AST_NODE_TYPES.NewExpression || promise.arguments[0] !== def.node) return false;
  const refs = resolveModuleRefs(promise.callee, sourceCode.getScope(promise));
  return refs?.length === 1 && refs[0]?.module === GLOBAL && refs[0].path.join('.') === 'Promise';
}
