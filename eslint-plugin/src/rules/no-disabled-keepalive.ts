/**
 * no-disabled-keepalive: connection reuse switched off where requests are configured.
 *
 *   new https.Agent({ maxSockets: 50 })          keepAlive defaults to false: one socket per request
 *   new http.Agent({ keepAlive: false })
 *   new HttpsProxyAgent(proxyUrl)                 proxy agents pass their options to http.Agent
 *   new Agent({ keepAlive: false })               agentkeepalive: on unless switched off
 *   new S3Client({ requestHandler: { httpsAgent: { keepAlive: false } } })
 *   http.request({ host, agent: false })          a one-shot agent per request
 *   fetch(url, { headers: { Connection: 'close' } })
 *   new Pool(origin, { pipelining: 0 })           undici: 0 disables keep-alive
 *
 * Only what is written out is reported: options held in a variable we cannot see into, or literals
 * with a spread or computed key that could carry the setting, are left alone.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { exportSpecSchema, findExportSpec, matchesExportSpec, type ExportSpec } from '../analysis/imports/export-spec';
import {
  AGENT_OPTIONS,
  AWS_AGENT_OPTION_NAMES,
  AWS_CLIENTS,
  AWS_REQUEST_HANDLER_OPTION,
  AWS_REQUEST_HANDLERS,
  type AgentOptionsSpec,
} from '../analysis/libraries/agent-options';
import { POOL_OWNERS } from '../analysis/libraries/pool-owners';
import { HEADERS_CLASSES, REQUEST_OPTIONS_CALLS, type RequestOptionsSpec } from '../analysis/libraries/request-options';
import { resolveModuleRefs, type ModuleRef } from '../analysis/imports/module-refs';
import { staticPropertyName } from '../ast/static-property-name';
import { staticString } from '../ast/static-string';
import { findVariable } from '../ast/find-variable';
import { isLiteralValue } from '../ast/is-literal-value';
import { isNeverReassigned } from '../ast/is-never-reassigned';
import { lookupProperty } from '../ast/lookup-property';
import { removePropertyFix } from '../ast/remove-property-fix';
import { staticObjectLiteral } from '../ast/static-object-literal';
import { stripWrappers } from '../ast/strip-wrappers';
import { createRule } from '../util/create-rule';
import { escapeRegExp } from '../util/escape-regexp';

type Options = [
  {
    checkAgentOptions: boolean;
    checkAgentFalse: boolean;
    checkConnectionClose: boolean;
    checkPipelining: boolean;
    agentConstructors: ExportSpec[];
  },
];

type MessageIds =
  | 'agentWithoutKeepAlive'
  | 'proxyAgentWithoutKeepAlive'
  | 'agentKeepAliveFalse'
  | 'agentFalse'
  | 'connectionClose'
  | 'pipeliningZero'
  | 'addKeepAlive'
  | 'setKeepAliveTrue'
  | 'removeAgentFalse'
  | 'removeConnectionClose'
  | 'removePipelining';

/** undici dispatchers whose first options argument accepts `pipelining`. */
const UNDICI_DISPATCHERS = POOL_OWNERS.filter((owner) => owner.family === 'undici');
/** undici constructors whose options are the first argument (the others take an origin first). */
const UNDICI_OPTIONS_FIRST = new Set(['Agent', 'ProxyAgent', 'EnvHttpProxyAgent']);

const SUPERAGENT = 'superagent';

