/**
 * Does some path leave a binding's body unread? Walks ESLint's code paths from the place a
 * response is written into a variable (code-paths.ts) to every `return`, explicit `throw`, end of
 * the function and reassignment of the variable. A read of the body (body-consumption.ts), a
 * hand-off, or an abort of the request ends a path quietly; branches where the body is known to be
 * absent (absent-body-branches.ts) are not walked; `destroy()` before any read is a finding of its own.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { classifyValueUse } from '../../ast/classify-value-use';
import { isInlineFunction } from '../../ast/function-node';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { hasAwaitBetween } from '../../ast/has-await-between';
import { staticPropertyName } from '../../ast/static-property-name';
import { branchTestsOf, statusBranchTestOf, type AbsentBodyEdges } from './absent-body-branches';
import { EMPTY_RESPONSE_HOLDS_SOCKET } from '../libraries/bodyless-responses';
import { classifyBodyUse, type BodyUse, type BodyUseContext } from './body-consumption';
import type { BodyFinding, ReleaseSuggestion } from './body-findings';
import { firstJumpOnPath, searchPaths, type CodePathRecorder, type PathEnd, type PathEvent } from './code-paths';
import { lastIterationEdges } from './last-iteration';
import { repeatedTestEdges } from './repeated-tests';
import type { ParameterUses } from './parameter-use';
import { combineReleases, ReleaseSuggestions, statementOf } from './release-suggestions';
import { ownerOf, type ResponseBinding } from './response-binding';
import { objectFieldUse } from './response-objects';
import { unreadResultField } from './unread-result-fields';

/**
 * `rewritten`: the binding's own write runs again (a loop made the next response) while this one
 * is unread — a retry that drops the response it replaces.
 */
type EventKind = 'consumed' | 'destroyed' | 'written' | 'rewritten' | 'helper-throws';

export interface BindingPathsContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly recorder: CodePathRecorder;
  readonly absentBodyEdges: AbsentBodyEdges;
  readonly bodyUseContext: BodyUseContext;
  readonly parameterUses: ParameterUses;
  /** Branch tests such as `method === 'HEAD'`: on their HEAD side no response has a body. */
  readonly headMethodTests: ReadonlySet<TSESTree.Node>;
  /** Calls that end the request by throwing (`notFound()`): a path through one leaves there. */
  readonly requestEndingCalls: readonly TSESTree.CallExpression[];
}

export class BindingPaths {
  private readonly suggestions: ReleaseSuggestions;

  constructor(private readonly context: BindingPathsContext) {
    this.suggestions = new ReleaseSuggestions(context.recorder, context.sourceCode);
  }

