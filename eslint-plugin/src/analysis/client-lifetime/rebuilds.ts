/**
 * Rebuilt clients: is the client a construction builds thrown away and built again for every
 * request, message, iteration or call?
 *
 * A construction is a rebuild when its value does not outlive the run of its function (it is used
 * or handed on, never stored or memoised) and that function runs again and again: it is a request
 * handler or called from one, it sits in a loop, or it uses the client for one call and drops it.
 * A factory that returns the client is judged at each place that calls it.
 *
 * Some stores do not keep the client across requests either: one that replaces a process-wide
 * client on every run (`setGlobalDispatcher(new Agent())`, `https.globalAgent = ...`, a module-level
 * `let` overwritten without a lazy guard), one on the request object of a handler (`req.s3 = ...`),
 * and a value a per-request callback returns to its framework (Apollo's `context` function).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { commonJsExportProperty } from '../../ast/commonjs-export-property';
import { enclosingFunction } from '../../ast/enclosing-function';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { staticPropertyName } from '../../ast/static-property-name';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { stripWrappers } from '../../ast/strip-wrappers';
import { moduleSpecifierOfLoad, resolveModuleRefs } from '../imports/module-refs';
import { calledFunction, classOfMember, functionUses } from '../contexts/call-graph';
import { functionName } from '../../ast/function-name';
import {
  describeContext,
  describeRepetition,
  enclosingLoop,
  findRequestContext,
  registrationContext,
  type ContextEnvironment,
  type RequestContext,
} from '../contexts/request-context';
import { invocationUnit, isInsideTestCallback, isStartupOnly, isTestFile } from '../contexts/startup-only';
import type { ExportSpec } from '../imports/export-spec';
import { THIN_WRAPPER_FACTORIES } from '../libraries/thin-wrappers';
import { AZURE_SDK_CLIENT_FACTORY_METHODS } from '../libraries/azure-sdk';
import type { HandlerRegistration } from '../settings';
import { conditionsAtCall, guardConditions } from './build-conditions';
import type { BuiltClient, ClientBuilders } from './client-builders';
import type { ClientConstruction, ClientMatcher } from './client-constructions';
import { ImportedClients, moduleView } from './imported-clients';
import { isLazyInitialization } from './lazy-init';
import { rebuildingCaller } from './rebuilding-callers';
import { isLoopInvariant } from './loop-invariant';
import { isConstructor, isGuardedByMissingCheck, usesModuleAfter } from './setter-calls';
import { isSameOnEveryRun, requestIndependentBindings } from './request-independent';
import { requestScopedConstructorContext } from '../contexts/request-scoped-providers';
import { dataSourceHookContext } from '../contexts/client-library-hooks';
import { isSingleUse, traceLifetime, type Lifetime, type LifetimeEnvironment, type ProcessWidePlace } from './single-use';
import { mayMatterInFile, type ModuleSummaries } from '../modules';
import { namesGlobalOf } from '../imports/package-mentions';
import { clientTextHint } from './client-text-hint';
import { POOL_OWNERS } from '../libraries/pool-owners';
import { requestStepOption } from './request-step-overrides';
import { findVariable } from '../../ast/find-variable';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many factory calls (`makeAgent()` returning the pool) to follow to where the pool is used. */
const MAX_FACTORY_HOPS = 3;

export interface RebuildEnvironment {
  readonly sourceCode: SourceCode;
  /**
   * The module summaries of the linted file, when available (asked for on first use): calls into
   * project modules are followed.
   */
  readonly summaries?: () => ModuleSummaries | undefined;
  readonly filename: string;
  /** Constructors that own a connection pool besides the built-in table (options, settings). */
  readonly configuredPoolOwners: readonly ExportSpec[];
  /** Configured calls that register a per-request callback. */
  readonly extraRegistrations: readonly HandlerRegistration[];
}

