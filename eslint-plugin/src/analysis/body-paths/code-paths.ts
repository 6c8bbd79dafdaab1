/**
 * Path-sensitive questions on top of ESLint's code-path analysis (ESLint 9 and 10 API).
 *
 * ESLint builds a graph of code-path segments per function while it traverses the AST and tells
 * rules about it through `onCodePathStart`, `onCodePathSegmentStart`, ... events; segments do not
 * know which nodes they contain. `CodePathRecorder` fills that gap: it remembers, for every node,
 * the code path and the segments that were current when the traversal entered the node (and, for
 * a few node types, when it left it), plus a global visiting order. After the traversal
 * (`Program:exit`), `searchPaths` walks the finished graph from one position and reports where the
 * paths end: at an event of the caller's choosing (a consumption, a reassignment) or at a final
 * segment (a return, a throw, the end of the function).
 *
 * Only explicit control flow is modelled, as ESLint models it: `return`, `throw`, `break`,
 * `continue`, branches, loops, `try`/`catch`/`finally`; a call that throws is not an exit.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

/** Where the traversal was when it entered (or left) a node. */
export interface PathPosition {
  readonly codePath: CodePath;
  /** Segments current at that moment; several in parallel inside `finally` blocks. */
  readonly segments: readonly CodePathSegment[];
  /** Global visiting order: larger means later in the traversal. */
  readonly order: number;
}

/** Node types whose position when the traversal LEAVES them is recorded too. */
const EXIT_RECORDED = [
  // Where a release appended to a block would run (release-suggestions.ts).
  'BlockStatement',
  'VariableDeclarator',
  'AssignmentExpression',
  'AwaitExpression',
  'CallExpression',
] as const;

/** The listener map a recorder needs; merge it into the rule's own with `mergeListeners`. */
type RecorderListener = Record<string, (...args: never[]) => void>;

export class CodePathRecorder {
  // Every node of every file is recorded, and few positions are ever asked for: a node maps to its
  // visiting order only, and the code path and segments of each order sit in two arrays (segment
  // lists are shared snapshots). A position object is made when one is asked for. One object per
  // node would be most of the recorder's memory, and garbage collection made big files cost more per line.
  private readonly enterOrders = new Map<TSESTree.Node, number>();
  private readonly exitOrders = new Map<TSESTree.Node, number>();
  private readonly codePathAt: CodePath[] = [];
  private readonly segmentsAt: (readonly CodePathSegment[])[] = [];
  private readonly jumpsBySegment = new Map<CodePathSegment, JumpStatement[]>();
  private readonly codePathsByOwner = new Map<TSESTree.Node, CodePath>();
  /** Segments in which a `catch` clause starts. */
  private readonly catchEntries = new Set<CodePathSegment>();
  /** Segments that contain an explicit `throw` statement. */
  private readonly throwingSegments = new Set<CodePathSegment>();
  /** One entry per code path being traversed (functions nest). */
  private readonly stack: { codePath: CodePath; current: Set<CodePathSegment>; snapshot: CodePathSegment[] }[] = [];

  /** Rule listeners that record positions. */
  listeners(): RecorderListener {
    const listeners: RecorderListener = {
      onCodePathStart: ((codePath: CodePath, node: TSESTree.Node) => {
        this.codePathsByOwner.set(node, codePath);
        this.stack.push({ codePath, current: new Set(), snapshot: [] });
      }) as never,
      onCodePathEnd: (() => {
        this.stack.pop();
      }) as never,
      onCodePathSegmentStart: ((segment: CodePathSegment) => this.segmentStarted(segment)) as never,
      onUnreachableCodePathSegmentStart: ((segment: CodePathSegment) =>
        this.segmentStarted(segment)) as never,
      onCodePathSegmentEnd: ((segment: CodePathSegment) => this.segmentEnded(segment)) as never,
      onUnreachableCodePathSegmentEnd: ((segment: CodePathSegment) =>
        this.segmentEnded(segment)) as never,
      '*': ((node: TSESTree.Node) => this.record(node, this.enterOrders, true)) as never,
    };
    for (const type of EXIT_RECORDED) {
      listeners[`${type}:exit`] = ((node: TSESTree.Node) =>
        this.record(node, this.exitOrders, false)) as never;
    }
    return listeners;
  }

