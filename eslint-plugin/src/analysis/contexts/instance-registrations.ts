/**
 * Callbacks registered on a framework object that runs them once per event or call:
 *
 *   Probot     `app.on('issues.opened', async (context) => ...)` where `app: Probot`, or where `app`
 *              is the parameter of the module's exported app function and the handler uses
 *              `context.octokit` / `context.payload` (an app written without types)
 *   MCP SDK    `server.registerTool(name, config, handler)` where `server = new McpServer(...)`, or
 *              on an untyped parameter when the call has the SDK's shape (name, config, callback)
 *   Node-RED   `node.on('input', (msg, send, done) => ...)` in a node constructor that calls
 *              `RED.nodes.createNode(this, config)`
 *
 * The receiver must be known: built from the import, or a parameter or variable typed with the
 * package's type. The same method names on any other object (`emitter.on(...)`, a project's own
 * `registry.registerTool(...)`) give no context.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { enclosingFunction } from '../../ast/enclosing-function';
import { isFunctionNode } from '../../ast/function-node';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { propertyKeyName } from '../../ast/property-key-name';
import { readsMemberOf } from '../../ast/reads-member-of';
import { staticPropertyName } from '../../ast/static-property-name';
import { staticString } from '../../ast/static-string';
import { stripWrappers } from '../../ast/strip-wrappers';
import { matchesExportSpec, type PackageExportSpec } from '../imports/export-spec';
import { isInstanceOf } from '../imports/import-instance';
import { typeNameRef } from '../imports/type-name-ref';
import {
  INSTANCE_REGISTRATION_APIS,
  NODE_RED_CREATE_NODE,
  NODE_RED_INPUT_EVENT,
  MCP_CONFIG_KEYS,
  MCP_REGISTER_METHODS,
  PROBOT_APP_EVENT_METHOD,
  PROBOT_CONTEXT_MEMBERS,
} from '../libraries/request-handlers';
import { calleeLabel, type ContextEnvironment, type RequestContext } from './request-context';

/** The context `call` gives its function argument at `index`, when `call` is such a registration. */
export function instanceRegistrationContext(
  call: TSESTree.CallExpression,
  index: number,
  env: ContextEnvironment,
): RequestContext | undefined {
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  if (callee.type !== AST_NODE_TYPES.MemberExpression || index < 1 || index !== call.arguments.length - 1) {
    return undefined;
  }
  const method = staticPropertyName(callee);
  if (method === undefined) return undefined;
  const label = `\`${calleeLabel(callee, env.sourceCode)}()\``;
  if (method === 'on' && isNodeRedInput(call, callee.object, env)) {
    return { kind: 'message', description: `the '${NODE_RED_INPUT_EVENT}' listener registered with ${label}`, via: [] };
  }
  const api = INSTANCE_REGISTRATION_APIS.find(
    (candidate) => candidate.methods.has(method) && isInstanceOfSpec(callee.object, candidate.instance, env),
  );
  if (!hasStaticName(call.arguments[0])) return undefined;
  if (api) return { kind: api.kind, description: `the ${api.label} registered with ${label}`, via: [] };
  if (method === PROBOT_APP_EVENT_METHOD && isUntypedProbotApp(callee.object, call.arguments[index], env)) {
    return { kind: 'message', description: `the webhook handler registered with ${label}`, via: [] };
  }
  if (MCP_REGISTER_METHODS.has(method) && isUntypedMcpRegistration(call, callee.object, env)) {
    return { kind: 'request', description: `the MCP handler registered with ${label}`, via: [] };
  }
  return undefined;
}

/** `server.registerTool('list', { description, inputSchema }, handler)` on an untyped parameter `server`. */
function isUntypedMcpRegistration(call: TSESTree.CallExpression, object: TSESTree.Node, env: ContextEnvironment): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier || call.arguments.length !== 3) return false;
  const [, config, handler] = call.arguments;
  if (config?.type !== AST_NODE_TYPES.ObjectExpression || !handler || !isFunctionNode(handler)) return false;
  const hasConfigKey = config.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && MCP_CONFIG_KEYS.has(propertyKeyName(property) ?? ''),
  );
  if (!hasConfigKey) return false;
  const variable = findVariable(env.sourceCode.getScope(object), object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Parameter' && !def.name.typeAnnotation;
}

