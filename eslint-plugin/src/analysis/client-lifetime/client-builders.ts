/**
 * Client builders: code that builds a new connection-owning client every time it runs.
 *
 *   factory   function makeAgent() { return new https.Agent({ keepAlive: true }); }
 *             const createS3 = (region) => new S3Client({ region });
 *             function makeClients() { return { s3: new S3Client({}) }; }
 *             function createClient() { return makeAgent(); }          (through another factory)
 *   class     class Storage { s3 = new S3Client({}); }
 *             class Mailer { constructor(private ses = new SESClient({})) {} }   (when `new Mailer()` leaves it out)
 *             class Storage { constructor() { this.s3 = createS3Client(); } }   (through a factory)
 *   setter    exports.setConfig = (config) => (exports.client = new S3Client(config));
 *             function setConfig(config) { client = new S3Client(config); }   (module-level `let`)
 *   helper    async function download(key) { const s3 = getClient(); return s3.send(cmd); }
 *             (builds a pool for its own call and drops it: asked by callers in other modules)
 *
 * A factory builds on every call when a client it constructs (directly, or through a class or
 * factory it calls) is returned and not memoised (`client ??= new X()`, a keyed cache); one that
 * returns a module-level client (`return sharedAgent`) builds nothing. A class builds on every `new`
 * when its constructor or field initialisers build one. Factories and classes of other project
 * modules answer through `ModuleView.importedBuild`, so the same reasoning follows them across
 * files. Each step down (factory → class → factory) costs a hop; at most `MAX_BUILD_HOPS`.
 *
 * SDK clients that send through a transport the whole process shares (`new Stripe(key)`, aws-sdk v2)
 * are builds too when configured from request-independent values, marked with their SDK: a call
 * that builds one repeats setup, not connections, and is reported as such.
 *
 * A construction that only runs when the caller brings no client of its own
 * (`options.s3Client ?? new S3Client()`, `x instanceof C ? x : new C(x)`) carries its conditions
 * (build-conditions.ts), decided at each call site: `new S3Locker({ s3Client: shared })` builds
 * nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { localClass } from '../../ast/local-class';
import { conditionsAtCall, guardConditions, type BuildCondition } from './build-conditions';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { calledFunction } from '../contexts/call-graph';
import type { ClientMatcher, SharedAgentSdk } from './client-constructions';
import { isSameOnEveryRun, requestIndependentBindings } from './request-independent';
import { isLazyInitialization } from './lazy-init';
import { isSingleUse, traceLifetime, type LifetimeEnvironment } from './single-use';
import { findVariable } from '../../ast/find-variable';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** How many factories and constructors to follow from a call to the construction. */
export const MAX_BUILD_HOPS = 3;

/** Where a client is built: small data, so answers about other modules can be cached. */
export interface BuiltClient {
  /** `new S3Client()` */
  readonly client: string;
  /** Absolute path of the module that builds it. */
  readonly file: string;
  readonly line: number;
  /** The client is only built when none of these holds at the call site (see build-conditions.ts). */
  readonly unless?: readonly BuildCondition[];
  /**
   * Set when the builder keeps the client in module state instead of returning it (a setter:
   * `exports.setConfig = (c) => (exports.client = new S3Client(c))`): that place, as messages name it.
   */
  readonly storedIn?: string;
  /**
   * Set when the client is an SDK client that sends through a transport shared by the whole process
   * (`new Stripe(key)`, `new AWS.S3()`): building one per call repeats setup, not connections.
   */
  readonly sdk?: SharedAgentSdk;
  /**
   * Set when the client is a thin wrapper over the global agent (`axios.create(config)`): building
   * one per call repeats configuration, not connections.
   */
  readonly wrapper?: true;
  /**
   * Set when the function builds the client for its own call and drops it (a per-call helper:
   * `const s3 = getClient(); return s3.send(cmd)`) instead of returning it: every call pays for a
   * new client, and the caller gets none.
   */
  readonly dropped?: true;
  /**
   * Set when what is built does not depend on the factory's arguments (`dispatcherFor(origin)` that
   * returns `new Agent({ connect: { timeout } })` without reading `origin`): every call builds the
   * same client, whatever the call site passes.
   */
  readonly argumentFree?: true;
}