  /** Position when the traversal entered `node`. */
  enterPosition(node: TSESTree.Node): PathPosition | undefined {
    return this.positionAt(this.enterOrders.get(node));
  }

  /**
   * Position when the traversal left `node` (after its children ran). Recorded for
   * VariableDeclarator, AssignmentExpression, AwaitExpression and CallExpression only.
   */
  exitPosition(node: TSESTree.Node): PathPosition | undefined {
    return this.positionAt(this.exitOrders.get(node));
  }

  /** The code path a function (or the Program) owns. */
  codePathOf(owner: TSESTree.Node): CodePath | undefined {
    return this.codePathsByOwner.get(owner);
  }

  /** True when a `catch` clause starts in `segment`. */
  isCatchEntry(segment: CodePathSegment): boolean {
    return this.catchEntries.has(segment);
  }

  /** True when `segment` contains an explicit `throw` statement. */
  hasExplicitThrow(segment: CodePathSegment): boolean {
    return this.throwingSegments.has(segment);
  }

  /** `return`/`throw`/`break`/`continue` statements entered while `segment` was current, in traversal order. */
  jumpStatementsIn(segment: CodePathSegment): readonly JumpStatement[] {
    return this.jumpsBySegment.get(segment) ?? [];
  }

  /**
   * The position of `node` as seen from `codePath`: the node's own position when it lies in that
   * code path, otherwise the position of its nearest ancestor that does (a closure is "at" the
   * place where it is created).
   */
  positionIn(node: TSESTree.Node, codePath: CodePath): PathPosition | undefined {
    let current: TSESTree.Node | undefined = node;
    while (current) {
      const order = this.enterOrders.get(current);
      if (order !== undefined && this.codePathAt[order - 1] === codePath) return this.positionAt(order);
      current = current.parent;
    }
    return undefined;
  }

  private positionAt(order: number | undefined): PathPosition | undefined {
    if (order === undefined) return undefined;
    return { codePath: this.codePathAt[order - 1]!, segments: this.segmentsAt[order - 1]!, order };
  }

  private segmentStarted(segment: CodePathSegment): void {
    const top = this.stack.at(-1);
    if (!top) return;
    top.current.add(segment);
    top.snapshot = [...top.current];
  }

  private segmentEnded(segment: CodePathSegment): void {
    const top = this.stack.at(-1);
    if (!top) return;
    top.current.delete(segment);
    top.snapshot = [...top.current];
  }

  private record(node: TSESTree.Node, into: Map<TSESTree.Node, number>, indexSegments: boolean): void {
    // Type-only nodes never run: their positions are never asked for (`positionIn` walks up to the
    // node they annotate), and a big TypeScript file has thousands of them.
    if (isTypeOnly(node)) return;
    const top = this.stack.at(-1);
    if (!top) return;
    // Orders start at 1: callers treat a missing position as order 0, before everything.
    const order = this.codePathAt.length + 1;
    this.codePathAt.push(top.codePath);
    this.segmentsAt.push(top.snapshot);
    into.set(node, order);
    if (!indexSegments) return;
    if (node.type === AST_NODE_TYPES.CatchClause) for (const segment of top.snapshot) this.catchEntries.add(segment);
    if (node.type === AST_NODE_TYPES.ThrowStatement) for (const segment of top.snapshot) this.throwingSegments.add(segment);
    // Only jumps are ever looked up by segment; indexing every node would cost a list entry per
    // node and segment.
    if (!isJumpStatement(node)) return;
    for (const segment of top.snapshot) {
      let jumps = this.jumpsBySegment.get(segment);
      if (!jumps) {
        jumps = [];
        this.jumpsBySegment.set(segment, jumps);
      }
      jumps.push(node);
    }
  }
}