export default createRule<Options, MessageIds>({
  name: 'no-disabled-keepalive',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow HTTP client settings that turn connection reuse off (Agent without keepAlive, agent: false, Connection: close, pipelining: 0)',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      agentWithoutKeepAlive:
        '`{{name}}` is created without `keepAlive: true`. The option defaults to false on every Node.js version, so each socket is closed after one request and every request pays a new TCP{{tls}} handshake. Pass `keepAlive: true`.',
      proxyAgentWithoutKeepAlive:
        '`{{name}}` is created without `keepAlive: true`. A proxy agent passes its options to http.Agent, whose keepAlive defaults to false, so every request opens a new connection to the proxy (and, for an HTTPS target, a new tunnel and TLS handshake). Pass `keepAlive: true` in its options.',
      agentKeepAliveFalse:
        '`keepAlive: false` makes this Agent close each socket after one request, so every request pays a new TCP{{tls}} handshake. Set `keepAlive: true` unless closing is intended.',
      agentFalse:
        '`agent: false` gives this request a one-shot Agent: a new TCP(+TLS) connection that is closed after the response. Remove it to use the global agent (keep-alive since Node.js 19) or pass a shared `keepAlive: true` Agent.',
      connectionClose:
        'A `Connection: close` request header makes the server close the connection after this response, so the next request opens a new TCP(+TLS) connection. Remove the header unless closing is intended.',
      pipeliningZero:
        '`pipelining: 0` disables keep-alive in this undici dispatcher: every request opens a new connection. Remove it (the default is 1).',
      addKeepAlive: 'Set `keepAlive: true` (idle sockets stay open for reuse).',
      setKeepAliveTrue: 'Change `keepAlive` to `true` (idle sockets stay open for reuse).',
      removeAgentFalse: 'Remove `agent: false` (use the global keep-alive agent).',
      removeConnectionClose: 'Remove the `Connection: close` header.',
      removePipelining: 'Remove `pipelining: 0` (keep-alive with the default pipelining of 1).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkAgentOptions: {
            type: 'boolean',
            description: 'Report `new http.Agent()`/`new https.Agent()` whose options omit `keepAlive: true` or set it false.',
          },
          checkAgentFalse: {
            type: 'boolean',
            description: 'Report `agent: false` in `http(s).request`/`get` options.',
          },
          checkConnectionClose: {
            type: 'boolean',
            description: 'Report a `Connection: close` request header passed to a known HTTP client.',
          },
          checkPipelining: {
            type: 'boolean',
            description: 'Report `pipelining: 0` in undici dispatcher options.',
          },
          agentConstructors: {
            type: 'array',
            description:
              'Extra constructors whose options follow http.Agent\'s (keepAlive defaults to false), e.g. `{ from: "package", package: "@acme/http", name: "InternalAgent" }`.',
            items: exportSpecSchema,
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [
    {
      checkAgentOptions: true,
      checkAgentFalse: true,
      checkConnectionClose: true,
      checkPipelining: true,
      agentConstructors: [],
    },
  ],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const { agentSpecs, isRelevantMember } = trackedAgents(options.agentConstructors);

    const resolved = new WeakMap<TSESTree.Node, readonly ModuleRef[] | null>();

    /** The module references a callee may be, resolved once per node. */
    function resolveCallee(callee: TSESTree.Node): readonly ModuleRef[] | undefined {
      let refs = resolved.get(callee);
      if (refs === undefined) {
        refs = resolveModuleRefs(callee, sourceCode.getScope(callee)) ?? null;
        resolved.set(callee, refs);
      }
      return refs ?? undefined;
    }

    /** Every candidate satisfies `predicate` (and there is at least one). */
    function allMatch(
      refs: readonly ModuleRef[] | undefined,
      predicate: (ref: ModuleRef) => boolean,
    ): readonly ModuleRef[] | undefined {
      if (!refs || refs.length === 0 || !refs.every(predicate)) return undefined;
      return refs;
    }

    /**
     * Cheap syntactic gate before import resolution: a member callee must end in a name some tracked
     * export has (`https.Agent`, `axios.post`); identifiers may be aliases, so they always pass.
     */
    function mayBeTracked(callee: TSESTree.Node): boolean {
      switch (callee.type) {
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
          return true;
        case AST_NODE_TYPES.MemberExpression: {
          const name = staticPropertyName(callee);
          // `axios[method](...)`: a request method chosen at run time (module-refs knows which).
          if (name === undefined) return callee.computed && mayBeTracked(callee.object);
          return isRelevantMember(name);
        }
        case AST_NODE_TYPES.SequenceExpression: {
          const last = callee.expressions.at(-1); // `(0, https_1.request)(...)` in compiled code
          return last !== undefined && mayBeTracked(last);
        }
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSAsExpression:
          return mayBeTracked(callee.expression);
        default:
          return false;
      }
    }

    function displayName(callee: TSESTree.Node): string {
      const text = sourceCode.getText(callee);
      return text.length <= 40 && !text.includes('\n') ? text : 'Agent';
    }

    /** The options spec every candidate constructor shares, or undefined when they differ or none is an agent. */
    function agentSpecOf(refs: readonly ModuleRef[]): AgentOptionsSpec | undefined {
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

    function checkAgentConstruction(
      node: TSESTree.NewExpression | TSESTree.CallExpression,
      refs: readonly ModuleRef[],
    ): void {
      const spec = agentSpecOf(refs);
      // Only node's Agent may be called without `new` (the others are classes).
      if (!spec || (node.type === AST_NODE_TYPES.CallExpression && spec.kind !== 'node-agent')) return;
      const args = node.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
      const [first] = args;
      const optionsArgument = args[spec.optionsArgument];
      // `new HttpsProxyAgent({ host, port })`, `new ProxyAgent('socks://...')`: an older signature.
      const olderSignature =
        first !== undefined &&
        spec.otherSignatureFirstArgument !== undefined &&
        shapeOf(first) === spec.otherSignatureFirstArgument &&
        (optionsArgument === undefined || optionsArgument === first);
      if (olderSignature) return;
      // `+TLS` only when every candidate is https; `tls ? https : http` may be either.
      const tls = refs.every((ref) => ref.module === 'https') ? '+TLS' : '';
      const data = { name: displayName(node.callee), tls };
      const missingMessage = spec.kind === 'proxy-agent' ? 'proxyAgentWithoutKeepAlive' : 'agentWithoutKeepAlive';

      if (optionsArgument === undefined) {
        // Nothing to read: keep-alive is the default, the call is incomplete (`new HttpsProxyAgent()`),
        // or the constructor cannot run without options.
        if (spec.keepAliveDefault || spec.optionsRequired || args.length !== spec.optionsArgument) return;
        context.report({
          node,
          messageId: missingMessage,
          data,
          suggest: [{ messageId: 'addKeepAlive', fix: (fixer) => addOptionsArgument(fixer, node) }],
        });
        return;
      }
      const object = staticObjectLiteral(optionsArgument, sourceCode.getScope(optionsArgument));
      if (!object) return;
      const { property, certain } = lookupProperty(object, 'keepAlive');
      if (!certain) return;
      if (!property) {
        if (spec.keepAliveDefault) return;
        context.report({
          node,
          messageId: missingMessage,
          data,
          suggest: [{ messageId: 'addKeepAlive', fix: (fixer) => addFirstProperty(fixer, object, 'keepAlive: true') }],
        });
        return;
      }
      checkKeepAliveFalse(property, data);
    }

    function checkKeepAliveFalse(property: TSESTree.Property, data: { name: string; tls: string }): void {
      if (!isLiteralValue(property.value, false)) return;
      context.report({
        node: property,
        messageId: 'agentKeepAliveFalse',
        data,
        suggest: [{ messageId: 'setKeepAliveTrue', fix: (fixer) => fixer.replaceText(property.value, 'true') }],
      });
    }

    /**
     * AWS SDK v3: `new NodeHttpHandler({ httpsAgent: { keepAlive: false } })` and
     * `new S3Client({ requestHandler: { httpsAgent: { keepAlive: false } } })`. The SDK turns the
     * written-out agent options into an https.Agent with keep-alive on unless they switch it off.
     */
    function checkAwsAgentOptions(node: TSESTree.NewExpression, refs: readonly ModuleRef[]): void {
      const [first] = node.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
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
      if (!handlerOptions) return;
      for (const name of AWS_AGENT_OPTION_NAMES) {
        const agent = lookupProperty(handlerOptions, name);
        if (!agent.property || !agent.certain || agent.property.value.type !== AST_NODE_TYPES.ObjectExpression) continue;
        const keepAlive = lookupProperty(agent.property.value, 'keepAlive');
        if (keepAlive.property && keepAlive.certain) {
          checkKeepAliveFalse(keepAlive.property, { name: name === 'httpsAgent' ? 'https.Agent' : 'http.Agent', tls: name === 'httpsAgent' ? '+TLS' : '' });
        }
      }
    }

    function checkUndiciDispatcher(node: TSESTree.NewExpression, calleeRefs: readonly ModuleRef[]): void {
      const refs = allMatch(calleeRefs, (ref) => findExportSpec(ref, UNDICI_DISPATCHERS) !== undefined);
      if (!refs) return;
      const optionsFirst = refs.every((ref) => UNDICI_OPTIONS_FIRST.has(ref.path.join('.')));
      const optionsSecond = refs.every((ref) => !UNDICI_OPTIONS_FIRST.has(ref.path.join('.')) && ref.path.join('.') !== 'RetryAgent');
      const argument = optionsFirst ? node.arguments[0] : optionsSecond ? node.arguments[1] : undefined;
      if (!argument) return;
      const object = staticObjectLiteral(argument, sourceCode.getScope(argument));
      if (!object) return;
      const { property, certain } = lookupProperty(object, 'pipelining');
      if (!property || !certain || !isLiteralValue(property.value, 0)) return;
      context.report({
        node: property,
        messageId: 'pipeliningZero',
        suggest: [{ messageId: 'removePipelining', fix: (fixer) => removePropertyFix(fixer, sourceCode, property) }],
      });
    }

    function requestOptionsSpecOf(call: TSESTree.CallExpression): RequestOptionsSpec | undefined {
      if (!mayBeTracked(call.callee)) return undefined;
      const refs = resolveCallee(call.callee);
      if (!refs || refs.length === 0) return undefined;
      const specs = refs.map((ref) => REQUEST_OPTIONS_CALLS.find((spec) => findExportSpec(ref, [spec.callee])));
      const [first] = specs;
      // Several candidates must agree on where the options are (`tls ? https.get : http.get`).
      if (!first || specs.some((spec) => spec?.optionArguments.join() !== first.optionArguments.join())) {
        return undefined;
      }
      return specs.every((spec) => spec?.nodeAgentOption) ? first : { ...first, nodeAgentOption: false };
    }

    function checkRequestOptions(call: TSESTree.CallExpression): void {
      const spec = requestOptionsSpecOf(call);
      if (!spec) return;
      for (const index of spec.optionArguments) {
        const argument = call.arguments[index];
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const object = staticObjectLiteral(argument, sourceCode.getScope(argument));
        if (!object || isTunnelOrUpgrade(object)) continue;
        if (spec.nodeAgentOption && options.checkAgentFalse) checkAgentFalse(object);
        if (options.checkConnectionClose) checkHeadersOption(object);
      }
    }

    function checkAgentFalse(object: TSESTree.ObjectExpression): void {
      const { property, certain } = lookupProperty(object, 'agent');
      if (!property || !certain || !isLiteralValue(property.value, false)) return;
      context.report({
        node: property,
        messageId: 'agentFalse',
        suggest: [{ messageId: 'removeAgentFalse', fix: (fixer) => removePropertyFix(fixer, sourceCode, property) }],
      });
    }

    /**
     * A CONNECT request (a proxy tunnel) or an Upgrade request (WebSocket) hands its socket over to
     * the caller, so the socket never goes back to a pool: `agent: false` is the right choice there.
     */
    function isTunnelOrUpgrade(object: TSESTree.ObjectExpression): boolean {
      const method = lookupProperty(object, 'method').property;
      if (method && staticString(method.value)?.toUpperCase() === 'CONNECT') return true;
      const headers = lookupProperty(object, 'headers').property;
      if (!headers) return false;
      const headerObject = staticObjectLiteral(headers.value, sourceCode.getScope(headers.value));
      if (!headerObject) return false;
      if (lookupProperty(headerObject, 'upgrade', { caseInsensitive: true }).property) return true;
      const connection = lookupProperty(headerObject, 'connection', { caseInsensitive: true }).property;
      return connection !== undefined && /\bupgrade\b/i.test(staticString(connection.value) ?? '');
    }

    function checkHeadersOption(object: TSESTree.ObjectExpression): void {
      const { property, certain } = lookupProperty(object, 'headers');
      if (!property || !certain) return;
      const headers = staticObjectLiteral(headersInit(property.value), sourceCode.getScope(property.value));
      if (headers) checkConnectionHeader(headers);
    }

    /** `new Headers({ ... })` (the global or undici's): the object literal it is built from. */
    function headersInit(value: TSESTree.Node): TSESTree.Node {
      const expression = stripWrappers(value);
      if (expression.type !== AST_NODE_TYPES.NewExpression || expression.arguments.length !== 1) return value;
      const [init] = expression.arguments;
      const refs = resolveModuleRefs(expression.callee, sourceCode.getScope(expression));
      const isHeaders = refs?.length && refs.every((ref) => HEADERS_CLASSES.some((spec) => matchesExportSpec(ref, spec)));
      return isHeaders && init && init.type !== AST_NODE_TYPES.SpreadElement ? init : value;
    }

    function checkConnectionHeader(headers: TSESTree.ObjectExpression): void {
      const { property, certain } = lookupProperty(headers, 'connection', { caseInsensitive: true });
      if (!property || !certain || !isCloseValue(property.value)) return;
      context.report({
        node: property,
        messageId: 'connectionClose',
        suggest: [
          { messageId: 'removeConnectionClose', fix: (fixer) => removePropertyFix(fixer, sourceCode, property) },
        ],
      });
    }

    /** superagent: `request.get(url).set('Connection', 'close')` or `.set({ Connection: 'close' })`. */
    function checkSuperagentSet(call: TSESTree.CallExpression): void {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return;
      if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'set') return;
      if (!isSuperagentChain(callee.object)) return;
      const [key, value] = call.arguments;
      if (key && value && call.arguments.length === 2) {
        const name = staticString(key);
        if (name?.toLowerCase() !== 'connection' || !isCloseValue(value)) return;
        const dot = sourceCode.getTokenBefore(callee.property);
        const start = dot && dot.value === '.' ? dot.range[0] : callee.property.range[0];
        context.report({
          loc: { start: callee.property.loc.start, end: call.loc.end },
          messageId: 'connectionClose',
          suggest: [
            {
              messageId: 'removeConnectionClose',
              fix: (fixer) => fixer.removeRange([start, call.range[1]]),
            },
          ],
        });
        return;
      }
      if (key && call.arguments.length === 1) {
        const headers = staticObjectLiteral(key, sourceCode.getScope(key));
        if (headers) checkConnectionHeader(headers);
      }
    }

    /** `const req = http.request(options); req.setHeader('Connection', 'close');` */
    function checkClientRequestSetHeader(call: TSESTree.CallExpression): void {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return;
      if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'setHeader') return;
      const [key, value] = call.arguments;
      if (!key || !value || call.arguments.length !== 2) return;
      if (staticString(key)?.toLowerCase() !== 'connection' || !isCloseValue(value)) return;
      if (!isClientRequest(callee.object)) return;
      const statement = call.parent;
      context.report({
        node: call,
        messageId: 'connectionClose',
        suggest:
          statement?.type === AST_NODE_TYPES.ExpressionStatement
            ? [{ messageId: 'removeConnectionClose', fix: (fixer) => fixer.remove(statement) }]
            : [],
      });
    }

    /** A `const` initialised by `http(s).request(...)`/`get(...)`: a ClientRequest, not a server response. */
    function isClientRequest(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode.getScope(node), node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
      const init = def.node.init;
      if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
      return variable !== null && isNeverReassigned(variable) && requestOptionsSpecOf(init)?.nodeAgentOption === true;
    }

    /** The receiver chain `superagent.get(url).query(q)` starts at an import of superagent. */
    function isSuperagentChain(node: TSESTree.Node): boolean {
      let current: TSESTree.Node = node;
      for (let hops = 0; hops < 32; hops++) {
        if (current.type === AST_NODE_TYPES.CallExpression) {
          current = current.callee;
        } else if (current.type === AST_NODE_TYPES.MemberExpression) {
          current = current.object;
        } else if (current.type === AST_NODE_TYPES.Identifier) {
          return allMatch(resolveCallee(current), (ref) => ref.module === SUPERAGENT) !== undefined;
        } else {
          return false;
        }
      }
      return false;
    }

    function addOptionsArgument(
      fixer: TSESLint.RuleFixer,
      node: TSESTree.NewExpression | TSESTree.CallExpression,
    ): TSESLint.RuleFix {
      // `new HttpsProxyAgent(proxy)`: the options come after the arguments already written.
      const lastArgument = node.arguments.at(-1);
      if (lastArgument) return fixer.insertTextAfter(lastArgument, ', { keepAlive: true }');
      const last = sourceCode.getLastToken(node);
      if (last && last.value === ')' && last.range[0] > node.callee.range[1]) {
        return fixer.insertTextBefore(last, '{ keepAlive: true }');
      }
      return fixer.insertTextAfter(node, '({ keepAlive: true })'); // `new https.Agent` without parentheses
    }

    function addFirstProperty(
      fixer: TSESLint.RuleFixer,
      object: TSESTree.ObjectExpression,
      text: string,
    ): TSESLint.RuleFix {
      const [first] = object.properties;
      if (!first) return fixer.replaceText(object, `{ ${text} }`);
      const openBrace = sourceCode.getFirstToken(object);
      const sameLine = openBrace !== null && openBrace.loc.end.line === first.loc.start.line;
      if (sameLine) return fixer.insertTextBefore(first, `${text}, `);
      const indent = ' '.repeat(first.loc.start.column);
      return fixer.insertTextBefore(first, `${text},\n${indent}`);
    }

    return {
      NewExpression(node) {
        if (!mayBeTracked(node.callee)) return;
        const refs = resolveCallee(node.callee);
        if (!refs) return;
        if (options.checkAgentOptions) {
          checkAgentConstruction(node, refs);
          checkAwsAgentOptions(node, refs);
        }
        if (options.checkPipelining) checkUndiciDispatcher(node, refs);
      },
      CallExpression(node) {
        if (options.checkConnectionClose) {
          checkSuperagentSet(node);
          checkClientRequestSetHeader(node);
        }
        if (!mayBeTracked(node.callee)) return;
        const refs = resolveCallee(node.callee);
        if (!refs) return;
        // Node's Agent may be called without `new` and behaves the same.
        if (options.checkAgentOptions) checkAgentConstruction(node, refs);
        checkRequestOptions(node);
      },
    };
  },
});