  /** What goes wrong on the paths of `binding`: `destroy()` calls and the first leaking path. */
  findings(binding: ResponseBinding): BodyFinding[] {
    const { recorder, absentBodyEdges, sourceCode } = this.context;
    const { start, variable } = binding;
    if (start.segments.length === 0 || start.segments.some((segment) => !segment.reachable)) return [];
    const codePath = start.codePath;
    // For an object holding the response (`result.response`), the member expressions are the response.
    const tracked = new Set<TSESTree.Node>(variable.references.map((reference) => this.carrierOf(reference.identifier, binding)));
    const events: PathEvent<EventKind>[] = [];
    /** Calls of helpers that only read metadata and may throw: exits the code paths do not show. */
    const helperThrows: PathEvent<EventKind>[] = [];
    /** Hand-overs through a helper that returns the response (`ok = ensureOk(res)`) and may throw first. */
    const passedThrough = new Set<PathEvent<EventKind>>();
    const owner = ownerOf(binding, recorder, this.context.sourceCode.ast);
    const tests = new Set<TSESTree.Node>();
    const statusVariables = [...(binding.statusVariables ?? []), ...(binding.property === undefined ? absentBodyEdges.statusAliasesOf(variable) : [])];
    const statusReads = new Set<TSESTree.Node>();
    for (const alias of statusVariables) {
      for (const reference of alias.references) {
        if (!reference.isRead()) continue;
        statusReads.add(reference.identifier);
        const test = statusBranchTestOf(reference.identifier);
        if (test) tests.add(test);
      }
    }

    // `if (err) return done(err)` in an error-first callback: that branch has no response.
    const errorReads = new Set<TSESTree.Node>();
    for (const error of binding.errorVariables ?? []) {
      for (const reference of error.references) {
        if (!reference.isRead()) continue;
        errorReads.add(reference.identifier);
        for (const test of branchTestsOf(reference.identifier)) tests.add(test);
      }
    }

    const aliases: ResponseBinding[] = [];
    /** Helpers that read the body except on an early exit on its status or headers (`readBounded(res)`). */
    const helperExits: BodyFinding[] = [];
    /** Fields of result objects the response was stored in that nothing reads (`resolve({ res, online })`). */
    const resultFields = new Set<string>();
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (reference.isWrite()) {
        const writer = writerOf(identifier);
        // A kept response (`last = res`) is replaced when its own assignment runs again.
        if (writer !== binding.writer || binding.aliasOf) {
          const position = (writer && recorder.exitPosition(writer)) ?? recorder.enterPosition(identifier);
          if (position?.codePath === codePath) events.push({ kind: 'written', node: writer ?? identifier, position });
        } else if (writer && isOnlyWrite(variable, writer)) {
          // At the start's own position: only a path that comes back round a loop reaches it. (A
          // variable written elsewhere too is reported for its other response: that fix covers this.)
          const position = recorder.exitPosition(writer);
          if (position?.codePath === codePath) events.push({ kind: 'rewritten', node: writer, position });
        }
      }
      if (!reference.isRead()) continue;
      const carrier = this.carrierOf(identifier, binding);
      let use = this.useOf(identifier, binding);
      const resultField = use === 'handed-off' ? unreadResultField(identifier, binding, sourceCode) : undefined;
      if (resultField !== undefined) {
        use = 'metadata';
        resultFields.add(resultField);
      }
      const own = recorder.enterPosition(identifier);
      if (own?.codePath === codePath) {
        if (use === 'metadata') {
          for (const test of branchTestsOf(identifier)) tests.add(test);
          const call = this.throwingHelperCall(carrier, binding, owner);
          if (call) helperThrows.push({ kind: 'helper-throws', node: call, position: own });
          continue;
        }
        const event: PathEvent<EventKind> = { kind: use === 'destroyed' ? 'destroyed' : 'consumed', node: identifier, position: own };
        events.push(event);
        const earlyExit = use === 'consumed' ? this.helperExitFinding(carrier, binding) : undefined;
        if (earlyExit) helperExits.push(earlyExit);
        const alias = binding.aliasOf ? undefined : this.aliasOf(carrier, binding);
        if (alias) aliases.push(alias);
        // `const ok = ensureOk(res)`: the response passes through the helper, unless it throws first.
        const call = this.throwingHelperCall(carrier, binding, owner);
        if (call) {
          helperThrows.push({ kind: 'helper-throws', node: call, position: own });
          passedThrough.add(event);
        }
        continue;
      }
      // Read from a closure created on this path: the closure may read the body later.
      if (use === 'metadata') continue;
      const position = recorder.positionIn(identifier, codePath);
      if (position) events.push({ kind: 'consumed', node: identifier, position });
    }

    for (const call of this.context.requestEndingCalls) {
      const position = recorder.enterPosition(call);
      if (position?.codePath === codePath && position.order > start.order && !isInsideTry(call, owner)) {
        helperThrows.push({ kind: 'helper-throws', node: call, position });
      }
    }
    if (binding.aliasOf) events.push(...this.originalReleases(binding, binding.aliasOf, codePath));
    for (const test of this.context.headMethodTests) tests.add(test);
    for (const release of binding.releases ?? []) {
      const position = recorder.positionIn(release, codePath);
      if (position) events.push({ kind: 'consumed', node: release, position });
    }

    const blockedEdges = absentBodyEdges.blockedEdges(tests, {
      isTracked: (node) => tracked.has(node),
      isStatus: (node) => statusReads.has(node),
      isError: (node) => errorReads.has(node),
      emptyResponseHoldsSocket: EMPTY_RESPONSE_HOLDS_SOCKET.has(binding.client),
    });

