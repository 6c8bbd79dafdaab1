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
 *   options.agent = false; https.get(options)     the same settings assigned before the request
 *   new Pool(origin, { pipelining: 0 })           undici: 0 disables keep-alive
 *   httpProxy.createProxyServer({ target })       no agent: http-proxy uses agent: false
 *
 * Only what is written out is reported: options held in a variable we cannot see into, or literals
 * with a spread or computed key that could carry the setting, are left alone. Where each setting is
 * found: analysis/keepalive-settings/; this file holds the messages, options and suggestions.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { exportSpecSchema, type ExportSpec } from '../analysis/imports/export-spec';
import { agentConstructionFinding, awsAgentOptionFindings, undiciPipeliningFinding } from '../analysis/keepalive-settings/agent-settings';
import { proxyWithoutAgentFinding } from '../analysis/keepalive-settings/proxy-servers';
import type { KeepAliveFinding, RemovableSetting } from '../analysis/keepalive-settings/keepalive-finding';
import { RequestSettings } from '../analysis/keepalive-settings/request-settings';
import { trackedAgents } from '../analysis/keepalive-settings/tracked-agents';
import { TrackedCallees } from '../analysis/keepalive-settings/tracked-callees';
import { removePropertyFix } from '../ast/remove-property-fix';
import { createRule } from '../util/create-rule';

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
  | 'proxyWithoutAgent'
  | 'addKeepAlive'
  | 'addKeepAliveAtCallers'
  | 'addKeepAliveToField'
  | 'setKeepAliveTrue'
  | 'removeAgentFalse'
  | 'removeConnectionClose'
  | 'removePipelining';

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
      proxyWithoutAgent:
        '`{{name}}` builds a proxy without an `agent` option: http-proxy then sends every proxied request with `agent: false` and `Connection: close`, so each one opens a new TCP{{tls}} connection to the target. Pass `agent`: an `http.Agent` / `https.Agent` with `keepAlive: true`, created once and shared.',
      addKeepAlive: 'Set `keepAlive: true` (idle sockets stay open for reuse).',
      addKeepAliveToField:
        'Set `keepAlive: true` in the options the class assigns to `{{field}}` on {{lines}} (idle sockets stay open for reuse).',
      addKeepAliveAtCallers:
        'Set `keepAlive: true` in the options built on {{lines}}, by every call of this function in the file (idle sockets stay open for reuse).',
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
            description: 'Report `agent: false` in `http(s).request`/`get` options, and http-proxy / http-proxy-middleware proxies built without an `agent` (which fall back to `agent: false`).',
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
    const { agentSpecs, isRelevantMember, mayMatterIn } = trackedAgents(options.agentConstructors);
    // Most files import no HTTP client at all: no listeners for them.
    if (!mayMatterIn(sourceCode.text)) return {};
    const callees = new TrackedCallees(sourceCode, isRelevantMember);
    const requests = new RequestSettings(sourceCode, callees, {
      agentFalse: options.checkAgentFalse,
      connectionClose: options.checkConnectionClose,
    });

    function report(finding: KeepAliveFinding | undefined): void {
      if (!finding) return;
      switch (finding.kind) {
        case 'agentWithoutKeepAlive':
        case 'proxyAgentWithoutKeepAlive': {
          const { node, options: object, builtElsewhere } = finding;
          if (builtElsewhere) {
            const { literals, field } = builtElsewhere;
            const lines = [...new Set(literals.map((literal) => literal.loc.start.line))];
            const data = { lines: `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`, field: field ?? '' };
            context.report({
              node,
              messageId: finding.kind,
              data: { name: finding.name, tls: finding.tls },
              suggest: [
                {
                  messageId: field === undefined ? 'addKeepAliveAtCallers' : 'addKeepAliveToField',
                  data,
                  fix: (fixer) => literals.map((literal) => addFirstProperty(fixer, literal, 'keepAlive: true')),
                },
              ],
            });
            return;
          }
          context.report({
            node,
            messageId: finding.kind,
            data: { name: finding.name, tls: finding.tls },
            suggest: [
              {
                messageId: 'addKeepAlive',
                fix: (fixer) => (object ? addFirstProperty(fixer, object, 'keepAlive: true') : addOptionsArgument(fixer, node)),
              },
            ],
          });
          return;
        }
        case 'proxyWithoutAgent':
          context.report({ node: finding.node, messageId: 'proxyWithoutAgent', data: { name: finding.name, tls: finding.tls } });
          return;
        case 'agentKeepAliveFalse':
          context.report({
            node: finding.property,
            messageId: 'agentKeepAliveFalse',
            data: { name: finding.name, tls: finding.tls },
            suggest: [{ messageId: 'setKeepAliveTrue', fix: (fixer) => fixer.replaceText(finding.property.value, 'true') }],
          });
          return;
        case 'agentFalse':
        case 'connectionClose':
        case 'pipeliningZero': {
          const { remove } = finding;
          const where = 'type' in finding.at ? { node: finding.at } : { loc: finding.at };
          context.report({
            ...where,
            messageId: finding.kind,
            suggest: remove
              ? [
                  {
                    messageId: REMOVAL_MESSAGES[finding.kind],
                    fix: (fixer) =>
                      Array.isArray(remove) ? fixer.removeRange(remove) : removePropertyFix(fixer, sourceCode, remove),
                  },
                ]
              : [],
          });
          return;
        }
      }
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
        const refs = callees.trackedRefsOf(node.callee);
        if (!refs) return;
        if (options.checkAgentOptions) {
          report(agentConstructionFinding(sourceCode, agentSpecs, node, refs));
          awsAgentOptionFindings(sourceCode, node, refs).forEach(report);
        }
        if (options.checkPipelining) report(undiciPipeliningFinding(sourceCode, node, refs));
      },
      CallExpression(node) {
        report(requests.ofSuperagentSet(node));
        report(requests.ofClientRequestSetHeader(node));
        const refs = callees.trackedRefsOf(node.callee);
        if (!refs) return;
        // Node's Agent may be called without `new` and behaves the same.
        if (options.checkAgentOptions) report(agentConstructionFinding(sourceCode, agentSpecs, node, refs));
        requests.ofRequestCall(node).forEach(report);
        if (options.checkAgentFalse) report(proxyWithoutAgentFinding(sourceCode, node, refs));
      },
      AssignmentExpression(node) {
        report(requests.ofAssignment(node));
      },
    };
  },
});

const REMOVAL_MESSAGES = {
  agentFalse: 'removeAgentFalse',
  connectionClose: 'removeConnectionClose',
  pipeliningZero: 'removePipelining',
} as const satisfies Record<RemovableSetting['kind'], MessageIds>;