export interface Rebuild {
  readonly construction: ClientConstruction;
  /** "in the request handler registered with `app.get()`" */
  readonly where: string;
  /** The client is closed after use somewhere: a shared instance would be closed for everyone. */
  readonly closed: boolean;
  /**
   * The module-scope variables the construction reads when it is the same on every run (so it can
   * move to module scope), undefined when it depends on the call.
   */
  readonly bindings: ReadonlySet<TSESLint.Scope.Variable> | undefined;
  /** The call builds the same client whatever it passes (its factory ignores the arguments). */
  readonly sameEveryCall?: boolean;
}

interface Finding {
  readonly where: string;
  readonly closed: boolean;
  /** Built anew on each iteration of a loop from that iteration's data and used once, never closed. */
  readonly perIteration?: true;
}

export class RebuildFinder {
  private readonly matcher: ClientMatcher;
  private readonly builders: ClientBuilders;
  private readonly imported: ImportedClients | undefined;
  private readonly contextEnv: ContextEnvironment;
  private readonly lifetimeEnv: LifetimeEnvironment;
  private readonly inTestFile: boolean;

  private readonly poolOwners: readonly ExportSpec[];
  /** Identifies the configured pool owners in cached answers and text hints. */
  private readonly ownersKey: string;

  constructor(private readonly env: RebuildEnvironment) {
    const poolOwners = [...POOL_OWNERS, ...env.configuredPoolOwners];
    this.poolOwners = poolOwners;
    this.ownersKey = JSON.stringify(env.configuredPoolOwners);
    this.imported = env.summaries && new ImportedClients(env.summaries, poolOwners, this.ownersKey);
    const view = moduleView({ file: env.filename, sourceCode: env.sourceCode, poolOwners, imported: this.imported });
    this.matcher = view.matcher;
    this.builders = view.builders;
    this.lifetimeEnv = view.lifetimeEnv;
    this.inTestFile = isTestFile(env.filename);
    this.contextEnv = {
      sourceCode: env.sourceCode,
      filename: env.filename,
      extraRegistrations: env.extraRegistrations,
    };
  }

  /**
   * False when no client can be built in this file: it imports no package that builds, configures or
   * installs one (nor names a configured global pool constructor), and no project module it imports
   * does, a few modules deep. Checked once, before any listener runs.
   */
  mayBuildInFile(): boolean {
    const text = this.env.sourceCode.text;
    if (namesGlobalOf(text, this.env.configuredPoolOwners)) return true;
    const hint = clientTextHint(this.poolOwners, this.ownersKey);
    return mayMatterInFile(text, hint, this.imported && this.env.summaries);
  }

  /**
   * Cheap pre-filter for calls, before import resolution: may `call` build a client? A thin
   * wrapper factory by name, or a call of an imported function whose result is used.
   */
  mayBuildClient(call: TSESTree.CallExpression): boolean {
    if (mayBeWrapperFactory(call.callee)) return true;
    return this.imported !== undefined && isImportedCall(call, this.env.sourceCode, { discarded: true });
  }

  /** Why the client `node` builds is rebuilt again and again, or undefined when it is not. */
  find(node: TSESTree.NewExpression | TSESTree.CallExpression): Rebuild | undefined {
    if (this.inTestFile) return undefined;
    const known = this.matcher.classify(node);
    // Walks the callee and arguments (a `new Promise(...)` executor can be long): only asked for
    // once the construction may be reported.
    const bindingsOf = () => requestIndependentBindings([node.callee, ...node.arguments], this.env.sourceCode.getScope(node));
    if (!known) return this.findBuilderRebuild(node, bindingsOf) ?? this.findSetterRebuild(node) ?? this.findHelperRebuild(node);
    const bindings = bindingsOf();
    const argumentsAreStatic = bindings !== undefined || isSameOnEveryRun([node.callee, ...node.arguments], this.env.sourceCode.getScope(node));
    const construction = known;
    // A wrapper or SDK client configured from request data (a per-user auth header, per-tenant
    // credentials) is meant to be per request.
    const setupOnly = construction.kind === 'wrapper' || construction.kind === 'sharedAgentClient';
    if (setupOnly && !argumentsAreStatic) return undefined;
    const finding = this.findRebuild(node, construction, argumentsAreStatic, MAX_FACTORY_HOPS);
    return finding && { construction, ...finding, bindings };
  }