    // In a counted retry loop, the branch of a guard such as `attempt < max` taken on the last
    // iteration does not come back round to the request.
    const lastIteration = lastIterationEdges(binding.writer, owner, recorder, sourceCode);
    const repeatedTests = repeatedTestEdges(owner, recorder, sourceCode);
    const ends = searchPaths({ start, events, effect: () => 'ends-path', blockedEdges, explicitThrowsOnly: recorder, lastIteration, repeatedTests });
    if (!ends) return helperExits;
    const findings: BodyFinding[] = [...helperExits, ...aliases.flatMap((alias) => this.findings(alias))];
    for (const end of ends) {
      if (end.event?.kind === 'destroyed') {
        const finding = this.destroyFinding(end.event.node, binding);
        if (finding) findings.push(finding);
      }
    }
    // Every way the body is left unread: a suggestion has to release it on all of them at once.
    const leaks = ends.filter((end) => end.event === undefined || end.event.kind === 'written' || end.event.kind === 'rewritten');
    const leak = leaks.find((end) => end.event?.kind !== 'rewritten') ?? leaks[0];
    // A helper that throws is the leak the code paths cannot show: reported only when no path leaks
    // by itself, and released too by the suggestion for the path leaks (it would be reported next).
    let thrownHelpers: TSESTree.CallExpression[] = [];
    if (helperThrows.length > 0) {
      const withHelpers = [...events.filter((event) => !passedThrough.has(event)), ...helperThrows];
      const helperEnds = searchPaths({
        start,
        events: withHelpers,
        effect: () => 'ends-path',
        blockedEdges,
        explicitThrowsOnly: recorder,
        lastIteration,
        repeatedTests,
      });
      thrownHelpers = (helperEnds ?? [])
        .map((end) => (end.event?.kind === 'helper-throws' ? end.event.node : undefined))
        .filter((node): node is TSESTree.CallExpression => node?.type === AST_NODE_TYPES.CallExpression);
    }
    const helperReleases = thrownHelpers.map((call) => this.suggestions.aroundThrowingCall(binding, call, events));
    if (leak) {
      // One release per place: several ends may leave through the same exit.
      const places = new Map<TSESTree.Node | undefined, ReleaseSuggestion[]>();
      for (const end of leaks) {
        const place = this.releasePlace(binding, end);
        if (!places.has(place.node)) places.set(place.node, place.releases(events));
      }
      const suggestions = combineReleases([...places.values(), ...helperReleases]);
      findings.push(this.leakFinding(binding, leak, events, suggestions, [...resultFields][0]));
    } else if (thrownHelpers.length === 0 && binding.thrownBefore) {
      // The helper the response went through on its way here (`await fetch(url).then(handleErrors)`)
      // throws before the variable holds it: nothing here can release it (no suggestion).
      const { helper, line } = binding.thrownBefore;
      findings.push({
        kind: 'helper-throws',
        node: binding.reportNode,
        client: binding.client,
        origin: binding.origin,
        helper,
        line,
        suggestions: [],
      });
    } else {
      const [thrown] = thrownHelpers;
      if (thrown) {
        findings.push({
          kind: this.context.requestEndingCalls.includes(thrown) ? 'request-ended-unread' : 'helper-throws',
          node: binding.reportNode,
          client: binding.client,
          origin: binding.origin,
          helper: sourceCode.getText(thrown.callee),
          line: thrown.loc.start.line,
          suggestions: combineReleases(helperReleases),
        });
      }
    }
    return findings;
  }

  /**
   * What one read of the binding's variable does to the body. For an object holding the response
   * (`binding.property`): `result.response.json()` reads it, `result.release()` and other fields do
   * not touch it, and the object itself passed on or returned takes the response along.
   */
  private useOf(identifier: TSESTree.Node, binding: ResponseBinding): BodyUse {
    const { bodyUseContext } = this.context;
    if (binding.property === undefined) return classifyBodyUse(identifier, binding.holder, bodyUseContext);
    const field = objectFieldUse(identifier, binding.property);
    if (field.kind === 'response') return classifyBodyUse(field.node, binding.holder, bodyUseContext);
    if (field.kind === 'other-field') return 'metadata';
    return classifyValueUse(identifier).kind === 'inspected' ? 'metadata' : 'handed-off';
  }

  /** The expression that carries the response at one read: the variable, or `result.response`. */
  private carrierOf(identifier: TSESTree.Node, binding: ResponseBinding): TSESTree.Node {
    if (binding.property === undefined) return identifier;
    const field = objectFieldUse(identifier, binding.property);
    return field.kind === 'response' ? field.node : identifier;
  }

  /**
   * `last = res` where `last` is a local of the same function: a retry loop keeping the failed
   * response. `last` holds the response from there on, and is followed like any binding. Also
   * `const ok = ensureOk(res)` / `ok = await ensureOk(res)` through a helper that gives the response
   * back after looking at its status (parameter-use.ts).
   */
  private aliasOf(identifier: TSESTree.Node, binding: ResponseBinding): ResponseBinding | undefined {
    const passed = this.passedThroughHelper(identifier, binding);
    if (passed) return passed;
    const assignment = identifier.parent;
    if (
      assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
      assignment.operator !== '=' ||
      assignment.right !== identifier ||
      assignment.left.type !== AST_NODE_TYPES.Identifier
    ) {
      return undefined;
    }
    const target = findVariable(this.context.sourceCode.getScope(assignment.left), assignment.left);
    const start = this.context.recorder.exitPosition(assignment);
    if (
      !target ||
      !start ||
      target === binding.variable ||
      target.scope.variableScope !== binding.variable.scope.variableScope ||
      target.defs.some((def) => def.type !== 'Variable')
    ) {
      return undefined;
    }
    // Reported where the response is made: that is the response the retry drops. (`last = result.response`
    // is not followed: the alias would hold the response, not the object.)
    if (binding.property !== undefined && identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
    return { ...binding, variable: target, start, writer: assignment, aliasOf: binding.variable, statusVariables: [], thrownBefore: undefined };
  }

  /** `const ok = [await] ensureOk(res)` where `ensureOk` returns its parameter: `ok` holds the response. */
  private passedThroughHelper(identifier: TSESTree.Node, binding: ResponseBinding): ResponseBinding | undefined {
    // A helper given the object holding the response is not a status helper of the response.
    if (binding.property !== undefined) return undefined;
    const use = classifyValueUse(identifier);
    if (use.kind !== 'argument' || use.call.type !== AST_NODE_TYPES.CallExpression || use.node !== identifier) return undefined;
    if (this.context.parameterUses.ofArgument(use.call, use.index, binding.holder)?.kind !== 'returns') return undefined;
    const result = classifyValueUse(use.call);
    let writer: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression;
    let target: TSESTree.Node;
    if (result.kind === 'bound') {
      writer = result.declarator;
      target = writer.id;
    } else if (result.kind === 'stored' && result.node.parent?.type === AST_NODE_TYPES.AssignmentExpression && result.node.parent.operator === '=') {
      writer = result.node.parent;
      target = writer.left;
    } else {
      return undefined;
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = findVariable(this.context.sourceCode.getScope(target), target);
    const start = this.context.recorder.exitPosition(writer);
    if (
      !variable ||
      !start ||
      variable === binding.variable ||
      variable.scope.variableScope !== binding.variable.scope.variableScope ||
      variable.defs.some((def) => def.type !== 'Variable')
    ) {
      return undefined;
    }
    return { ...binding, variable, start, writer, aliasOf: binding.variable, statusVariables: [], thrownBefore: undefined };
  }

  /**
   * Reads of the original variable after `last = res` that release the body (`await res.body?.cancel()`),
   * within the block that declares the original (a `const res` in a loop body is a new response on
   * the next iteration).
   */
  private originalReleases(binding: ResponseBinding, original: TSESLint.Scope.Variable, codePath: TSESLint.CodePath): PathEvent<EventKind>[] {
    const [, end] = original.scope.block.range;
    const released: PathEvent<EventKind>[] = [];
    for (const reference of original.references) {
      const identifier = reference.identifier;
      if (!reference.isRead() || identifier.range[0] <= binding.writer.range[1] || identifier.range[0] > end) continue;
      const use = this.useOf(identifier, binding);
      const position = this.context.recorder.positionIn(identifier, codePath);
      if (use !== 'metadata' && position) released.push({ kind: 'consumed', node: identifier, position });
    }
    return released;
  }

  /**
   * `await readBounded(res)` where the helper reads the body except on an early exit taken on its
   * status or headers (unread-early-exits.ts), and nothing here reads or releases the body after
   * the call (`if (text === null) await res.body?.cancel()`).
   */
  private helperExitFinding(carrier: TSESTree.Node, binding: ResponseBinding): BodyFinding | undefined {
    const use = classifyValueUse(carrier);
    if (use.kind !== 'argument' || use.call.type !== AST_NODE_TYPES.CallExpression || use.node !== carrier) return undefined;
    const { parameterUses, sourceCode } = this.context;
    const summary = parameterUses.ofArgument(use.call, use.index, binding.holder);
    if (summary?.kind !== 'consumes' || !summary.unreadExit) return undefined;
    const call = use.call;
    const releasedAfter = binding.variable.references.some(
      (reference) =>
        reference.isRead() && reference.identifier.range[0] > call.range[1] && this.useOf(reference.identifier, binding) !== 'metadata',
    );
    if (releasedAfter) return undefined;
    const local = parameterUses.unreadExitNode(call, use.index, binding.holder);
    const suggestions = local
      ? this.suggestions.beforeHelperExit(local.exit, local.parameter, local.fn, binding.holder, binding.client)
      : [];
    return {
      kind: 'helper-exits-unread',
      // At the response, like a status helper's throw: the line a reader looks at for where it came from.
      node: binding.reportNode,
      client: binding.client,
      origin: binding.origin,
      helper: sourceCode.getText(call.callee),
      exit: summary.unreadExit.kind,
      line: summary.unreadExit.line,
      ...(summary.unreadExit.file !== undefined ? { file: summary.unreadExit.file } : {}),
      suggestions,
    };
  }

  /**
   * `assertOk(res)` where the helper only reads metadata and may throw, and nothing here catches
   * the throw (a `try` with a `catch` or `finally` around the call may release the body).
   */
  private throwingHelperCall(
    identifier: TSESTree.Node,
    binding: ResponseBinding,
    owner: TSESTree.Node,
  ): TSESTree.CallExpression | undefined {
    const use = classifyValueUse(identifier);
    if (use.kind !== 'argument' || use.call.type !== AST_NODE_TYPES.CallExpression || use.node !== identifier) return undefined;
    const summary = this.context.parameterUses.ofArgument(use.call, use.index, binding.holder);
    if ((summary?.kind !== 'metadata' && summary?.kind !== 'returns') || !summary.throws) return undefined;
    if (summary.throws === 'async' && !isAwaited(use.call)) return undefined;
    return isInsideTry(use.call, owner, (tryStatement) => cannotReachResponse(tryStatement, binding, use.call)) ? undefined : use.call;
  }

  private destroyFinding(identifier: TSESTree.Node, binding: ResponseBinding): BodyFinding | undefined {
    const call = destroyCallOf(identifier);
    if (!call) return undefined;
    const sourceCode = this.context.sourceCode;
    const name = sourceCode.getText(call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee);
    const drain = binding.client === 'undici' ? `await ${name}.dump()` : `${name}.resume()`;
    return { kind: 'destroyed-unread', node: call, name, drain, suggestions: this.suggestions.insteadOfDestroy(call, binding, name) };
  }

  private leakFinding(
    binding: ResponseBinding,
    leak: PathEnd<EventKind>,
    events: readonly PathEvent<EventKind>[],
    suggestions: readonly ReleaseSuggestion[],
    resultField?: string,
  ): BodyFinding {
    const { recorder, sourceCode } = this.context;
    const base = { node: binding.reportNode, client: binding.client, origin: binding.origin, suggestions };
    if (leak.event?.kind === 'written') return { ...base, kind: 'replaced-unread', line: leak.event.node.loc.start.line };
    const jump = firstJumpOnPath(recorder, leak.path, binding.start.order);
    if (leak.event?.kind === 'rewritten') {
      // A retry loop: the path comes back round (`continue`, or the loop test) to the request.
      const exit = jump?.type === AST_NODE_TYPES.ContinueStatement ? jump : undefined;
      return { ...base, kind: 'retried-unread', line: (exit ?? leak.event.node).loc.start.line };
    }
    const owner = ownerOf(binding, recorder, sourceCode.ast);
    // A response declared in a block (`try { const res = await fetch(u); if (res.ok) ... }`) is
    // dropped where that block ends, not at a `return` further down the function.
    const block = binding.variable.scope.block;
    const line =
      jump && block.type === AST_NODE_TYPES.BlockStatement && !isWithin(jump, block)
        ? block.loc.end.line
        : jump
          ? jump.loc.start.line
          : owner.loc.end.line;
    const anyConsumption = events.some((event) => event.kind === 'consumed' || event.kind === 'destroyed');
    if (!anyConsumption && suggestions.length === 0 && binding.promise && !binding.aliasOf) {
      // Only the status or headers are ever used: the body can be read before the response is seen.
      const readFirst = this.suggestions.readFirst(binding.promise.call, binding.promise.source);
      return { ...base, kind: 'never-consumed', line, suggestions: readFirst };
    }
    if (anyConsumption) return { ...base, kind: 'unconsumed-on-path', line };
    return { ...base, kind: 'never-consumed', line, ...(resultField !== undefined ? { resultField } : {}) };
  }

  /**
   * Where one leaking end gets its release: before the statement that replaces the response, before
   * the jump that leaves with it (when the variable is still in scope there), else at the end of the
   * block the response is written in (a path that falls off the end, or comes back round a loop).
   */
  private releasePlace(
    binding: ResponseBinding,
    end: PathEnd<EventKind>,
  ): { node: TSESTree.Node | undefined; releases: (events: readonly PathEvent<EventKind>[]) => ReleaseSuggestion[] } {
    const { recorder } = this.context;
    if (end.event?.kind === 'written') {
      const statement = statementOf(end.event.node);
      return { node: statement, releases: (events) => this.suggestions.before(binding, statement, [end.segment], events) };
    }
    // The `return`/`throw` that ends the path while the variable is in scope, else the first jump on
    // it (a `continue` or `break` out of the block the response lives in).
    const scope = binding.variable.scope.block;
    const exitJump = end.event ? undefined : lastExitOnPath(recorder, end.path, binding.start.order);
    const jump = exitJump && isWithin(exitJump, scope) ? exitJump : firstJumpOnPath(recorder, end.path, binding.start.order);
    const exit = end.event?.kind === 'rewritten' && jump?.type !== AST_NODE_TYPES.ContinueStatement ? undefined : jump;
    if (exit && isWithin(exit, scope)) {
      return {
        node: exit,
        releases: (events) => this.suggestions.before(binding, exit, recorder.enterPosition(exit)?.segments ?? [], events),
      };
    }
    return { node: binding.writer, releases: (events) => this.suggestions.atBlockEnd(binding, events) };
  }
}

/** The last `return` or `throw` on `path` after the start: the one the path leaves the function by. */
function lastExitOnPath(
  recorder: CodePathRecorder,
  path: readonly TSESLint.CodePathSegment[],
  after: number,
): TSESTree.ReturnStatement | TSESTree.ThrowStatement | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index];
    const exits = segment ? recorder.jumpStatementsIn(segment).filter(isExitStatement) : [];
    const exit = exits.filter((node) => (recorder.enterPosition(node)?.order ?? 0) > after).at(-1);
    if (exit) return exit;
  }
  return undefined;
}