/**
 * `module.exports = (app) => { app.on('issues.opened', async (context) => { context.octokit... }) }`:
 * `app` is the first parameter of the module's exported function and the handler uses its first
 * parameter as a Probot context.
 */
function isUntypedProbotApp(object: TSESTree.Node, handler: TSESTree.Node | undefined, env: ContextEnvironment): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier || !handler || !isFunctionNode(handler)) return false;
  const variable = findVariable(env.sourceCode.getScope(object), object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // A parameter typed with anything (`app: Probot` is decided by its type) is not guessed at.
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params[0] !== def.name || def.name.typeAnnotation) {
    return false;
  }
  if (!isModuleExport(def.node)) return false;
  const context = handler.params[0];
  if (context?.type !== AST_NODE_TYPES.Identifier) return false;
  const contextVariable = findVariable(env.sourceCode.getScope(handler.body), context);
  return readsMemberOf(contextVariable, PROBOT_CONTEXT_MEMBERS);
}

/** `module.exports = fn`, `export default fn`, `export = fn`. */
function isModuleExport(fn: TSESTree.Node): boolean {
  const carrier = outermostCarrier(fn);
  const parent = carrier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration || parent?.type === AST_NODE_TYPES.TSExportAssignment) return true;
  return (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === carrier &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.Identifier &&
    parent.left.object.name === 'module' &&
    staticPropertyName(parent.left) === 'exports'
  );
}

/** `'issues.opened'`, `['issues.opened', 'issues.edited']`, `'list_services'`. */
function hasStaticName(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.length > 0 && node.elements.every((element) => element !== null && staticString(element) !== undefined);
  }
  return staticString(node) !== undefined;
}

/** `object` is built from `spec` or typed with it (`app: Probot`, `const server: McpServer = ...`). */
function isInstanceOfSpec(object: TSESTree.Node, spec: PackageExportSpec, env: ContextEnvironment): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const scope = env.sourceCode.getScope(object);
  if (isInstanceOf(object, scope, (ref) => matchesExportSpec(ref, spec))) return true;
  const variable = findVariable(scope, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' && def?.type !== 'Variable') return false;
  const type = def.name.typeAnnotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const ref = typeNameRef(type.typeName, env.sourceCode);
  return ref !== undefined && matchesExportSpec(ref, spec);
}

/** `this.on('input', fn)` / `node.on('input', fn)` (`const node = this`) in a Node-RED node constructor. */
function isNodeRedInput(call: TSESTree.CallExpression, object: TSESTree.Node, env: ContextEnvironment): boolean {
  const first = call.arguments[0];
  if (!first || staticString(first) !== NODE_RED_INPUT_EVENT) return false;
  const constructorFn = enclosingFunction(call);
  if (!isFunctionNode(constructorFn) || constructorFn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  if (!isThisOf(object, constructorFn, env)) return false;
  const body = constructorFn.body;
  if (!body) return false;
  let creates = false;
  forEachDescendant(body, env.sourceCode.visitorKeys, (node) => {
    if (creates || isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = stripWrappers(node.callee, { typeAssertions: false });
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(callee) === NODE_RED_CREATE_NODE[1] &&
      callee.object.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(callee.object) === NODE_RED_CREATE_NODE[0] &&
      node.arguments[0]?.type === AST_NODE_TYPES.ThisExpression
    ) {
      creates = true;
    }
  });
  return creates;
}

/** `this`, or a `const node = this` of `fn`. */
function isThisOf(object: TSESTree.Node, fn: TSESTree.Node, env: ContextEnvironment): boolean {
  if (object.type === AST_NODE_TYPES.ThisExpression) return true;
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(env.sourceCode.getScope(object), object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return (
    def?.type === 'Variable' &&
    def.node.init?.type === AST_NODE_TYPES.ThisExpression &&
    def.parent.type === AST_NODE_TYPES.VariableDeclaration &&
    def.parent.kind === 'const' &&
    enclosingFunction(def.node) === fn
  );
}
