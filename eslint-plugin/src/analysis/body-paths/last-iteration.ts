/**
 * A counted retry loop's last iteration, as code-path edges. In
 *
 *   for (let attempt = 0; attempt <= max; attempt++) {
 *     last = await fetch(url);
 *     if (last.ok) return last;
 *     if (attempt < max) { await last.body?.cancel(); await sleep(); }
 *   }
 *   return last;
 *
 * the branch where `attempt < max` is false is taken on the last iteration only: from there the
 * loop's test fails after `attempt++`, so no path goes from that branch back into the loop body
 * (where the response would be replaced unread). The guard may compare the counter with the loop's
 * bound or with the bound moved by a constant (`attempt + 1 < max`, `attempt < max - 1`,
 * `attempt !== max`, `attempt === max`); it is accepted only when the branch's condition implies
 * that `counter + 1` fails the loop test. The loop must be `for (...; i <= E | i < E; i++ | ++i |
 * i += 1)` with `i` written nowhere else, and `E` must not be written inside the loop.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode } from '../../ast/function-node';
import { edgeKey, type CodePathRecorder } from './code-paths';

/** Edges of one loop for `searchPaths` (see `PathSearch.lastIteration`). */
export interface LastIterationEdges {
  /** Edges into a branch taken only on the last iteration. */
  readonly enter: ReadonlySet<string>;
  /** Edges a path on the last iteration cannot take: from the loop test into the body. */
  readonly blocked: ReadonlySet<string>;
  /** Edges that start the loop afresh (from its initialiser into its test): the state ends there. */
  readonly leave: ReadonlySet<string>;
}

/** `counter OP bound + offset`, with `bound` as source text (whitespace removed). */
interface Comparison {
  readonly operator: string;
  readonly bound: string;
  readonly offset: number;
}

type Segment = TSESLint.CodePathSegment;

/**
 * The last-iteration edges of the innermost counted `for` loop around `node` (inside `owner`), or
 * undefined when there is no such loop or no guard in it that tells the last iteration apart.
 */
export function lastIterationEdges(
  node: TSESTree.Node,
  owner: TSESTree.Node,
  recorder: CodePathRecorder,
  sourceCode: Readonly<TSESLint.SourceCode>,
): LastIterationEdges | undefined {
  const loop = enclosingForLoop(node, owner);
  if (!loop) return undefined;
  const counted = countedLoop(loop, sourceCode);
  if (!counted) return undefined;
  const enter = new Set<string>();
  forEachDescendant(loop.body, sourceCode.visitorKeys, (child) => {
    if (isFunctionNode(child) || child.type === AST_NODE_TYPES.ClassBody) return false;
    if (child.type === AST_NODE_TYPES.IfStatement) addGuardEdges(child, counted, recorder, sourceCode, enter);
    return undefined;
  });
  if (enter.size === 0) return undefined;
  const testSegments = segmentsOf(loop.test!, recorder, sourceCode);
  const bodyEntry = recorder.enterPosition(loop.body)?.segments ?? [];
  const blocked = new Set<string>();
  for (const from of testSegments) for (const to of from.nextSegments) if (bodyEntry.includes(to)) blocked.add(edgeKey(from, to));
  if (blocked.size === 0) return undefined;
  const updateSegments = segmentsOf(loop.update!, recorder, sourceCode);
  const leave = new Set<string>();
  for (const to of recorder.enterPosition(loop.test!)?.segments ?? []) {
    for (const from of to.prevSegments) if (!updateSegments.has(from) && !testSegments.has(from)) leave.add(edgeKey(from, to));
  }
  return { enter, blocked, leave };
}

function enclosingForLoop(node: TSESTree.Node, owner: TSESTree.Node): TSESTree.ForStatement | undefined {
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (current.type === AST_NODE_TYPES.ForStatement) return current;
    if (
      current.type === AST_NODE_TYPES.WhileStatement ||
      current.type === AST_NODE_TYPES.DoWhileStatement ||
      current.type === AST_NODE_TYPES.ForOfStatement ||
      current.type === AST_NODE_TYPES.ForInStatement
    ) {
      return undefined;
    }
  }
  return undefined;
}