/** One module as the builder analysis sees it: the linted file, or another project module. */
export interface ModuleView {
  readonly file: string;
  readonly sourceCode: SourceCode;
  readonly matcher: ClientMatcher;
  readonly lifetimeEnv: LifetimeEnvironment;
  /** What a call or `new` of another project module's export builds on every run, if known. */
  readonly importedBuild?: (call: Call) => BuiltClient | undefined;
  /** What `new` of the other project module's class `reference` names builds (a superclass). */
  readonly importedClassBuild?: (reference: TSESTree.Expression) => BuiltClient | undefined;
}

export class ClientBuilders {
  /** Answers per node and hop budget (a smaller budget may see less). */
  private readonly cache = new WeakMap<TSESTree.Node, Map<number, BuiltClient | null>>();

  constructor(private readonly view: ModuleView) {}

  /** The client a call or `new` builds every time it runs, whatever builds it. */
  builtBy(node: Call, hops = MAX_BUILD_HOPS): BuiltClient | undefined {
    const direct = this.directBuild(node);
    if (direct !== 'none') return direct;
    if (hops <= 0) return undefined;
    const local = this.builtByLocal(node, hops);
    if (local !== 'unknown') return local;
    return this.view.importedBuild?.(node);
  }

  /** `new C()` / `f()` of a class or function of this module: what it builds ('unknown' when neither). */
  builtByLocal(node: Call, hops = MAX_BUILD_HOPS): BuiltClient | undefined | 'unknown' {
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const classNode = this.localClass(node);
      return classNode ? this.builtByClass(classNode, hops - 1) : 'unknown';
    }
    const fn = calledFunction(node, this.view.sourceCode);
    return fn ? this.builtByFunction(fn, hops - 1) : 'unknown';
  }

  /** The client a call of `fn` builds and returns anew every time, if any. */
  builtByFunction(fn: FunctionNode, hops = MAX_BUILD_HOPS): BuiltClient | undefined {
    return this.memoised(fn, hops, () => this.findInFunction(fn, hops));
  }

  /**
   * The connection pool, or SDK client over the process-wide transport, a call of `fn` builds every
   * time and uses for that call only, neither returning nor keeping it (a per-call helper: `const
   * s3 = getClient(); await s3.send(cmd)`, `const anthropic = new Anthropic(); await
   * anthropic.messages.create(...)`), if any. Thin wrappers (`axios.create()`) do not count:
   * building one per call costs next to nothing.
   */
  droppedByFunction(fn: FunctionNode, hops = MAX_BUILD_HOPS): BuiltClient | undefined {
    let found: BuiltClient | undefined;
    this.forEachRunningCall(fn.body, (call) => {
      const built = this.builtBy(call, hops);
      // An SDK client over the process-wide transport counts too (repeated setup, reported as such);
      // a thin wrapper (`axios.create()`) does not: it costs next to nothing to build.
      if (!built || built.wrapper || built.storedIn !== undefined) return false;
      if (isLazyInitialization(call, this.view.sourceCode)) return false;
      if (!isSingleUse(traceLifetime(call, this.view.lifetimeEnv))) return false;
      const here = this.builtHere(built, call, fn);
      found = here && { ...here, dropped: true };
      return found !== undefined;
    });
    return found;
  }

  /**
   * The client a call of `fn` builds every time and keeps in module state, replacing the previous
   * one: `client = new S3Client(config)` on a module-level `let`, `exports.client = ...`,
   * `setGlobalDispatcher(new Agent())`, without a lazy guard (`if (!client)`, `??=`).
   */
  installedByFunction(fn: FunctionNode, hops = MAX_BUILD_HOPS): BuiltClient | undefined {
    let found: BuiltClient | undefined;
    this.forEachRunningCall(fn.body, (call) => {
      const built = this.builtBy(call, hops);
      if (!built || built.sdk || built.wrapper || isLazyInitialization(call, this.view.sourceCode)) return false;
      const lifetime = traceLifetime(call, this.view.lifetimeEnv);
      const place = lifetime.storedProcessWide;
      if (!place || lifetime.returned || lifetime.handedOff) return false;
      const here = this.builtHere(built, call, fn);
      found = here && { ...here, storedIn: place.label };
      return found !== undefined;
    });
    return found;
  }

  /**
   * What `node` itself constructs: a pool (`new Agent()`, `twilio()`), or an SDK client or thin
   * wrapper configured from request-independent values (one configured from the call's own data,
   * a per-tenant key, is meant to be per call: undefined). 'none' when `node` is no construction.
   */
  private directBuild(node: Call): BuiltClient | undefined | 'none' {
    const { matcher, sourceCode, file } = this.view;
    const built = () => ({ client: constructionLabel(node, sourceCode), file, line: node.loc.start.line });
    if (matcher.isPoolConstruction(node)) return built();
    const sdk = matcher.sharedAgentSdk(node);
    if (!sdk && !matcher.isWrapperConstruction(node)) return 'none';
    if (!isSameOnEveryRun([node.callee, ...node.arguments], sourceCode.getScope(node))) return undefined;
    return sdk ? { ...built(), sdk } : { ...built(), wrapper: true };
  }

  /**
   * `here` marked argument-free when the construction `call` reads nothing of the function it runs
   * in (no parameter, no local), or when it is a factory call that is argument-free itself.
   */
  private withArgumentFreedom(here: BuiltClient, built: BuiltClient, call: Call): BuiltClient {
    const free =
      this.directBuild(call) !== 'none'
        ? requestIndependentBindings([call.callee, ...call.arguments], this.view.sourceCode.getScope(call)) !== undefined
        : built.argumentFree === true;
    if (!free || here.unless !== undefined) return here;
    return { ...here, argumentFree: true };
  }

  /** The client `new C()` builds in the constructor or field initialisers of `classNode`, if any. */
  builtByClass(classNode: ClassNode, hops = MAX_BUILD_HOPS): BuiltClient | undefined {
    return this.memoised(classNode, hops, () => this.findInClass(classNode, hops));
  }

  private memoised(node: TSESTree.Node, hops: number, compute: () => BuiltClient | undefined): BuiltClient | undefined {
    let byHops = this.cache.get(node);
    if (!byHops) {
      byHops = new Map();
      this.cache.set(node, byHops);
    }
    const cached = byHops.get(hops);
    if (cached !== undefined) return cached ?? undefined;
    byHops.set(hops, null); // recursion guard
    const found = compute();
    byHops.set(hops, found ?? null);
    return found;
  }

  private findInFunction(fn: FunctionNode, hops: number): BuiltClient | undefined {
    let found: BuiltClient | undefined;
    // A pool wins over a setup-only client (`axios.create({ httpsAgent: new https.Agent() })`).
    let setupOnly: BuiltClient | undefined;
    this.forEachRunningCall(fn.body, (call) => {
      const built = this.builtBy(call, hops);
      if (!built || isLazyInitialization(call, this.view.sourceCode)) return false;
      const lifetime = traceLifetime(call, this.view.lifetimeEnv);
      if (!lifetime.returned || lifetime.stored) return false;
      const builtHere = this.builtHere(built, call, fn);
      const here = builtHere && this.withArgumentFreedom(builtHere, built, call);
      if (here && (here.sdk || here.wrapper)) {
        setupOnly ??= here;
        return false;
      }
      found = here;
      return found !== undefined;
    });
    return found ?? setupOnly;
  }

  /**
   * What `call` inside `fn` builds when it builds `built`: its conditions decided by the call's
   * arguments, or passed on to `fn`'s own parameters, plus the guards around the call in `fn`.
   * Undefined when the call site skips the construction or does not show whether it runs.
   */
  private builtHere(built: BuiltClient, call: Call, fn: TSESTree.Node): BuiltClient | undefined {
    const outcome = conditionsAtCall(built.unless, call, fn, this.view.sourceCode);
    if (outcome.kind === 'skipped' || outcome.kind === 'unknown') return undefined;
    const guards = isFunctionNode(fn) ? guardConditions(call, fn, this.view.sourceCode) : [];
    const unless = [...(outcome.kind === 'forwarded' ? outcome.conditions : []), ...guards];
    const client: BuiltClient = {
      client: built.client,
      file: built.file,
      line: built.line,
      ...(built.sdk && { sdk: built.sdk }),
      ...(built.wrapper && { wrapper: true as const }),
    };
    return unless.length > 0 ? { ...client, unless } : client;
  }

  private findInClass(classNode: ClassNode, hops: number): BuiltClient | undefined {
    let found: BuiltClient | undefined;
    for (const member of classNode.body.body) {
      const isConstructor = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor';
      const isField = member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value !== null;
      if ((!isConstructor && !isField) || !member.value) continue;
      // A constructor's parameter defaults run on every `new` that leaves them out
      // (`constructor(private s3 = new S3Client({}))`), before its body.
      const roots =
        isConstructor && isFunctionNode(member.value) ? [...member.value.params, member.value.body] : [member.value];
      for (const root of roots) {
        if (!root || found) continue;
        this.forEachRunningCall(root, (call) => {
          const built = this.builtBy(call, hops);
          if (!built || isLazyInitialization(call, this.view.sourceCode)) return false;
          found = this.builtHere(built, call, isConstructor ? member.value : classNode);
          return found !== undefined;
        });
      }
      if (found) break;
    }
    return found ?? this.findInSuperclass(classNode, hops);
  }

  /**
   * `class UsersApi extends BaseApi { constructor() { super(url) } }`: the base constructor runs on
   * every `new UsersApi()`, through `super(...)` or the implicit constructor, which hands its
   * arguments on unchanged (so the base's conditions on them stay as they are).
   */
  private findInSuperclass(classNode: ClassNode, hops: number): BuiltClient | undefined {
    const superClass = classNode.superClass;
    if (!superClass || hops <= 0) return undefined;
    const base =
      superClass.type === AST_NODE_TYPES.Identifier ? localClass(superClass, this.view.sourceCode.getScope(classNode)) : undefined;
    const built = base ? this.builtByClass(base, hops - 1) : this.view.importedClassBuild?.(superClass);
    if (!built) return undefined;
    const constructor = classNode.body.body.find(
      (member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
    );
    if (!constructor) return built;
    let found: BuiltClient | undefined;
    this.forEachRunningCall(constructor.value.body ?? constructor.value, (call) => {
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Super) return false;
      found = this.builtHere(built, call, constructor.value);
      return true;
    });
    return found;
  }

  /** The class of this module `new X()` constructs, when `X` names one for certain. */
  localClass(node: TSESTree.NewExpression): ClassNode | undefined {
    if (node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = findVariable(this.view.sourceCode.getScope(node), node.callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) {
      return def.node;
    }
    if (def?.type === 'Variable' && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return def.node.init;
    return undefined;
  }

  /**
   * Calls `visit` for every call and `new` that runs when `root` runs (not in nested functions or
   * classes, which run later if at all), until it returns true.
   */
  private forEachRunningCall(root: TSESTree.Node, visit: (call: Call) => boolean): void {
    let done = false;
    const check = (node: TSESTree.Node): boolean => {
      if (done) return false;
      if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
      if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && visit(node)) {
        done = true;
        return false;
      }
      return true;
    };
    if (check(root)) forEachDescendant(root, this.view.sourceCode.visitorKeys, check);
  }
}

/** `new S3Client()`, `createClient()`: a construction or call as messages name it. */
export function constructionLabel(node: Call, sourceCode: SourceCode): string {
  const text = sourceCode.getText(node.callee).replace(/\s+/g, '');
  const callee = text.length <= 40 ? text : `…${text.slice(-39)}`;
  return node.type === AST_NODE_TYPES.NewExpression ? `new ${callee}()` : `${callee}()`;
}
