/**
 * no-client-per-request: a connection-owning client built where it is rebuilt for every request,
 * message, iteration or call, so every run pays a new TCP+TLS handshake.
 */
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientConstruction } from '../analysis/client-lifetime/client-constructions';
import { planModuleScopeHoist, sharedNameFor, type HoistedKind } from '../analysis/client-lifetime/module-scope-hoist';
import { RebuildFinder, type Rebuild } from '../analysis/client-lifetime/rebuilds';
import { exportSpecSchema, type ExportSpec } from '../analysis/imports/export-spec';
import { moduleSummariesOf } from '../analysis/modules';
import { handlerRegistrationSchema, readSharedSettings, type HandlerRegistration } from '../analysis/settings';
import { isTestFile } from '../analysis/contexts/startup-only';
import { createRule } from '../util/create-rule';

export type Options = [
  {
    poolConstructors: ExportSpec[];
    handlerRegistrations: HandlerRegistration[];
  },
];
export type MessageIds =
  | 'poolPerRequest'
  | 'poolClassPerRequest'
  | 'factoryPerRequest'
  | 'setterPerRequest'
  | 'helperPerRequest'
  | 'wrapperPerRequest'
  | 'sdkClientPerRequest'
  | 'sdkBuilderPerRequest'
  | 'wrapperBuilderPerRequest'
  | 'hoistToModuleScope';

const ADVICE_HOIST = 'Create it once at module scope and reuse it.';
const ADVICE_CALL_ONCE = 'It builds the same client whatever it is passed: call it once, outside the loop or at module scope, and reuse the result.';
const ADVICE_KEYED_CACHE =
  'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.';