interface CountedLoop {
  readonly counter: TSESLint.Scope.Variable;
  /** The loop test as `counter < bound + offset` or `counter <= bound + offset`. */
  readonly test: Comparison;
}

/** `for (...; i <= E; i++)`: the counter, stepped by one and written nowhere else, and the test. */
function countedLoop(loop: TSESTree.ForStatement, sourceCode: Readonly<TSESLint.SourceCode>): CountedLoop | undefined {
  const update = loop.update;
  let counterNode: TSESTree.Node | undefined;
  if (update?.type === AST_NODE_TYPES.UpdateExpression && update.operator === '++') counterNode = update.argument;
  else if (
    update?.type === AST_NODE_TYPES.AssignmentExpression &&
    update.operator === '+=' &&
    update.right.type === AST_NODE_TYPES.Literal &&
    update.right.value === 1
  ) {
    counterNode = update.left;
  }
  if (counterNode?.type !== AST_NODE_TYPES.Identifier || !loop.test) return undefined;
  const counter = findVariable(sourceCode.getScope(counterNode), counterNode);
  if (!counter) return undefined;
  const writesElsewhere = counter.references.some(
    (reference) => reference.isWrite() && !within(reference.identifier, update!) && !(loop.init && within(reference.identifier, loop.init)),
  );
  if (writesElsewhere) return undefined;
  const test = comparisonOf(loop.test, counter, sourceCode);
  if (!test || (test.operator !== '<' && test.operator !== '<=')) return undefined;
  if (boundWrittenIn(loop, test.bound, sourceCode)) return undefined;
  return { counter, test };
}

/**
 * Records the edges into the branch of `statement` whose condition implies the last iteration:
 * there `counter + 1` fails the loop test.
 */
function addGuardEdges(
  statement: TSESTree.IfStatement,
  loop: CountedLoop,
  recorder: CodePathRecorder,
  sourceCode: Readonly<TSESLint.SourceCode>,
  into: Set<string>,
): void {
  let test: TSESTree.Node = statement.test;
  let negated = false;
  while (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    negated = !negated;
    test = test.argument;
  }
  const guard = comparisonOf(test, loop.counter, sourceCode);
  if (!guard || guard.bound !== loop.test.bound) return;
  const testSegments = segmentsOf(statement.test, recorder, sourceCode);
  for (const whenTrue of [true, false]) {
    const region = whenTrue !== negated ? guard : negate(guard);
    if (!region || !impliesExit(region, loop.test)) continue;
    const branch = whenTrue ? statement.consequent : statement.alternate;
    if (branch) {
      for (const to of recorder.enterPosition(branch)?.segments ?? []) for (const from of to.prevSegments) if (testSegments.has(from)) into.add(edgeKey(from, to));
      continue;
    }
    // No `else`: the edges that leave the test without entering the consequent.
    const consequent = recorder.enterPosition(statement.consequent)?.segments ?? [];
    for (const from of testSegments) {
      for (const to of from.nextSegments) if (!testSegments.has(to) && !consequent.includes(to)) into.add(edgeKey(from, to));
    }
  }
}

/**
 * True when `counter REGION` (relative to the same bound as the loop test) implies that
 * `counter + 1` fails the test, i.e. `counter > bound + test.offset - 1` for `<=` and
 * `counter >= bound + test.offset - 1` for `<`, for any real counter.
 */
function impliesExit(region: Comparison, test: Comparison): boolean {
  const limit = test.offset - 1;
  const strict = test.operator === '<=';
  switch (region.operator) {
    case '>=':
    case '===':
    case '==':
      return strict ? region.offset > limit : region.offset >= limit;
    case '>':
      return region.offset >= limit;
    default:
      return false;
  }
}