  /**
   * The construction's callee and arguments are the same on every iteration of the `for...of` /
   * `for...in` loop around `site` (a loop over data; counted and `while` loops are often retries or
   * reconnects, where a fresh client can be the point).
   */
  private argumentsInvariantInLoop(construction: TSESTree.NewExpression | TSESTree.CallExpression, site: TSESTree.Node): boolean {
    const loop = enclosingLoop(site, enclosingFunction(site));
    return (
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      isLoopInvariant([construction.callee, ...construction.arguments], loop, this.env.sourceCode.getScope(construction))
    );
  }

  /**
   * `new Service()` of a class (of this file or imported) whose constructor builds a pool;
   * `makeAgent()` of an imported factory that builds one on every call. Factories of this file are
   * judged where they construct the pool instead. What the callee builds is asked last, only where
   * a client would be reported: reading another module costs a parse.
   */
  private findBuilderRebuild(
    node: TSESTree.NewExpression | TSESTree.CallExpression,
    bindingsOf: () => ReadonlySet<TSESLint.Scope.Variable> | undefined,
  ): Rebuild | undefined {
    if (enclosingFunction(node).type === AST_NODE_TYPES.Program && !enclosingLoop(node, this.env.sourceCode.ast)) {
      return undefined; // module scope runs once
    }
    const classNode = node.type === AST_NODE_TYPES.NewExpression ? this.builders.localClass(node) : undefined;
    const local = !classNode && node.type === AST_NODE_TYPES.CallExpression && calledFunction(node, this.env.sourceCode);
    if (local) return undefined;
    // Only a class of this file, or an import whose module may reach a client package, can build
    // one; everything else (`new Map()`, `new URL()`, a package's helper) is not asked about at all.
    if (!classNode && !this.imported?.mayBuild(node, this.env.sourceCode)) return undefined;
    const bindings = bindingsOf();
    // Where would a client built here be reported? (`built` is not consulted by findRebuild.)
    const candidate: ClientConstruction = { kind: 'builder', node, built: { client: '', file: '', line: 0 } };
    let finding = this.findRebuild(node, candidate, bindings !== undefined, MAX_FACTORY_HOPS);
    const buildOf = () => (classNode ? this.builders.builtByClass(classNode) : this.imported?.builtBy(node, this.env.sourceCode));
    let built: BuiltClient | undefined;
    let sameEveryCall = false;
    if ((!finding || finding.perIteration) && bindings === undefined && enclosingLoop(node, enclosingFunction(node))) {
      // `request(u, { dispatcher: dispatcherFor(u) })` in a loop: when the factory ignores its
      // arguments, every iteration builds the same client.
      built = buildOf();
      const everyIteration = built?.argumentFree && this.findRebuild(node, candidate, true, MAX_FACTORY_HOPS);
      if (everyIteration) {
        finding = everyIteration;
        sameEveryCall = true;
      }
    }
    if (!finding) return undefined;
    built ??= buildOf();
    // `new S3Locker({ s3Client: shared })` skips the construction; a call site that does not show
    // whether it runs (`new S3Locker(options)`) is not reported.
    if (!built || conditionsAtCall(built.unless, node, undefined, this.env.sourceCode).kind !== 'built') return undefined;
    if (built.sdk || built.wrapper) {
      // Repeated setup is reported where `new Stripe(key)` / `axios.create(config)` itself would be.
      const asSetup: ClientConstruction =
        built.sdk !== undefined
          ? { kind: 'sharedAgentClient', node, sdk: built.sdk }
          : { kind: 'wrapper', node: node as TSESTree.CallExpression };
      const setupFinding = bindings && this.findRebuild(node, asSetup, true, MAX_FACTORY_HOPS);
      return setupFinding ? { construction: { kind: 'builder', node, built }, ...setupFinding, bindings } : undefined;
    }
    return { construction: { kind: 'builder', node, built }, ...finding, bindings, sameEveryCall };
  }

