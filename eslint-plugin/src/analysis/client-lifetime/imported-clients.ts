/**
 * Cross-file questions about clients, asked of the project's own modules through module summaries:
 *
 *   builds-on-call / builds-on-new  does calling the export (or `new` on it) build a
 *                   connection-owning client every time? A factory returning `new Agent()` not
 *                   memoised, a class whose constructor or fields build one, followed a few hops
 *                   (`new Service()` → constructor → `createClient()` → `new S3Client()`), also
 *                   through that module's own imports. A factory returning a shared or memoised
 *                   client answers no.
 *   installs-on-call  does calling the export build a client every time and keep it in its
 *                   module's state, replacing the previous one (a setter: `exports.setConfig =
 *                   (c) => (exports.client = new S3Client(c))`, `client = new S3Client(c)` on a
 *                   module-level `let`)? Calling it per request rebuilds the client per request.
 *   drops-on-call   does calling the export build a connection pool every time and use it for that
 *                   call only (a per-call helper: `download(key)` doing `getClient().send(cmd)`)?
 *                   Calling it per request builds a pool per request.
 *   argument-fate   what the export does with a client passed to it: only uses it, returns it
 *                   (an identity or tracing wrapper), or keeps it.
 *
 * Each answer is computed by the same single-file analysis (client-builders.ts, single-use.ts) run
 * on the other module's source, memoised per process by the summaries, and small data (the place a
 * client is built), never AST nodes. When an answer is unavailable (no summaries, unresolvable or
 * unparsable module, depth bound, cycle) the question answers "unknown" and the rule keeps its
 * single-file behaviour.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ExportSpec } from '../imports/export-spec';
import { GLOBAL, resolveModuleRefs, type ModuleRef } from '../imports/module-refs';
import { type ModuleSummaries, type ProjectModule, type ResolvedExport, type TextHint } from '../modules';
import { clientTextHint } from './client-text-hint';
import { ClientBuilders, MAX_BUILD_HOPS, type BuiltClient, type ModuleView } from './client-builders';
import { ClientMatcher } from './client-constructions';
import { traceParameterLifetime, type ArgumentFate, type LifetimeEnvironment } from './single-use';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export class ImportedClients {
  private loaded: ModuleSummaries | null | undefined;
  private hint: TextHint | undefined;

  constructor(
    /** The summaries to ask, built on first use (they cost a file check per linted file). */
    private readonly summariesOf: () => ModuleSummaries | undefined,
    private readonly poolOwners: readonly ExportSpec[],
    /** Identifies `poolOwners` in cached answers (configured constructors change them). */
    private readonly ownersKey: string,
  ) {}

  /** What a module's text must mention before the build questions parse it. */
  private get textHint(): TextHint {
    this.hint ??= clientTextHint(this.poolOwners, this.ownersKey);
    return this.hint;
  }

  private get summaries(): ModuleSummaries | undefined {
    if (this.loaded === undefined) this.loaded = this.summariesOf() ?? null;
    return this.loaded ?? undefined;
  }

  /** The client a call or `new` of an imported project export builds every time, if any. */
  builtBy(call: Call, sourceCode: SourceCode): BuiltClient | undefined {
    return this.builtByExport(call.callee, call.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call', sourceCode);
  }

  /**
   * The client a call of an imported project function builds every time and keeps in its module's
   * state (a setter: `S3.setConfig(config)` where `setConfig` does `exports.client = new S3Client(config)`).
   */
  installedBy(call: TSESTree.CallExpression, sourceCode: SourceCode): BuiltClient | undefined {
    return this.askAboutFunction(call, sourceCode, 'installs-on-call', (builders, fn) => builders.installedByFunction(fn, MAX_BUILD_HOPS));
  }

  /**
   * The pool a call of an imported project function builds every time and drops after that call
   * (`downloadFile(key)` where `downloadFile` does `const s3 = getClient(); await s3.send(cmd)`).
   */
  droppedBy(call: TSESTree.CallExpression, sourceCode: SourceCode): BuiltClient | undefined {
    return this.askAboutFunction(call, sourceCode, 'drops-on-call', (builders, fn) => builders.droppedByFunction(fn, MAX_BUILD_HOPS));
  }

  /** `question` about the imported project function `call` calls, answered by `compute` in its module. */
  private askAboutFunction(
    call: TSESTree.CallExpression,
    sourceCode: SourceCode,
    question: string,
    compute: (builders: ClientBuilders, fn: FunctionNode) => BuiltClient | undefined,
  ): BuiltClient | undefined {
    const summaries = this.summaries;
    const target = summaries && this.resolveReference(call.callee, sourceCode, summaries, this.textHint);
    if (!summaries || !target || !isFunctionNode(target.node)) return undefined;
    const fn = target.node;
    const answer = summaries.answer<BuiltClient | null>(
      `client-lifetime/${question}/${this.ownersKey}`,
      target,
      () => compute(this.viewOf(target.module, summaries).builders, fn) ?? null,
      null,
    );
    return answer ?? undefined;
  }

  /** The client `new` of the imported class `reference` names builds every time (`extends BaseApi`). */
  builtByClassReference(reference: TSESTree.Expression, sourceCode: SourceCode): BuiltClient | undefined {
    return this.builtByExport(reference, 'new', sourceCode);
  }

  private builtByExport(reference: TSESTree.Node, kind: 'call' | 'new', sourceCode: SourceCode): BuiltClient | undefined {
    const summaries = this.summaries;
    const target = summaries && this.resolveReference(reference, sourceCode, summaries, this.textHint);
    if (!summaries || !target) return undefined;
    const built = summaries.answer<BuiltClient | null>(
      `client-lifetime/builds-on-${kind}/${this.ownersKey}`,
      target,
      () => this.computeBuilt(target, kind, summaries) ?? null,
      null,
    );
    return built ?? undefined;
  }

  /** What an imported project function does with its argument at `index`, if known. */
  argumentFate(call: Call, index: number, sourceCode: SourceCode): ArgumentFate | undefined {
    const summaries = this.summaries;
    if (call.type !== AST_NODE_TYPES.CallExpression || !summaries) return undefined;
    const target = this.resolveReference(call.callee, sourceCode, summaries);
    if (!target || !isFunctionNode(target.node)) return undefined;
    const fn = target.node;
    const fate = summaries.answer<ArgumentFate | null>(
      `client-lifetime/argument-fate/${index}/${this.ownersKey}`,
      target,
      () => {
        const lifetime = traceParameterLifetime(fn, index, this.viewOf(target.module, summaries).lifetimeEnv);
        if (!lifetime || lifetime.handedOff) return null;
        if (lifetime.stored) return 'kept';
        if (lifetime.returned) return 'returned';
        return lifetime.used ? 'used' : null;
      },
      null,
    );
    return fate ?? undefined;
  }

  /**
   * Cheap look before any question that would parse: may the call or `new` of an imported project
   * export build a client? Its module (or one it imports) must mention a client package. Reads
   * text only, never parses.
   */
  mayBuild(call: Call, sourceCode: SourceCode): boolean {
    const summaries = this.summaries;
    return summaries !== undefined && this.importedRef(call.callee, sourceCode, summaries, this.textHint) !== undefined;
  }

  /** The project export a callee or class reference names, if it resolves to one. */
  private resolveReference(
    reference: TSESTree.Node,
    sourceCode: SourceCode,
    summaries: ModuleSummaries,
    hint?: TextHint,
  ): ResolvedExport | undefined {
    const ref = this.importedRef(reference, sourceCode, summaries, hint);
    return ref && summaries.resolveExport(ref);
  }

  /** The import a callee or class reference reads, when its module's text passes `hint`. */
  private importedRef(
    reference: TSESTree.Node,
    sourceCode: SourceCode,
    summaries: ModuleSummaries,
    hint: TextHint | undefined,
  ): ModuleRef | undefined {
    const callee = stripWrappers(reference);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const refs = resolveModuleRefs(callee, sourceCode.getScope(callee));
    const ref = refs?.length === 1 ? refs[0] : undefined;
    if (!ref || ref.module === GLOBAL) return undefined;
    // Parsing is the expensive part: skip modules whose text cannot lead to the answer.
    if (hint && !summaries.mayReach(ref.module, hint)) return undefined;
    return ref;
  }

  private computeBuilt(target: ResolvedExport, kind: 'call' | 'new', summaries: ModuleSummaries): BuiltClient | undefined {
    const { builders } = this.viewOf(target.module, summaries);
    const node = target.node;
    if (kind === 'new' && (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression)) {
      return builders.builtByClass(node, MAX_BUILD_HOPS);
    }
    if (kind === 'call' && isFunctionNode(node)) return builders.builtByFunction(node, MAX_BUILD_HOPS);
    return undefined;
  }

  /** `module` as the builder and lifetime analyses see it, following its own imports. */
  private viewOf(module: ProjectModule, summaries: ModuleSummaries): ModuleView & { readonly builders: ClientBuilders } {
    const sourceCode = module.sourceCode.asSourceCode();
    const nested = new ImportedClients(() => summaries.from(module), this.poolOwners, this.ownersKey);
    return moduleView({
      file: module.file,
      sourceCode,
      poolOwners: this.poolOwners,
      imported: nested,
    });
  }
}