interface TrackedAgents {
  readonly agentSpecs: readonly AgentOptionsSpec[];
  readonly isRelevantMember: (name: string) => boolean;
}

/**
 * Built once per options array, not once per linted file: ESLint hands every file the configured
 * array itself, and the default (empty) one is cloned per file, so all empty ones share one entry.
 */
const trackedAgentsCache = new WeakMap<readonly ExportSpec[], TrackedAgents>();
const NO_EXTRA_AGENTS: readonly ExportSpec[] = [];

/** The built-in agent constructors plus the configured ones, and the member-name gate for all of them. */
function trackedAgents(configured: readonly ExportSpec[]): TrackedAgents {
  const agentConstructors = configured.length === 0 ? NO_EXTRA_AGENTS : configured;
  let tracked = trackedAgentsCache.get(agentConstructors);
  if (tracked) return tracked;
  const agentSpecs: readonly AgentOptionsSpec[] = [
    ...AGENT_OPTIONS,
    ...agentConstructors.map(
      (agent): AgentOptionsSpec => ({ agent, kind: 'node-agent', optionsArgument: 0, keepAliveDefault: false }),
    ),
  ];
  const isRelevantMember = relevantMemberTest([...agentSpecs.map((spec) => spec.agent), ...AWS_REQUEST_HANDLERS, AWS_CLIENTS]);
  tracked = { agentSpecs, isRelevantMember };
  trackedAgentsCache.set(agentConstructors, tracked);
  return tracked;
}