function negate(comparison: Comparison): Comparison | undefined {
  const opposite: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '!==': '===', '!=': '==', '===': '!==', '==': '!=' };
  const operator = opposite[comparison.operator];
  return operator ? { ...comparison, operator } : undefined;
}

/** `counter OP other` (either side, `counter ± c`, `other ± c`) as `counter OP bound + offset`. */
function comparisonOf(
  node: TSESTree.Node,
  counter: TSESLint.Scope.Variable,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Comparison | undefined {
  if (node.type !== AST_NODE_TYPES.BinaryExpression || node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '===': '===', '==': '==', '!==': '!==', '!=': '!=' };
  if (!flipped[node.operator]) return undefined;
  const left = linearTerm(node.left, sourceCode);
  const right = linearTerm(node.right, sourceCode);
  const isCounter = (term: LinearTerm): boolean => term.identifier !== undefined && findVariable(sourceCode.getScope(term.identifier), term.identifier) === counter;
  let counterSide: LinearTerm;
  let boundSide: LinearTerm;
  let operator: string = node.operator;
  if (isCounter(left) && !isCounter(right)) {
    counterSide = left;
    boundSide = right;
  } else if (isCounter(right) && !isCounter(left)) {
    counterSide = right;
    boundSide = left;
    operator = flipped[operator]!;
  } else {
    return undefined;
  }
  if (boundSide.text.includes(counter.name)) return undefined;
  // counter + a OP bound + b  <=>  counter OP bound + (b - a)
  return { operator, bound: boundSide.text, offset: boundSide.offset - counterSide.offset };
}

interface LinearTerm {
  readonly text: string;
  readonly offset: number;
  readonly identifier?: TSESTree.Identifier;
}

/** `x`, `x + 1`, `x - 2` as a base (text without spaces) and an integer offset. */
function linearTerm(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): LinearTerm {
  if (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    (node.operator === '+' || node.operator === '-') &&
    node.right.type === AST_NODE_TYPES.Literal &&
    typeof node.right.value === 'number' &&
    Number.isInteger(node.right.value)
  ) {
    const base = linearTerm(node.left, sourceCode);
    return { ...base, offset: base.offset + (node.operator === '+' ? node.right.value : -node.right.value) };
  }
  const text = sourceCode.getText(node).replace(/\s+/g, '');
  return node.type === AST_NODE_TYPES.Identifier ? { text, offset: 0, identifier: node } : { text, offset: 0 };
}

/** True when a variable named in `bound` is written inside the loop (or the bound calls something). */
function boundWrittenIn(loop: TSESTree.ForStatement, bound: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!/^[\w$.]+$/.test(bound)) return true;
  const [root] = bound.split('.');
  let written = false;
  forEachDescendant(loop, sourceCode.visitorKeys, (child) => {
    if (written) return false;
    if (child.type === AST_NODE_TYPES.AssignmentExpression || child.type === AST_NODE_TYPES.UpdateExpression) {
      const target = child.type === AST_NODE_TYPES.AssignmentExpression ? child.left : child.argument;
      const text = sourceCode.getText(target).replace(/\s+/g, '');
      if (text === bound || text === root || bound.startsWith(`${text}.`)) written = true;
    }
    return undefined;
  });
  return written;
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** The segments of `node` and everything inside it except nested functions. */
function segmentsOf(node: TSESTree.Node, recorder: CodePathRecorder, sourceCode: Readonly<TSESLint.SourceCode>): Set<Segment> {
  const segments = new Set<Segment>(recorder.enterPosition(node)?.segments ?? []);
  forEachDescendant(node, sourceCode.visitorKeys, (child) => {
    if (isFunctionNode(child)) return false;
    for (const segment of recorder.enterPosition(child)?.segments ?? []) segments.add(segment);
    return undefined;
  });
  return segments;
}
