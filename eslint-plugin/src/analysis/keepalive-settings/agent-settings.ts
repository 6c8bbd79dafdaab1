/**
 * Keep-alive switched off where an agent or dispatcher is built:
 *
 *   new https.Agent({ maxSockets: 50 })          keepAlive defaults to false: one socket per request
 *   new http.Agent({ keepAlive: false })
 *   new HttpsProxyAgent(proxyUrl)                 proxy agents pass their options to http.Agent
 *   new Agent({ keepAlive: false })               agentkeepalive: on unless switched off
 *   new S3Client({ requestHandler: { httpsAgent: { keepAlive: false } } })
 *   new Pool(origin, { pipelining: 0 })           undici: 0 disables keep-alive
 *
 * Only what is written out counts: options held in a variable we cannot see into, or literals with
 * a spread or computed key that could carry the setting, are left alone. Options a function receives
 * as a parameter are read at its calls in this file, and options a class keeps in a private field
 * at the assignments of that field (options-from-callers.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findExportSpec, matchesExportSpec } from '../imports/export-spec';
import type { ModuleRef } from '../imports/module-refs';
import {
  AWS_AGENT_OPTION_NAMES,
  AWS_CLIENTS,
  AWS_REQUEST_HANDLER_OPTION,
  AWS_REQUEST_HANDLERS,
  FULL_HANDSHAKE_OPTION,
  UNDICI_DISPATCHERS,
  UNDICI_OPTIONS_FIRST,
  UNDICI_WRAPPING_DISPATCHERS,
  type AgentOptionsSpec,
} from '../libraries/agent-options';
import { isLiteralValue } from '../../ast/is-literal-value';
import { lookupProperty } from '../../ast/lookup-property';
import { staticObjectLiteral } from '../../ast/static-object-literal';
import { callerOptionsWithout, fieldOptionsWithout, localOptionsWithout } from './options-from-callers';
import { allMatch } from './tracked-callees';
import type { KeepAliveFalse, KeepAliveFinding, RemovableSetting } from './keepalive-finding';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The options spec every candidate constructor shares, or undefined when they differ or none is an agent. */
function agentSpecOf(agentSpecs: readonly AgentOptionsSpec[], refs: readonly ModuleRef[]): AgentOptionsSpec | undefined {
  const specs = refs.map((ref) => agentSpecs.find((spec) => matchesExportSpec(ref, spec.agent)));
  const [first] = specs;
  if (specs.length === 0 || !first) return undefined;
  const same = specs.every(
    (spec) =>
      spec !== undefined &&
      spec.kind === first.kind &&
      spec.optionsArgument === first.optionsArgument &&
      spec.keepAliveDefault === first.keepAliveDefault &&
      spec.otherSignatureFirstArgument === first.otherSignatureFirstArgument &&
      spec.optionsRequired === first.optionsRequired,
  );
  return same ? first : undefined;
}

/** `'object'` for an object literal, `'string'` for a string or template literal, else undefined. */
function shapeOf(node: TSESTree.Node): 'object' | 'string' | undefined {
  if (node.type === AST_NODE_TYPES.ObjectExpression) return 'object';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return 'string';
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return 'string';
  return undefined;
}

/** The constructor as written, short enough for a message. */
function displayName(sourceCode: SourceCode, callee: TSESTree.Node): string {
  const text = sourceCode.getText(callee);
  return text.length <= 40 && !text.includes('\n') ? text : 'Agent';
}

function keepAliveFalse(property: TSESTree.Property, name: string, tls: string): KeepAliveFalse | undefined {
  return isLiteralValue(property.value, false) ? { kind: 'agentKeepAliveFalse', property, name, tls } : undefined;
}