  /**
   * `S3.setConfig(config)` of an imported setter that builds a client and keeps it in its module's
   * state on every call (setter-calls.ts): rebuilt when the call runs per request, or when its
   * function is not startup code and goes on to use that module itself.
   */
  private findSetterRebuild(node: TSESTree.NewExpression | TSESTree.CallExpression): Rebuild | undefined {
    const sourceCode = this.env.sourceCode;
    const owner = enclosingFunction(node);
    if (node.type !== AST_NODE_TYPES.CallExpression || !isFunctionNode(owner) || !isImportedCall(node, sourceCode, { discarded: true })) {
      return undefined;
    }
    if (isInsideTestCallback(node) || isConstructor(owner) || isGuardedByMissingCheck(node, owner)) return undefined;
    if (!this.imported?.mayBuild(node, sourceCode)) return undefined;
    const [ref] = resolveModuleRefs(node.callee, sourceCode.getScope(node)) ?? [];
    if (!ref) return undefined;
    const { perRequest } = findRequestContext(node, this.contextEnv);
    let where: string | undefined;
    if (perRequest) where = describeContext(perRequest);
    else {
      const unit = invocationUnit(owner);
      if (!isFunctionNode(unit) || isConstructor(unit) || isStartupOnly(unit, sourceCode)) return undefined;
      if (!usesModuleAfter(node, owner, ref.module, sourceCode)) return undefined;
      const name = functionName(unit);
      where = `in ${name ? `\`${name}()\`` : 'this function'}, which goes on to use that module on every run`;
    }
    const built = this.imported.installedBy(node, sourceCode);
    if (!built || conditionsAtCall(built.unless, node, undefined, sourceCode).kind !== 'built') return undefined;
    return { construction: { kind: 'builder', node, built }, where, closed: false, bindings: undefined };
  }

  /**
   * `await downloadFile(key)` of an imported helper that builds a pool on every call and uses it for
   * that call only (`const s3 = getClient(); await s3.send(cmd)` in lib/storage.ts), called per
   * request or on every iteration of a loop. The helper's module reports the construction as
   * single-use; here, the call names the request path that pays for it. Helpers of this file are
   * judged at their construction only.
   */
  private findHelperRebuild(node: TSESTree.NewExpression | TSESTree.CallExpression): Rebuild | undefined {
    const sourceCode = this.env.sourceCode;
    if (node.type !== AST_NODE_TYPES.CallExpression || isInsideTestCallback(node)) return undefined;
    if (!this.imported?.mayBuild(node, sourceCode)) return undefined;
    const { perRequest, repeated } = findRequestContext(node, this.contextEnv);
    const where = perRequest
      ? describeContext(perRequest)
      : repeated?.kind === 'loop' && repeated.via.length === 0
        ? describeRepetition(repeated)
        : undefined;
    if (where === undefined) return undefined;
    const built = this.imported.droppedBy(node, sourceCode);
    if (!built || conditionsAtCall(built.unless, node, undefined, sourceCode).kind !== 'built') return undefined;
    return { construction: { kind: 'builder', node, built }, where, closed: false, bindings: undefined };
  }

  /** Why the client built at `site` is rebuilt over and over, or undefined when it is not. */
  private findRebuild(
    site: TSESTree.Node,
    construction: ClientConstruction,
    argumentsAreStatic: boolean,
    hops: number,
  ): Finding | undefined {
    const sourceCode = this.env.sourceCode;
    if (isInsideTestCallback(site) || isLazyInitialization(site, sourceCode)) return undefined;
    const lifetime = traceLifetime(site, this.lifetimeEnv);
    const owner = enclosingFunction(site);
    if (lifetime.storedOnThis !== undefined && isFunctionNode(owner) && construction.kind === 'pool') {
      return this.findReplacementOnThis(site, owner, lifetime.storedOnThis, lifetime.closed);
    }
    if (lifetime.storedProcessWide && isFunctionNode(owner) && (construction.kind === 'pool' || construction.kind === 'builder')) {
      return this.findProcessWideReplacement(site, owner, lifetime.storedProcessWide, lifetime.closed);
    }
    if (lifetime.storedOnParameters && isFunctionNode(owner)) {
      // `app.use((req, res, next) => { req.s3 = new S3Client(); next(); })`: the request object
      // lives for one request, and so does what it holds.
      const handler = ownRegistration(owner, this.contextEnv) ?? dataSourceHookContext(owner, this.contextEnv);
      if (!handler || (handler.kind !== 'request' && handler.kind !== 'message')) return undefined;
      const targets = lifetime.storedOnParameters.map((text) => `\`${text}\``).join(', ');
      return { where: `in ${handler.description}, which keeps it on ${targets} for that ${handler.kind} only`, closed: lifetime.closed };
    }
    if (lifetime.storedInCollection !== undefined && isFunctionNode(owner)) {
      // `openPools.add(new Pool(origin))` in a request handler: one more pool on every request. Only
      // in the handler itself: a helper that adds to a cache may be called behind a lookup
      // (`pools.get(origin) ?? createPool(origin)`).
      const { perRequest } = findRequestContext(site, this.contextEnv);
      if (perRequest?.via.length === 0) {
        return { where: `${describeContext(perRequest)}, which adds it to \`${lifetime.storedInCollection}\` every time`, closed: lifetime.closed };
      }
    }
    if (lifetime.stored && isFunctionNode(owner)) {
      // A request-scoped NestJS provider keeps it on an instance Nest builds for every request.
      const scoped = requestScopedConstructorContext(owner, this.contextEnv);
      return scoped && { where: describeContext(scoped), closed: lifetime.closed };
    }
    if (lifetime.stored) return undefined;
    if (lifetime.returned && isFunctionNode(owner)) {
      // Apollo's `context: async () => ({ dataSources: { weather: new WeatherAPI() } })`: the
      // framework calls it once per request and gets a new client every time.
      const handler = ownRegistration(owner, this.contextEnv);
      if (handler?.kind === 'request' || handler?.kind === 'message') {
        return { where: `in ${handler.description}, which returns a new one every time`, closed: lifetime.closed };
      }
    }
    if (lifetime.returned) return this.findRebuildThroughFactory(site, owner, construction, argumentsAreStatic, hops);
    if (!lifetime.used && !lifetime.handedOff) return undefined;

    const { perRequest, repeated } = findRequestContext(site, this.contextEnv);
    if (perRequest) return { where: describeContext(perRequest), closed: lifetime.closed };
    // The same client built on every iteration of a loop it is used in: its arguments do not
    // change between iterations (`new Forwarder(target)` inside `for (const line of lines)`).
    if (
      repeated?.kind === 'loop' &&
      repeated.via.length === 0 &&
      site === construction.node &&
      construction.kind !== 'sharedAgentClient' &&
      lifetime.used &&
      !lifetime.handedOff &&
      this.argumentsInvariantInLoop(construction.node, site)
    ) {
      return { where: describeRepetition(repeated), closed: lifetime.closed };
    }
    // Repeated setup matters where it repeats per request, not in every helper that runs it once.
    if (construction.kind === 'sharedAgentClient') return undefined;
    if (repeated && argumentsAreStatic) {
      return { where: describeRepetition(repeated), closed: lifetime.closed };
    }
    if (!isSingleUse(lifetime) || !isFunctionNode(owner)) return undefined;
    const unit = invocationUnit(owner);
    if (isStartupOnly(unit, sourceCode)) return undefined;
    const name = isFunctionNode(unit) ? functionName(unit) : undefined;
    const fn = name ? `\`${name}()\`` : 'this function';
    if ((repeated?.kind === 'loop' || repeated?.kind === 'iteration') && repeated.via.length === 0) {
      // A client per iteration (or per element of `accounts.map()`) that is closed after its one use
      // (`pingAll(origins)`, a retry that closes the failed client, per-account credentials) is a
      // deliberate lifecycle; one left open piles up pools.
      if (lifetime.closed) return undefined;
      const each = repeated.kind === 'loop' ? 'on every iteration of a loop' : `once per element (${repeated.description})`;
      return {
        where: `in ${fn} ${each}, which uses each one for one call and then drops it`,
        closed: false,
        perIteration: true,
      };
    }
    return { where: `in ${fn}, which uses it for one call and then drops it`, closed: lifetime.closed };
  }

  /**
   * `send() { this.agent = new Agent(); ... }`: a method that replaces the instance's client every
   * time it runs. It is a rebuild when the method runs per request, or when it only builds the
   * client for its own use (no other member reads `this.agent`) and then sends through it.
   */
  private findReplacementOnThis(
    site: TSESTree.Node,
    method: FunctionNode,
    key: string,
    closed: boolean,
  ): Finding | undefined {
    const { perRequest } = findRequestContext(site, this.contextEnv);
    if (perRequest) return { where: describeContext(perRequest), closed };
    const classNode = classOfMember(method);
    if (!classNode) return undefined;
    const reads = thisPropertyReads(classNode, key, this.env.sourceCode);
    if (reads.some((read) => enclosingMethod(read) !== method)) {
      // `dispatch() { await this.connect(); return this.sqs.send(cmd); }`
      const caller = rebuildingCaller(site, method, reads, this.env.sourceCode, this.lifetimeEnv);
      if (!caller) return undefined;
      const name = functionName(method) ?? 'this method';
      const callerName = functionName(caller) ?? 'another method';
      return { where: `in \`${name}()\`, which replaces \`this.${key}\` every time \`${callerName}()\` calls it`, closed };
    }
    const lifetimes = reads.map((read) => traceLifetime(read, this.lifetimeEnv));
    const usedHere = lifetimes.some((lifetime) => lifetime.used && !lifetime.usedRepeatedly);
    if (!usedHere || lifetimes.some((lifetime) => lifetime.stored || lifetime.handedOff || lifetime.returned)) {
      return undefined;
    }
    if (isStartupOnly(method, this.env.sourceCode)) return undefined;
    const name = functionName(method) ?? 'this method';
    return { where: `in \`${name}()\`, which replaces \`this.${key}\` on every call`, closed };
  }

  /**
   * `setGlobalDispatcher(new ProxyAgent(proxy))`, `https.globalAgent = new https.Agent()`, `agent =
   * new Agent()` on a module-level `let`, without a lazy guard: every run replaces the process-wide
   * client with a new pool. A rebuild when the function runs per request, or when it sends through
   * the new client itself (a `fetchWithProxy()` helper) and is not startup code. A module-level
   * variable (or CommonJS export: `exports.client`) that other functions read, and that this one
   * does not use, is a reconfiguration — unless a per-request handler calls this function to set
   * it (a setter called on every request).
   */
  private findProcessWideReplacement(
    site: TSESTree.Node,
    fn: FunctionNode,
    place: ProcessWidePlace,
    closed: boolean,
  ): Finding | undefined {
    const sourceCode = this.env.sourceCode;
    const reads = place.variable
      ? readsOutside(place.variable, fn)
      : place.exportName !== undefined
        ? exportReadsOutside(place.exportName, fn, sourceCode)
        : undefined;
    const usedHere =
      place.variable || place.exportName !== undefined
        ? usedOnlyHere((reads?.inside ?? []).map((read) => traceLifetime(read, this.lifetimeEnv)))
        : sendsRequestAfter(fn, site, this.matcher, sourceCode);
    const readElsewhere = (reads?.outside ?? 0) > 0;
    const replacing = `replacing ${place.label} each time`;
    const { perRequest } = findRequestContext(site, this.contextEnv);
    // A handler that itself replaces a client other functions read is a reconfiguration (an admin
    // route); a setter it calls (`setConfig(c)`, `via` not empty) rebuilds the client every request.
    if (perRequest && (usedHere || !readElsewhere || perRequest.via.length > 0)) {
      return { where: `${describeContext(perRequest)}, ${replacing}`, closed };
    }
    if (!usedHere || readElsewhere) return undefined;
    const unit = invocationUnit(fn);
    if (isStartupOnly(unit, sourceCode)) return undefined;
    const name = isFunctionNode(unit) ? functionName(unit) : undefined;
    const where = name ? `in \`${name}()\`, which replaces ${place.label} on every call` : `in this function, ${replacing}`;
    return { where, closed };
  }

  /**
   * `function makeAgent() { return new Agent() }`: judge each place that calls it. A call that
   * brings its own client (`makeClient({ client: shared })` for `opts.client ?? new Client()`), or
   * does not show whether it does, builds nothing.
   */
  private findRebuildThroughFactory(
    built: TSESTree.Node,
    factory: TSESTree.Node,
    construction: ClientConstruction,
    argumentsAreStatic: boolean,
    hops: number,
  ): Finding | undefined {
    if (hops <= 0 || !isFunctionNode(factory)) return undefined;
    const name = functionName(factory);
    if (!name) return undefined;
    // `prepareRequest()` of a subclass: its base class calls it for every request it sends.
    const option = requestStepOption(factory, this.env.sourceCode);
    if (option !== undefined) {
      return { where: `in \`${name}()\`, which its base class calls for each request and which returns it in new request options (\`${option}\`)`, closed: false };
    }
    const conditions = guardConditions(built, factory, this.env.sourceCode);
    for (const use of functionUses(factory, this.env.sourceCode)) {
      // A getter runs at every access, like a call: `this.pool.request()`.
      const site =
        use.kind === 'read' ? use.node : use.kind === 'call' && use.call.type === AST_NODE_TYPES.CallExpression ? use.call : undefined;
      if (!site) continue;
      if (use.kind === 'call' && conditionsAtCall(conditions, use.call, undefined, this.env.sourceCode).kind !== 'built') {
        continue;
      }
      const finding = this.findRebuild(site, construction, argumentsAreStatic, hops - 1);
      if (!finding) continue;
      const where =
        use.kind === 'read'
          ? `in the getter \`${name}\`, read ${finding.where}`
          : `in \`${name}()\`, called ${finding.where}`;
      return { ...finding, where };
    }
    return undefined;
  }
}

