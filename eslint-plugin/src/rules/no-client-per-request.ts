/**
 * no-client-per-request: a connection-owning client built where it is rebuilt for every request,
 * message, iteration or call, so every run pays a new TCP+TLS handshake.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { functionName, functionUses, isFunctionNode } from '../analysis/call-graph';
import { ClientMatcher, type ClientConstruction } from '../analysis/client-constructions';
import { exportSpecSchema, type ExportSpec } from '../analysis/export-spec';
import { isLazyInitialization } from '../analysis/lazy-init';
import { POOL_OWNERS } from '../analysis/libraries/pool-owners';
import { THIN_WRAPPER_FACTORIES } from '../analysis/libraries/thin-wrappers';
import { planModuleScopeHoist, sharedNameFor } from '../analysis/module-scope-hoist';
import { staticPropertyName } from '../analysis/module-refs';
import { describeContext, findRequestContext, type ContextEnvironment } from '../analysis/request-context';
import { requestIndependentBindings } from '../analysis/request-independent';
import { handlerRegistrationSchema, readSharedSettings, type HandlerRegistration } from '../analysis/settings';
import { isSingleUse, traceLifetime, type LifetimeEnvironment } from '../analysis/single-use';
import { invocationUnit, isInsideTestCallback, isStartupOnly } from '../analysis/startup-only';
import { enclosingFunction } from '../analysis/value-use';
import { createRule } from '../util/create-rule';

export type Options = [
  {
    poolConstructors: ExportSpec[];
    handlerRegistrations: HandlerRegistration[];
  },
];
export type MessageIds = 'poolPerRequest' | 'poolClassPerRequest' | 'wrapperPerRequest' | 'hoistToModuleScope';

const ADVICE_HOIST = 'Create it once at module scope and reuse it.';
const ADVICE_KEYED_CACHE =
  'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.';

/** How many factory calls (`makeAgent()` returning the pool) to follow to where the pool is used. */
const MAX_FACTORY_HOPS = 3;