/**
 * Whether a member name (`https.Agent`, `axios.post`) may be the last name of a tracked export:
 * exact names, and wildcard names such as `*Client` as patterns.
 */
function relevantMemberTest(agentSpecs: readonly ExportSpec[]): (name: string) => boolean {
  const names = new Set<string>(['default', 'Agent']);
  const patterns: RegExp[] = [];
  const specs: ExportSpec[] = [...agentSpecs, ...UNDICI_DISPATCHERS, ...REQUEST_OPTIONS_CALLS.map((spec) => spec.callee)];
  for (const spec of specs) {
    for (const name of typeof spec.name === 'string' ? [spec.name] : spec.name) {
      const last = name.split('.').at(-1);
      if (!last) continue;
      if (!last.includes('*')) {
        names.add(last);
        continue;
      }
      const source = last
        .split('*')
        .map(escapeRegExp)
        .join('.*');
      patterns.push(new RegExp(`^${source}$`));
    }
  }
  return (name) => names.has(name) || patterns.some((pattern) => pattern.test(name));
}

/** `'object'` for an object literal, `'string'` for a string or template literal, else undefined. */
function shapeOf(node: TSESTree.Node): 'object' | 'string' | undefined {
  if (node.type === AST_NODE_TYPES.ObjectExpression) return 'object';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return 'string';
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return 'string';
  return undefined;
}

function isCloseValue(node: TSESTree.Node): boolean {
  return staticString(node)?.trim().toLowerCase() === 'close';
}