function isExitStatement(node: TSESTree.Node): node is TSESTree.ReturnStatement | TSESTree.ThrowStatement {
  return node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement;
}

/** True when `node` lies inside `container`. */
function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** `await call` (through type assertions). */
function isAwaited(call: TSESTree.Node): boolean {
  return hasAwaitBetween(call, outermostCarrier(call));
}

/**
 * True when `node` is in the `try` block of a `try` with a `catch` or `finally`, inside `owner`;
 * a `try` for which `transparent` holds does not count (its handlers cannot touch the response).
 */
function isInsideTry(
  node: TSESTree.Node,
  owner: TSESTree.Node,
  transparent: (tryStatement: TSESTree.TryStatement) => boolean = () => false,
): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== owner; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && !transparent(parent)) return true;
    child = parent;
  }
  return false;
}

/**
 * `try { const res = await fetch(u); ensureOk(res); ... } catch { ... }`: the response lives in a
 * variable declared inside the `try` block, so its `catch` and `finally` cannot name it. They could
 * still reach it if it left the variable (thrown, stored, passed on), so every other use must only
 * read it in place: a member (`res.status`, `res.json()`), a test, a return, or the helper call itself.
 */
function cannotReachResponse(tryStatement: TSESTree.TryStatement, binding: ResponseBinding, helperCall: TSESTree.Node): boolean {
  const { variable } = binding;
  const [def] = variable.defs;
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || !isWithin(def.name, tryStatement.block)) return false;
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const use = classifyValueUse(reference.identifier);
    switch (use.kind) {
      case 'member':
      case 'inspected':
      case 'returned':
        return true;
      case 'argument':
        return use.call === helperCall;
      default:
        return false;
    }
  });
}

/** True when every write of `variable` is done by `writer`. */
function isOnlyWrite(variable: TSESLint.Scope.Variable, writer: TSESTree.Node): boolean {
  return variable.references.every((reference) => !reference.isWrite() || writerOf(reference.identifier) === writer);
}

/** The declarator or assignment that writes through `identifier`. */
function writerOf(identifier: TSESTree.Node): TSESTree.Node | undefined {
  for (let node = identifier.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator || node.type === AST_NODE_TYPES.AssignmentExpression) return node;
    if (node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement) return node;
    if (isInlineFunction(node) || node.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  }
  return undefined;
}

/** The `x.destroy()` call a read of `x` (or `x.body`) belongs to. */
function destroyCallOf(identifier: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(node.callee) === 'destroy'
    ) {
      return node;
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.ChainExpression) return undefined;
  }
  return undefined;
}