interface Finding {
  /** "in the request handler registered with `app.get()`" */
  readonly where: string;
  /** The pool is closed after use somewhere: a shared instance would be closed for everyone. */
  readonly closed: boolean;
}

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
        '`new {{client}}()` builds a connection pool in its constructor (`{{pool}}` on line {{line}}) and is created {{where}}, so each run opens new TCP+TLS connections. {{advice}}',
      wrapperPerRequest:
        '`{{client}}()` rebuilds the same client configuration {{where}}. It sends through the shared global agent, so this repeats setup work rather than opening connections; create it once at module scope and reuse it.',
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
    const sourceCode = context.sourceCode;
    const shared = readSharedSettings(context);
    const matcher = new ClientMatcher(sourceCode, [
      ...POOL_OWNERS,
      ...shared.poolConstructors,
      ...options.poolConstructors,
    ]);
    const contextEnv: ContextEnvironment = {
      sourceCode,
      filename: context.filename,
      extraRegistrations: [...shared.handlerRegistrations, ...options.handlerRegistrations],
    };
    const lifetimeEnv: LifetimeEnvironment = {
      sourceCode,
      isRequestCall: (call) => matcher.isRequestCall(call),
      isHolderCall: (call) =>
        call.type === AST_NODE_TYPES.NewExpression
          ? matcher.isPoolConstruction(call) || matcher.poolBuiltByClass(call) !== undefined
          : matcher.isWrapperConstruction(call),
    };

    /** Why the client built at `site` is rebuilt over and over, or undefined when it is not. */
    function findRebuild(
      site: TSESTree.Node,
      construction: ClientConstruction,
      argumentsAreStatic: boolean,
      hops: number,
    ): Finding | undefined {
      if (isInsideTestCallback(site) || isLazyInitialization(site, sourceCode)) return undefined;
      const lifetime = traceLifetime(site, lifetimeEnv);
      if (lifetime.stored) return undefined;
      const owner = enclosingFunction(site);
      if (lifetime.returned) return findRebuildThroughFactory(owner, construction, argumentsAreStatic, hops);
      if (!lifetime.used && !lifetime.handedOff) return undefined;

      const { perRequest, repeated } = findRequestContext(site, contextEnv);
      if (perRequest) return { where: describeContext(perRequest), closed: lifetime.closed };
      if (construction.kind === 'poolClass') return undefined;
      if (repeated && argumentsAreStatic) {
        const where = repeated.kind === 'loop' ? 'inside a loop, on every iteration' : `in ${repeated.description}, once per element`;
        return { where, closed: lifetime.closed };
      }
      if (!isSingleUse(lifetime) || !isFunctionNode(owner)) return undefined;
      const unit = invocationUnit(owner);
      if (isStartupOnly(unit, sourceCode)) return undefined;
      const name = isFunctionNode(unit) ? functionName(unit) : undefined;
      const fn = name ? `\`${name}()\`` : 'this function';
      return { where: `in ${fn}, which uses it for one call and then drops it`, closed: lifetime.closed };
    }

    /** `function makeAgent() { return new Agent() }`: judge each place that calls it. */
    function findRebuildThroughFactory(
      factory: TSESTree.Node,
      construction: ClientConstruction,
      argumentsAreStatic: boolean,
      hops: number,
    ): Finding | undefined {
      if (hops <= 0 || !isFunctionNode(factory)) return undefined;
      const name = functionName(factory);
      if (!name) return undefined;
      for (const use of functionUses(factory, sourceCode)) {
        if (use.kind !== 'call' || use.call.type !== AST_NODE_TYPES.CallExpression) continue;
        const finding = findRebuild(use.call, construction, argumentsAreStatic, hops - 1);
        if (finding) return { ...finding, where: `in \`${name}()\`, called ${finding.where}` };
      }
      return undefined;
    }

    function check(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const construction = matcher.classify(node);
      if (!construction) return;
      const bindings = requestIndependentBindings([node.callee, ...node.arguments], sourceCode.getScope(node));
      const argumentsAreStatic = bindings !== undefined;
      // A wrapper configured from request data (a per-user auth header) is meant to be per request.
      if (construction.kind === 'wrapper' && !argumentsAreStatic) return;
      const finding = findRebuild(node, construction, argumentsAreStatic, MAX_FACTORY_HOPS);
      if (!finding) return;
      report(construction, finding, bindings);
    }

    function report(
      construction: ClientConstruction,
      finding: Finding,
      bindings: ReadonlySet<TSESLint.Scope.Variable> | undefined,
    ): void {
      const node = construction.node;
      const hoist =
        bindings && !finding.closed
          ? planModuleScopeHoist(node, bindings, sharedNameFor(node.callee, construction.kind === 'wrapper'), sourceCode)
          : undefined;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = hoist
        ? [{ messageId: 'hoistToModuleScope', data: { name: hoist.name }, fix: hoist.fix }]
        : [];
      const client = calleeText(node.callee);
      const advice = bindings ? ADVICE_HOIST : ADVICE_KEYED_CACHE;
      if (construction.kind === 'wrapper') {
        context.report({ node, messageId: 'wrapperPerRequest', data: { client, where: finding.where }, suggest });
      } else if (construction.kind === 'poolClass') {
        context.report({
          node,
          messageId: 'poolClassPerRequest',
          data: {
            client,
            where: finding.where,
            advice,
            pool: `new ${calleeText(construction.pool.callee)}()`,
            line: construction.pool.loc.start.line,
          },
          suggest,
        });
      } else {
        context.report({
          node,
          messageId: 'poolPerRequest',
          data: { client: `new ${client}()`, where: finding.where, advice },
          suggest,
        });
      }
    }

    function calleeText(callee: TSESTree.Node): string {
      const text = sourceCode.getText(callee).replace(/\s+/g, '');
      return text.length <= 40 ? text : `…${text.slice(-39)}`;
    }

    return {
      NewExpression: check,
      CallExpression(node) {
        if (mayBeWrapperFactory(node.callee)) check(node);
      },
    };
  },
});

/** Cheap pre-filter before import resolution: the callee's last name is a known factory name. */
const WRAPPER_FACTORY_NAMES: ReadonlySet<string> = new Set(
  THIN_WRAPPER_FACTORIES.flatMap((spec) => (typeof spec.name === 'string' ? [spec.name] : [...spec.name])),
);

function mayBeWrapperFactory(callee: TSESTree.Node): boolean {
  const member = callee.type === AST_NODE_TYPES.ChainExpression ? callee.expression : callee;
  if (member.type === AST_NODE_TYPES.Identifier) return WRAPPER_FACTORY_NAMES.has(member.name);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticPropertyName(member);
  return name !== undefined && WRAPPER_FACTORY_NAMES.has(name);
}