/** TypeScript nodes that hold or are code that runs; every other `TS*` node is a type only. */
const RUNTIME_TS_NODES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSAbstractAccessorProperty,
  AST_NODE_TYPES.TSAbstractMethodDefinition,
  AST_NODE_TYPES.TSAbstractPropertyDefinition,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSDeclareFunction,
  AST_NODE_TYPES.TSEmptyBodyFunctionExpression,
  AST_NODE_TYPES.TSEnumBody,
  AST_NODE_TYPES.TSEnumDeclaration,
  AST_NODE_TYPES.TSEnumMember,
  AST_NODE_TYPES.TSExportAssignment,
  AST_NODE_TYPES.TSExternalModuleReference,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
  AST_NODE_TYPES.TSInstantiationExpression,
  AST_NODE_TYPES.TSModuleBlock,
  AST_NODE_TYPES.TSModuleDeclaration,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSParameterProperty,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

function isTypeOnly(node: TSESTree.Node): boolean {
  return node.type.startsWith('TS') && !RUNTIME_TS_NODES.has(node.type);
}

/** Combines listener maps; handlers for the same key run in the order given. */
export function mergeListeners(
  ...maps: readonly Record<string, ((...args: never[]) => void) | undefined>[]
): TSESLint.RuleListener {
  const merged: Record<string, ((...args: never[]) => void)[]> = {};
  for (const map of maps) {
    for (const [key, handler] of Object.entries(map)) {
      if (handler) (merged[key] ??= []).push(handler);
    }
  }
  const result: Record<string, (...args: never[]) => void> = {};
  for (const [key, handlers] of Object.entries(merged)) {
    const [only] = handlers;
    result[key] =
      handlers.length === 1 && only
        ? only
        : (...args: never[]) => {
            for (const handler of handlers) handler(...args);
          };
  }
  return result as TSESLint.RuleListener;
}

/** Something that happens to the tracked value at one place on a path. */
export interface PathEvent<Kind extends string = string> {
  readonly kind: Kind;
  readonly node: TSESTree.Node;
  readonly position: PathPosition;
}

/** How a path search treats an event: it ends the path, or the path goes on through it. */
export type EventEffect = 'ends-path' | 'passes';

export interface PathEnd<Kind extends string> {
  /** The event that ended the path, or undefined when the path reached a final segment. */
  readonly event: PathEvent<Kind> | undefined;
  /** Final segment reached (for exits), or the segment holding the event. */
  readonly segment: CodePathSegment;
  /** The segments walked from the start, start first. */
  readonly path: readonly CodePathSegment[];
}

export interface PathSearch<Kind extends string> {
  /** Where the tracked value comes into existence. */
  readonly start: PathPosition;
  /** Events in the start's code path (others are ignored). */
  readonly events: readonly PathEvent<Kind>[];
  /** Which events end a path. */
  readonly effect: (event: PathEvent<Kind>) => EventEffect;
  /** Edges (`from -> to`) that no path may take, e.g. into a branch where the body is absent. */
  readonly blockedEdges?: ReadonlySet<string>;
  /** Upper bound on segments visited, so pathological files stay fast. */
  readonly maxSegments?: number;
  /**
   * When given, only explicit `throw` statements raise exceptions: ESLint also links every `try`
   * block to its `catch` (and `finally`) as if any statement could throw; those implicit edges are
   * not walked, and a path that ends in a thrown final segment without an explicit `throw` on
   * the way is dropped.
   */
  readonly explicitThrowsOnly?: CodePathRecorder;
  /**
   * A counted loop's last iteration (last-iteration.ts): a path that took an `enter` edge cannot
   * take a `blocked` edge until it takes a `leave` edge.
   */
  readonly lastIteration?: {
    readonly enter: ReadonlySet<string>;
    readonly blocked: ReadonlySet<string>;
    readonly leave: ReadonlySet<string>;
  };
  /**
   * One condition asked twice (repeated-tests.ts): a path that took one answer of the first test
   * cannot take the other answer of the second, unless it forgot (entered a `forgetting` segment,
   * for `volatile` facts) in between.
   */
  readonly repeatedTests?: {
    readonly learn: ReadonlyMap<string, { readonly bit: number; readonly clears: number }>;
    readonly blockedBy: ReadonlyMap<string, number>;
    readonly forgetting: ReadonlySet<CodePathSegment>;
    readonly volatile: number;
  };
}