export default createRule<Options, MessageIds>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow building a connection-pooling HTTP client per request, message, iteration or call',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      poolPerRequest:
        '`{{client}}` owns a connection pool and is created {{where}}, so each run opens new TCP+TLS connections instead of reusing kept-alive sockets. {{advice}}',
      poolClassPerRequest:
        '`new {{client}}()` builds a connection pool in its constructor (`{{pool}}` {{at}}) and is created {{where}}, so each run opens new TCP+TLS connections. {{advice}}',
      factoryPerRequest:
        '`{{client}}()` builds a new connection pool on every call (`{{pool}}` {{at}}) and is called {{where}}, so each run opens new TCP+TLS connections. {{advice}}',
      setterPerRequest:
        '`{{client}}()` builds a new connection pool on every call and keeps it in {{place}} (`{{pool}}` {{at}}), and is called {{where}}, so each run replaces the client and opens new TCP+TLS connections. Call it once at startup (module scope or a constructor), or only when the configuration changes.',
      helperPerRequest:
        '`{{client}}()` builds a new connection pool on every call and drops it after that call (`{{pool}}` {{at}}), and is called {{where}}, so each run opens new TCP+TLS connections. Create the client once in that module (at module scope, or memoised) and have the helper reuse it.',
      wrapperPerRequest:
        '`{{client}}()` rebuilds the same client configuration {{where}}. It sends through the shared global agent, so this repeats setup work rather than opening connections; create it once at module scope and reuse it.',
      sdkClientPerRequest:
        '`{{client}}` is created {{where}}. Every {{sdk}} client sends through one transport shared by the whole process, so this repeats client setup (configuration, credentials) on every run rather than opening connections; create it once at module scope and reuse it.',
      sdkBuilderPerRequest:
        '`{{client}}` builds a new {{sdk}} client every time it runs (`{{built}}` {{at}}) and is called {{where}}. Every {{sdk}} client sends through one transport shared by the whole process, so this repeats client setup (configuration, credentials) on every run rather than opening connections; create it once at module scope and reuse it.',
      wrapperBuilderPerRequest:
        '`{{client}}` builds a new `{{built}}` client every time it runs ({{at}}) and is called {{where}}. It sends through the shared global agent, so this repeats setup work rather than opening connections; create it once at module scope and reuse it.',
      hoistToModuleScope: 'Create it once at module scope as `{{name}}` and reuse it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          poolConstructors: {
            type: 'array',
            description:
              'Extra constructors that own a connection pool, e.g. { from: "package", package: "@acme/http", name: "HttpClient" }.',
            items: exportSpecSchema,
          },
          handlerRegistrations: {
            type: 'array',
            description:
              'Extra calls that register a callback run once per request or message, e.g. { object: "bus", method: "subscribe", argument: 1 }.',
            items: handlerRegistrationSchema,
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ poolConstructors: [], handlerRegistrations: [] }],
  create(context, [options]) {
    // Test code builds clients for one test, not per request (see RebuildFinder).
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const shared = readSharedSettings(context);
    const finder = new RebuildFinder({
      sourceCode,
      filename: context.filename,
      summaries: () => moduleSummariesOf(context),
      configuredPoolOwners: [...shared.poolConstructors, ...options.poolConstructors],
      extraRegistrations: [...shared.handlerRegistrations, ...options.handlerRegistrations],
    });

    // Most files import nothing that builds a client: no listeners for them.
    if (!finder.mayBuildInFile()) return {};

    function report(rebuild: Rebuild): void {
      const { construction, bindings } = rebuild;
      const node = construction.node;
      const hoist =
        bindings && !rebuild.closed
          ? planModuleScopeHoist(node, bindings, sharedNameFor(nameSource(construction), hoistedKind(construction)), sourceCode)
          : undefined;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = hoist
        ? [{ messageId: 'hoistToModuleScope', data: { name: hoist.name }, fix: hoist.fix }]
        : [];
      const client = calleeText(node.callee);
      const advice = bindings ? ADVICE_HOIST : rebuild.sameEveryCall ? ADVICE_CALL_ONCE : ADVICE_KEYED_CACHE;
      const where = rebuild.where;
      if (construction.kind === 'wrapper') {
        context.report({ node, messageId: 'wrapperPerRequest', data: { client, where }, suggest });
      } else if (construction.kind === 'sharedAgentClient') {
        const label = node.type === AST_NODE_TYPES.NewExpression ? `new ${client}()` : `${client}()`;
        context.report({ node, messageId: 'sdkClientPerRequest', data: { client: label, sdk: construction.sdk, where }, suggest });
      } else if (construction.kind === 'builder') {
        const { built } = construction;
        const at =
          built.file === context.filename
            ? `on line ${built.line}`
            : `in ${path.relative(path.dirname(context.filename), built.file).split(path.sep).join('/')}:${built.line}`;
        if (built.wrapper) {
          const label = node.type === AST_NODE_TYPES.NewExpression ? `new ${client}()` : `${client}()`;
          context.report({ node, messageId: 'wrapperBuilderPerRequest', data: { client: label, built: built.client, where, at }, suggest });
          return;
        }
        if (built.sdk !== undefined) {
          const label = node.type === AST_NODE_TYPES.NewExpression ? `new ${client}()` : `${client}()`;
          // A helper that builds the client for its own use does work on every call: nothing to hoist.
          const sdkSuggest = built.dropped ? [] : suggest;
          context.report({ node, messageId: 'sdkBuilderPerRequest', data: { client: label, sdk: built.sdk, built: built.client, where, at }, suggest: sdkSuggest });
          return;
        }
        if (built.dropped) {
          context.report({ node, messageId: 'helperPerRequest', data: { client, where, pool: built.client, at } });
          return;
        }
        if (built.storedIn !== undefined) {
          context.report({ node, messageId: 'setterPerRequest', data: { client, where, place: built.storedIn, pool: built.client, at } });
          return;
        }
        context.report({
          node,
          messageId: node.type === 'NewExpression' ? 'poolClassPerRequest' : 'factoryPerRequest',
          data: { client, where, advice, pool: built.client, at },
          suggest,
        });
      } else {
        const label = node.type === AST_NODE_TYPES.NewExpression ? `new ${client}()` : `${client}()`;
        context.report({ node, messageId: 'poolPerRequest', data: { client: label, where, advice }, suggest });
      }
    }

    function calleeText(callee: TSESTree.Node): string {
      const text = sourceCode.getText(callee).replace(/\s+/g, '');
      return text.length <= 40 ? text : `…${text.slice(-39)}`;
    }

    function check(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const rebuild = finder.find(node);
      if (rebuild) report(rebuild);
    }

    return {
      NewExpression: check,
      CallExpression(node) {
        if (finder.mayBuildClient(node)) check(node);
      },
    };
  },
});

/** What the shared name is derived from: `BlobServiceClient` for `BlobServiceClient.fromConnectionString()`. */
function nameSource(construction: ClientConstruction): TSESTree.Node {
  const { node } = construction;
  const staticFactory =
    construction.kind === 'sharedAgentClient' &&
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression;
  return staticFactory ? (node.callee as TSESTree.MemberExpression).object : node.callee;
}

function hoistedKind(construction: ClientConstruction): HoistedKind {
  if (construction.kind === 'wrapper') return 'wrapperFactory';
  // `getStripe()`, `createClient()`, `twilio()`: named after the function, without its verb.
  return construction.node.type === AST_NODE_TYPES.CallExpression ? 'builderCall' : 'construction';
}