/**
 * The view of one module for the builder and lifetime analyses: its matcher, and what calls into
 * other project modules do when `imported` can tell.
 */
export function moduleView(options: {
  readonly file: string;
  readonly sourceCode: SourceCode;
  readonly poolOwners: readonly ExportSpec[];
  readonly imported?: ImportedClients;
}): ModuleView & { readonly builders: ClientBuilders } {
  const { file, sourceCode, imported } = options;
  const matcher = new ClientMatcher(sourceCode, options.poolOwners);
  const lifetimeEnv: LifetimeEnvironment = {
    sourceCode,
    isRequestCall: (call) => matcher.isRequestCall(call),
    isHolderCall: (call) =>
      call.type === AST_NODE_TYPES.NewExpression
        ? matcher.isPoolConstruction(call) ||
          matcher.isSharedAgentClientConstruction(call) ||
          matcher.isHolderFactoryCall(call) ||
          isBuilt(builders.builtByLocal(call))
        : matcher.isWrapperConstruction(call) || matcher.isHolderFactoryCall(call),
    isIdentityCall: (call) => matcher.isIdentityCall(call),
    processWideInstall: (call, index) => matcher.processWideInstall(call, index),
    processWideProperty: (target) => matcher.processWideProperty(target),
    argumentFate: imported && ((call, index) => imported.argumentFate(call, index, sourceCode)),
  };
  const view: ModuleView = {
    file,
    sourceCode,
    matcher,
    lifetimeEnv,
    importedBuild: imported && ((call) => imported.builtBy(call, sourceCode)),
    importedClassBuild: imported && ((reference) => imported.builtByClassReference(reference, sourceCode)),
  };
  const builders = new ClientBuilders(view);
  return { ...view, builders };
}

function isBuilt(answer: BuiltClient | undefined | 'unknown'): boolean {
  return answer !== undefined && answer !== 'unknown';
}