/** The callee's last name is a known factory name. */
const WRAPPER_FACTORY_NAMES: ReadonlySet<string> = new Set(
  THIN_WRAPPER_FACTORIES.flatMap((spec) => (typeof spec.name === 'string' ? [spec.name] : [...spec.name])),
);

/** The callee's last name is a thin wrapper factory or an SDK client's static factory. */
function mayBeWrapperFactory(callee: TSESTree.Node): boolean {
  const member = stripWrappers(callee, { typeAssertions: false });
  if (member.type === AST_NODE_TYPES.Identifier) return WRAPPER_FACTORY_NAMES.has(member.name);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticPropertyName(member);
  return name !== undefined && (WRAPPER_FACTORY_NAMES.has(name) || AZURE_SDK_CLIENT_FACTORY_METHODS.has(name));
}

/** The context `fn` itself is registered for (`app.use(fn)`, an exported Lambda handler), if any. */
function ownRegistration(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  for (const use of functionUses(fn, env.sourceCode)) {
    if (use.kind !== 'value') continue;
    const context = registrationContext(use.node, env);
    if (context) return context;
  }
  return undefined;
}

/** The reads of a module-level variable inside `fn`, and how many there are elsewhere. */
function readsOutside(
  variable: TSESLint.Scope.Variable,
  fn: FunctionNode,
): { readonly inside: TSESTree.Identifier[]; readonly outside: number } {
  const inside: TSESTree.Identifier[] = [];
  let outside = 0;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const identifier = reference.identifier;
    if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
    if (fn.range[0] <= identifier.range[0] && identifier.range[1] <= fn.range[1]) inside.push(identifier);
    else outside++;
  }
  return { inside, outside };
}