/** An agent constructor (or node's `Agent()` called without `new`) that leaves keep-alive off. */
export function agentConstructionFinding(
  sourceCode: SourceCode,
  agentSpecs: readonly AgentOptionsSpec[],
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  refs: readonly ModuleRef[],
): KeepAliveFinding | undefined {
  const spec = agentSpecOf(agentSpecs, refs);
  // Only node's Agent may be called without `new` (the others are classes).
  if (!spec || (node.type === AST_NODE_TYPES.CallExpression && spec.kind !== 'node-agent')) return undefined;
  const args = node.arguments;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const [first] = args;
  const optionsArgument = args[spec.optionsArgument];
  // `new HttpsProxyAgent({ host, port })`, `new ProxyAgent('socks://...')`: an older signature.
  const olderSignature =
    first !== undefined &&
    spec.otherSignatureFirstArgument !== undefined &&
    shapeOf(first) === spec.otherSignatureFirstArgument &&
    (optionsArgument === undefined || optionsArgument === first);
  if (olderSignature) return undefined;
  // `+TLS` only when every candidate is https; `tls ? https : http` may be either.
  const tls = refs.every((ref) => ref.module === 'https') ? '+TLS' : '';
  const name = displayName(sourceCode, node.callee);
  const kind = spec.kind === 'proxy-agent' ? 'proxyAgentWithoutKeepAlive' : 'agentWithoutKeepAlive';

  if (optionsArgument === undefined) {
    // Nothing to read: keep-alive is the default, the call is incomplete (`new HttpsProxyAgent()`),
    // or the constructor cannot run without options.
    if (spec.keepAliveDefault || spec.optionsRequired || args.length !== spec.optionsArgument) return undefined;
    return { kind, node, name, tls, options: undefined };
  }
  const object = staticObjectLiteral(optionsArgument, sourceCode.getScope(optionsArgument));
  if (!object) {
    if (spec.keepAliveDefault) return undefined;
    // `const options = {}; if (ca) Object.assign(options, { ca }); new https.Agent(options)`.
    const local = localOptionsWithout(optionsArgument, 'keepAlive', sourceCode);
    if (local) return wantsFullHandshakes(local) ? undefined : { kind, node, name, tls, options: local };
    // `createAgent(cluster, options) { return new https.Agent(options); }`: built by the callers.
    const callerLiterals = callerOptionsWithout(optionsArgument, 'keepAlive', sourceCode);
    // `new Agent(this.agentOptions)`: the literals the class assigns to its private field.
    const fieldLiterals = callerLiterals ? undefined : fieldOptionsWithout(optionsArgument, 'keepAlive', sourceCode);
    const builtElsewhere = callerLiterals
      ? { literals: callerLiterals }
      : fieldLiterals && { literals: fieldLiterals, field: sourceCode.getText(optionsArgument) };
    if (!builtElsewhere || builtElsewhere.literals.some(wantsFullHandshakes)) return undefined;
    return { kind, node, name, tls, options: undefined, builtElsewhere };
  }
  const { property, certain } = lookupProperty(object, 'keepAlive');
  if (!certain || wantsFullHandshakes(object)) return undefined;
  if (!property) return spec.keepAliveDefault ? undefined : { kind, node, name, tls, options: object };
  return keepAliveFalse(property, name, tls);
}

/** `maxCachedSessions: 0`: an agent that asks for a full TLS handshake on every connection. */
function wantsFullHandshakes(options: TSESTree.ObjectExpression): boolean {
  const { property, certain } = lookupProperty(options, FULL_HANDSHAKE_OPTION);
  return certain && property !== undefined && isLiteralValue(property.value, 0);
}

/**
 * AWS SDK v3: `new NodeHttpHandler({ httpsAgent: { keepAlive: false } })` and
 * `new S3Client({ requestHandler: { httpsAgent: { keepAlive: false } } })`. The SDK turns the
 * written-out agent options into an https.Agent with keep-alive on unless they switch it off.
 */
export function awsAgentOptionFindings(
  sourceCode: SourceCode,
  node: TSESTree.NewExpression,
  refs: readonly ModuleRef[],
): KeepAliveFinding[] {
  const [first] = node.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return [];
  let handlerOptions = allMatch(refs, (ref) => AWS_REQUEST_HANDLERS.some((spec) => matchesExportSpec(ref, spec)))
    ? staticObjectLiteral(first, sourceCode.getScope(first))
    : undefined;
  if (!handlerOptions && allMatch(refs, (ref) => matchesExportSpec(ref, AWS_CLIENTS))) {
    const clientOptions = staticObjectLiteral(first, sourceCode.getScope(first));
    const handler = clientOptions && lookupProperty(clientOptions, AWS_REQUEST_HANDLER_OPTION);
    if (handler?.property && handler.certain) {
      handlerOptions = staticObjectLiteral(handler.property.value, sourceCode.getScope(handler.property.value));
    }
  }
  if (!handlerOptions) return [];
  const findings: KeepAliveFinding[] = [];
  for (const name of AWS_AGENT_OPTION_NAMES) {
    const agent = lookupProperty(handlerOptions, name);
    if (!agent.property || !agent.certain || agent.property.value.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const keepAlive = lookupProperty(agent.property.value, 'keepAlive');
    if (!keepAlive.property || !keepAlive.certain) continue;
    const https = name === 'httpsAgent';
    const finding = keepAliveFalse(keepAlive.property, https ? 'https.Agent' : 'http.Agent', https ? '+TLS' : '');
    if (finding) findings.push(finding);
  }
  return findings;
}

/** `new Pool(origin, { pipelining: 0 })`, `new Agent({ pipelining: 0 })`: undici without keep-alive. */
export function undiciPipeliningFinding(
  sourceCode: SourceCode,
  node: TSESTree.NewExpression,
  calleeRefs: readonly ModuleRef[],
): RemovableSetting | undefined {
  const refs = allMatch(calleeRefs, (ref) => findExportSpec(ref, UNDICI_DISPATCHERS) !== undefined);
  if (!refs) return undefined;
  const names = refs.map((ref) => ref.path.join('.'));
  const optionsFirst = names.every((name) => UNDICI_OPTIONS_FIRST.has(name));
  const optionsSecond = names.every((name) => !UNDICI_OPTIONS_FIRST.has(name) && !UNDICI_WRAPPING_DISPATCHERS.has(name));
  const argument = optionsFirst ? node.arguments[0] : optionsSecond ? node.arguments[1] : undefined;
  if (!argument) return undefined;
  const object = staticObjectLiteral(argument, sourceCode.getScope(argument));
  if (!object) return undefined;
  const { property, certain } = lookupProperty(object, 'pipelining');
  if (!property || !certain || !isLiteralValue(property.value, 0)) return undefined;
  return { kind: 'pipeliningZero', at: property, remove: property };
}
