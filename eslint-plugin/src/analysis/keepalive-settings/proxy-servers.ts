/**
 * A reverse proxy built without an `agent` (http-proxy, http-proxy-middleware): every proxied
 * request opens a new connection to the target, because the library falls back to `agent: false`
 * and `Connection: close` (libraries/proxy-servers.ts).
 *
 *   const proxy = httpProxy.createProxyServer({ target: 'https://api.internal' });
 *   app.use('/api', createProxyMiddleware({ target: 'https://api.internal', changeOrigin: true }));
 *
 * Quiet when the options are not all written out (a spread, a variable we cannot see into), when
 * they name an `agent` of any value, and for http-proxy when the server may get an agent per call
 * (`proxy.web(req, res, options)` with options that are not a literal without `agent`, or a server
 * value that leaves our sight).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeLabel } from '../contexts/request-context';
import { matchesExportSpec } from '../imports/export-spec';
import type { ModuleRef } from '../imports/module-refs';
import { PROXY_OTHER_METHODS, PROXY_REQUEST_METHODS, PROXY_SERVERS } from '../libraries/proxy-servers';
import { findVariable } from '../../ast/find-variable';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { lookupProperty } from '../../ast/lookup-property';
import { staticObjectLiteral } from '../../ast/static-object-literal';
import { staticPropertyName } from '../../ast/static-property-name';
import { staticString } from '../../ast/static-string';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ProxyWithoutAgent } from './keepalive-finding';

type SourceCode = Readonly<TSESLint.SourceCode>;

export function proxyWithoutAgentFinding(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  refs: readonly ModuleRef[],
): ProxyWithoutAgent | undefined {
  const specs = refs.map((ref) => PROXY_SERVERS.find((spec) => matchesExportSpec(ref, spec.factory)));
  const [spec] = specs;
  if (!spec || specs.some((other) => other !== spec)) return undefined;
  const args = call.arguments;
  if (args.length === 0 || args.length > 2 || args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const optionsArgument = args.at(-1);
  const options = optionsArgument && staticObjectLiteral(optionsArgument, sourceCode.getScope(optionsArgument));
  if (!options || !lacksAgent(options)) return undefined;
  if (spec.perCallOptions && !everyProxyCallLacksAgent(sourceCode, call)) return undefined;
  const target = lookupProperty(options, 'target');
  const url = target.property && staticString(target.property.value);
  return { kind: 'proxyWithoutAgent', node: call, name: `${calleeLabel(call.callee, sourceCode)}()`, tls: url?.startsWith('https:') ? '+TLS' : '' };
}

function lacksAgent(options: TSESTree.ObjectExpression): boolean {
  const { property, certain } = lookupProperty(options, 'agent');
  return certain && property === undefined;
}

/** The http-proxy server is only used in sight, and none of its `web()`/`ws()` calls can bring an agent. */
function everyProxyCallLacksAgent(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  // `httpProxy.createProxyServer({ target }).listen(8000)`: a standalone proxy server.
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
    return staticPropertyName(parent) === 'listen' && parent.parent?.type === AST_NODE_TYPES.CallExpression;
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== call || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  // `export const proxy = ...`: other modules may pass an agent per call.
  if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const variable = findVariable(sourceCode.getScope(parent.id), parent.id);
  if (!variable || !isNeverReassigned(variable)) return false;
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
    const method = staticPropertyName(member);
    const use = member.parent;
    if (method === undefined || use?.type !== AST_NODE_TYPES.CallExpression || use.callee !== member) return false;
    if (PROXY_OTHER_METHODS.has(method)) return true;
    if (!PROXY_REQUEST_METHODS.has(method)) return false;
    const perCall = use.arguments[2];
    if (perCall === undefined || (perCall.type !== AST_NODE_TYPES.SpreadElement && isFunctionArgument(perCall))) return true;
    if (perCall.type === AST_NODE_TYPES.SpreadElement) return false;
    const literal = staticObjectLiteral(perCall, sourceCode.getScope(perCall));
    return literal !== undefined && lacksAgent(literal);
  });
}

/** `proxy.web(req, res, (err) => ...)`: the third argument is the error callback, not options. */
function isFunctionArgument(node: TSESTree.Node): boolean {
  const value = stripWrappers(node);
  return value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression;
}