/** The reads of the CommonJS export `exports.<name>` / `module.exports.<name>` inside `fn`, and how many there are elsewhere. */
function exportReadsOutside(
  name: string,
  fn: FunctionNode,
  sourceCode: SourceCode,
): { readonly inside: TSESTree.MemberExpression[]; readonly outside: number } {
  const inside: TSESTree.MemberExpression[] = [];
  let outside = 0;
  forEachDescendant(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || commonJsExportProperty(node, sourceCode.getScope(node)) !== name) return undefined;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return false;
    if (fn.range[0] <= node.range[0] && node.range[1] <= fn.range[1]) inside.push(node);
    else outside++;
    return false;
  });
  return { inside, outside };
}

/** The reads use the value for this call, and none of them lets it out (returned, stored, handed off). */
function usedOnlyHere(lifetimes: readonly Lifetime[]): boolean {
  return (
    lifetimes.some((lifetime) => lifetime.used) &&
    lifetimes.every((lifetime) => !lifetime.returned && !lifetime.stored && !lifetime.handedOff)
  );
}

/** A request call inside `fn` after `site` (it goes through the process-wide client `site` installed). */
function sendsRequestAfter(fn: FunctionNode, site: TSESTree.Node, matcher: ClientMatcher, sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(fn.body ?? fn, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.range[0] >= site.range[1] &&
      matcher.isRequestCall(node)
    ) {
      found = true;
      return false;
    }
    return undefined;
  });
  return found;
}