export function edgeKey(from: CodePathSegment, to: CodePathSegment): string {
  return `${from.id}->${to.id}`;
}

/**
 * Every way a path from `start` can end: at the first event that ends it, or at a final segment
 * when no such event lies on the way. Each segment is walked once (breadth first, so the path
 * reported for an end is a shortest one). Returns undefined when the bound was hit.
 */
export function searchPaths<Kind extends string>(search: PathSearch<Kind>): PathEnd<Kind>[] | undefined {
  const { start, effect } = search;
  const maxSegments = search.maxSegments ?? 2000;
  const eventsBySegment = new Map<CodePathSegment, PathEvent<Kind>[]>();
  for (const event of search.events) {
    if (event.position.codePath !== start.codePath) continue;
    for (const segment of event.position.segments) {
      let list = eventsBySegment.get(segment);
      if (!list) {
        list = [];
        eventsBySegment.set(segment, list);
      }
      list.push(event);
    }
  }
  for (const list of eventsBySegment.values()) list.sort((a, b) => a.position.order - b.position.order);

  const ends: PathEnd<Kind>[] = [];
  const recorder = search.explicitThrowsOnly;
  const thrownFinals = new Set(start.codePath.thrownSegments);
  const returnedFinals = new Set(start.codePath.returnedSegments);
  // A segment is visited once per combination of: before or after an explicit throw, a jump and a
  // counted loop's last iteration on the path, and the answers it knows from repeated tests (few
  // combinations in practice; `maxSegments` bounds the walk).
  const visited = new Set<string>();
  /** `threw`: an explicit throw lies on the path; `jumped`: a return/break/continue does (see below). */
  /** `last`: on a counted loop's last iteration (`search.lastIteration`). */
  /** `known`: the answers learnt from repeated tests (`search.repeatedTests`), one bit each. */
  interface Step { segment: CodePathSegment; after: number; previous: Step | undefined; threw: boolean; jumped: boolean; last: boolean; known: number }
  const queue: Step[] = start.segments.map((segment) => ({
    segment,
    after: start.order,
    previous: undefined,
    threw: false,
    jumped: false,
    last: false,
    known: 0,
  }));
  const repeatedTests = search.repeatedTests;
  const lastIteration = search.lastIteration;
  let visits = 0;

  const pathOf = (step: Step): CodePathSegment[] => {
    const segments: CodePathSegment[] = [];
    for (let s: Step | undefined = step; s; s = s.previous) segments.push(s.segment);
    return segments.reverse();
  };

  /**
   * After a `finally` block ESLint may end the returning and the throwing paths in one final
   * segment. Such an end counts when the path left through a `return`/`break`/`continue`, not
   * through the implicit "any statement may throw" edge into the `finally` block; paths are told
   * apart by whether they passed a jump, which only matters when such a merged end exists.
   */
  const mergedFinals = start.codePath.thrownSegments.filter((segment) => returnedFinals.has(segment));
  /**
   * A `finally` block nested in a `try` that has a `catch` can be where the function returns and
   * still lead on into that `catch` (the block itself may throw): a returned final segment with
   * next segments. It is an end for a path that left through a jump, not for the implicit throw
   * into the `finally`.
   */
  const openReturnedFinals = start.codePath.returnedSegments.filter((segment) => segment.nextSegments.length > 0);
  const tracksJumps = mergedFinals.length > 0 || openReturnedFinals.length > 0;
  const jumpsIn = (recorder: CodePathRecorder | undefined, step: Step): boolean =>
    recorder !== undefined &&
    tracksJumps &&
    recorder.jumpStatementsIn(step.segment).some((node) => (recorder.enterPosition(node)?.order ?? 0) > step.after);

  for (let index = 0; index < queue.length; index += 1) {
    const step = queue[index];
    if (!step) break;
    visits += 1;
    if (visits > maxSegments) return undefined;
    const ending = (eventsBySegment.get(step.segment) ?? []).find(
      (event) => event.position.order > step.after && effect(event) === 'ends-path',
    );
    if (ending) {
      ends.push({ event: ending, segment: step.segment, path: pathOf(step) });
      continue;
    }
    const throwsHere = recorder?.hasExplicitThrow(step.segment) ?? true;
    const threw = step.threw || throwsHere;
    const jumped = step.jumped || jumpsIn(recorder, step);
    const next = step.segment.nextSegments;
    if (next.length === 0) {
      if (!recorder || threw || !thrownFinals.has(step.segment) || (jumped && returnedFinals.has(step.segment))) {
        ends.push({ event: undefined, segment: step.segment, path: pathOf(step) });
      }
      continue;
    }
    if (returnedFinals.has(step.segment) && (!recorder || jumped)) {
      ends.push({ event: undefined, segment: step.segment, path: pathOf(step) });
    }
    for (const segment of next) {
      if (recorder && !throwsHere && recorder.isCatchEntry(segment)) continue;
      const edge = edgeKey(step.segment, segment);
      if (search.blockedEdges?.has(edge)) continue;
      let last = step.last;
      if (lastIteration) {
        if (last && lastIteration.blocked.has(edge)) continue;
        if (lastIteration.enter.has(edge)) last = true;
        else if (lastIteration.leave.has(edge)) last = false;
      }
      let known = step.known;
      if (repeatedTests) {
        const contradicted = repeatedTests.blockedBy.get(edge);
        if (contradicted !== undefined && (known & contradicted) !== 0) continue;
        const fact = repeatedTests.learn.get(edge);
        if (fact) known = (known & ~fact.clears) | fact.bit;
        if (repeatedTests.forgetting.has(segment)) known &= ~repeatedTests.volatile;
      }
      const key = `${segment.id}:${threw}:${jumped}:${last}:${known}`;
      if (visited.has(key)) continue;
      visited.add(key);
      queue.push({ segment, after: -1, previous: step, threw, jumped, last, known });
    }
  }
  return ends;
}

