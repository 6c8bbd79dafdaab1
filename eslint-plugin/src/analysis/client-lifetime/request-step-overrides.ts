/**
 * A subclass method that builds the request options of one request for its base class:
 *
 *   class NodeFetchHttpClient extends FetchHttpClient {
 *     async prepareRequest(request) {
 *       const requestInit = {};
 *       requestInit.agent = new https.Agent({ keepAlive: true });
 *       return requestInit;
 *     }
 *   }
 *
 * The base class (usually in another module) calls it for every request it sends and spreads the
 * result into that request's options, so every request gets a new pool. Recognised only when the
 * method is an instance method of a class that extends another, nothing in this file calls or passes
 * it (the base class does), its name says it works on one request (`prepareRequest`,
 * `buildFetchOptions`: REQUEST_NAME_WORDS), and every value it returns is a fresh object literal of
 * the method holding something under a request-option name (`agent`, `dispatcher`, ...).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { forEachDescendant } from '../../ast/for-each-descendant';
import type { FunctionNode } from '../../ast/function-node';
import { propertyKeyName } from '../../ast/property-key-name';
import { returnedExpressions } from '../../ast/returned-expressions';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { functionUses } from '../contexts/call-graph';
import { REQUEST_NAME_WORDS } from '../libraries/request-handlers';
import { isAgentOptionKey, isFreshObjectVariable } from './request-option-objects';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The request option the method returns the pool in (`requestInit.agent`), or undefined. */
export function requestStepOption(method: FunctionNode, sourceCode: SourceCode): string | undefined {
  const definition = method.parent;
  if (definition?.type !== AST_NODE_TYPES.MethodDefinition || definition.kind !== 'method' || definition.static) {
    return undefined;
  }
  const classNode = definition.parent.parent;
  if (!('superClass' in classNode) || !classNode.superClass) return undefined;
  const name = propertyKeyName(definition);
  if (name === undefined || !REQUEST_NAME_WORDS.test(name)) return undefined;
  if (functionUses(method, sourceCode).length > 0) return undefined;
  const returned = returnedExpressions(method, sourceCode.visitorKeys);
  if (returned.length === 0) return undefined;
  let option: string | undefined;
  for (const value of returned) {
    const found = value && freshRequestOption(stripWrappers(value), method, sourceCode);
    if (!found) return undefined;
    option ??= found;
  }
  return option;
}

/** `{ agent }` or a fresh local `requestInit` given `requestInit.agent = ...`: the option's text. */
function freshRequestOption(value: TSESTree.Node, method: FunctionNode, sourceCode: SourceCode): string | undefined {
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const key = value.properties
      .map((property) => (property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined))
      .find(isAgentOptionKey);
    return key;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode.getScope(value), value);
  if (!variable || !isFreshObjectVariable(variable) || variable.scope.block !== method) return undefined;
  const def = variable.defs[0];
  const init = def?.type === 'Variable' && def.node.init ? stripWrappers(def.node.init) : undefined;
  if (init?.type === AST_NODE_TYPES.ObjectExpression) {
    const key = freshRequestOption(init, method, sourceCode);
    if (key) return `${value.name}.${key}`;
  }
  let assigned: string | undefined;
  forEachDescendant(method.body ?? method, sourceCode.visitorKeys, (node) => {
    if (assigned) return false;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.Identifier &&
      node.left.object.name === value.name &&
      isAgentOptionKey(staticPropertyName(node.left))
    ) {
      assigned = `${value.name}.${staticPropertyName(node.left)}`;
    }
    return undefined;
  });
  return assigned;
}