/** Every `this.key` read (not written) in the class's own methods and field initialisers. */
function thisPropertyReads(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  key: string,
  sourceCode: SourceCode,
): TSESTree.MemberExpression[] {
  const reads: TSESTree.MemberExpression[] = [];
  forEachDescendant(classNode.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ClassBody) return false; // a nested class has its own `this`
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.ThisExpression &&
      staticPropertyName(node) === key &&
      !(node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node)
    ) {
      reads.push(node);
    }
    return undefined;
  });
  return reads;
}

/** The class method (or constructor, accessor) whose body holds `node`, looking through arrows. */
function enclosingMethod(node: TSESTree.Node): TSESTree.Node | undefined {
  let fn: TSESTree.Node = enclosingFunction(node);
  while (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = enclosingFunction(fn);
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn : undefined;
}

/**
 * `makeAgent()` / `clients.makeS3()` whose callee is an import binding or a `require()`d value, and
 * whose result is used (a discarded result cannot be a client sent through) unless `discarded`
 * allows it (a setter keeps the client in its module: `S3.setConfig(config);`).
 */
function isImportedCall(call: TSESTree.CallExpression, sourceCode: SourceCode, options: { readonly discarded?: boolean } = {}): boolean {
  const carrier = outermostCarrier(call);
  if (!options.discarded && carrier.parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  let root = stripWrappers(call.callee, { typeAssertions: false });
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(call), root);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'ImportBinding') return true;
  return def?.type === 'Variable' && def.node.init !== null && moduleSpecifierOfLoad(stripRequireMember(def.node.init)) !== undefined;
}

/** `require('x').y` -> `require('x')`. */
function stripRequireMember(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current;
}