/** Statements that leave a block: the places a leaking path is reported at. */
export type JumpStatement =
  | TSESTree.ReturnStatement
  | TSESTree.ThrowStatement
  | TSESTree.BreakStatement
  | TSESTree.ContinueStatement;

/**
 * The first `return`/`throw`/`break`/`continue` on `path` after position `after` of its first
 * segment, or undefined when the path falls off the end of its function.
 */
export function firstJumpOnPath(
  recorder: CodePathRecorder,
  path: readonly CodePathSegment[],
  after: number,
): JumpStatement | undefined {
  for (const [index, segment] of path.entries()) {
    for (const node of recorder.jumpStatementsIn(segment)) {
      if (index === 0 && (recorder.enterPosition(node)?.order ?? 0) <= after) continue;
      return node;
    }
  }
  return undefined;
}

function isJumpStatement(node: TSESTree.Node): node is JumpStatement {
  return (
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.ThrowStatement ||
    node.type === AST_NODE_TYPES.BreakStatement ||
    node.type === AST_NODE_TYPES.ContinueStatement
  );
}

/**
 * Segments reachable from `from` (inclusive), bounded. Segments in `stopAt` (other than the origins)
 * are neither included nor walked through — e.g. the place a loop creates the next value.
 */
export function reachableSegments(
  from: readonly CodePathSegment[],
  stopAt: ReadonlySet<CodePathSegment> = new Set(),
  maxSegments = 2000,
): Set<CodePathSegment> {
  const seen = new Set<CodePathSegment>(from);
  const queue = [...from];
  for (let index = 0; index < queue.length && seen.size < maxSegments; index += 1) {
    const segment = queue[index];
    if (!segment) break;
    for (const next of segment.nextSegments) {
      if (!seen.has(next) && !stopAt.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
