/**
 * One condition tested twice on a path, as code-path edges. In
 *
 *   const { statusCode, body } = await request(url);
 *   if (statusCode !== 200) await body.dump();
 *   if (statusCode === 200) { return body.json(); }
 *
 * a path that skipped the first branch knows `statusCode === 200`, so it cannot skip the second:
 * every path reads or dumps the body. A path search carries what it learnt from such tests
 * (`PathSearch.repeatedTests`).
 *
 * Tests are paired by what they ask: a plain read (`x`, `a.b`, `!x`) or a comparison of one with a
 * literal (`status === 200`, `res.status !== 204`, `x == null`), `!==` being the other answer of
 * `===` (and `!=` of `==`). A `const` (or never reassigned) local keeps its value; anything else
 * — a property, a variable assigned again — is forgotten in a segment that calls, awaits or writes.
 * A condition asked once in the function is ignored.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode } from '../../ast/function-node';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { edgeKey, type CodePathRecorder } from './code-paths';

type Segment = TSESLint.CodePathSegment;

/** What a path learns on an edge: fact `bit` holds, fact `clears` (the other answer) no longer. */
export interface LearnedFact {
  readonly bit: number;
  readonly clears: number;
}

export interface RepeatedTestEdges {
  /** Edges out of a repeated test into one of its branches, with the fact that branch proves. */
  readonly learn: ReadonlyMap<string, LearnedFact>;
  /** Edges a path cannot take while it knows fact `bit` (the branch of the other answer). */
  readonly blockedBy: ReadonlyMap<string, number>;
  /** Segments that call, await or write: entering one forgets the facts in `volatile`. */
  readonly forgetting: ReadonlySet<Segment>;
  /** Facts about values that may change (properties, variables assigned again). */
  readonly volatile: number;
}

/** At most this many distinct conditions per function (two facts each, one bit per fact). */
const MAX_CONDITIONS = 15;

const answers = new WeakMap<TSESTree.Node, RepeatedTestEdges | null>();

/** The repeated-test edges of the function (or program) `owner`, or undefined when it has none. */
export function repeatedTestEdges(
  owner: TSESTree.Node,
  recorder: CodePathRecorder,
  sourceCode: Readonly<TSESLint.SourceCode>,
): RepeatedTestEdges | undefined {
  const known = answers.get(owner);
  if (known !== undefined) return known ?? undefined;
  const answer = compute(owner, recorder, sourceCode) ?? null;
  answers.set(owner, answer);
  return answer ?? undefined;
}

interface Question {
  readonly statement: TSESTree.IfStatement;
  /** True when the consequent is where the question's answer is yes. */
  readonly yesWhenTrue: boolean;
  readonly subject: TSESTree.Node;
}

function compute(owner: TSESTree.Node, recorder: CodePathRecorder, sourceCode: Readonly<TSESLint.SourceCode>): RepeatedTestEdges | undefined {
  const questions = new Map<string, Question[]>();
  const forgetting = new Set<Segment>();
  const body = isFunctionNode(owner) ? owner.body : owner;
  forEachDescendant(body, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
    if (changesState(node)) for (const segment of recorder.enterPosition(node)?.segments ?? []) forgetting.add(segment);
    if (node.type === AST_NODE_TYPES.IfStatement) {
      const asked = questionOf(node.test, sourceCode);
      if (asked) {
        let list = questions.get(asked.key);
        if (!list) questions.set(asked.key, (list = []));
        list.push({ statement: node, yesWhenTrue: asked.yesWhenTrue, subject: asked.subject });
      }
    }
    return undefined;
  });

  const learn = new Map<string, LearnedFact>();
  const blockedBy = new Map<string, number>();
  let volatile = 0;
  let condition = 0;
  for (const asked of questions.values()) {
    if (asked.length < 2 || condition >= MAX_CONDITIONS) continue;
    const yes = 1 << (2 * condition);
    const no = 1 << (2 * condition + 1);
    condition += 1;
    if (asked.some(({ subject }) => !keepsValue(subject, sourceCode))) volatile |= yes | no;
    for (const { statement, yesWhenTrue } of asked) {
      const branches = branchEdges(statement, recorder);
      if (!branches) continue;
      const [whenYes, whenNo] = yesWhenTrue ? [branches.consequent, branches.alternate] : [branches.alternate, branches.consequent];
      for (const edge of whenYes) {
        learn.set(edge, { bit: yes, clears: no });
        blockedBy.set(edge, no);
      }
      for (const edge of whenNo) {
        learn.set(edge, { bit: no, clears: yes });
        blockedBy.set(edge, yes);
      }
    }
  }
  return learn.size > 0 ? { learn, blockedBy, forgetting, volatile } : undefined;
}

/** The question `test` asks (`key`), and whether its consequent is the yes side. */
function questionOf(
  test: TSESTree.Expression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { key: string; yesWhenTrue: boolean; subject: TSESTree.Node } | undefined {
  let node: TSESTree.Node = test;
  let yesWhenTrue = true;
  while (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    yesWhenTrue = !yesWhenTrue;
    node = node.argument;
  }
  const text = (part: TSESTree.Node) => sourceCode.getText(part).replace(/\s+/g, '');
  if (isPlainRead(node)) return { key: text(node), yesWhenTrue, subject: node };
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const strict = node.operator === '===' || node.operator === '!==';
  if (!strict && node.operator !== '==' && node.operator !== '!=') return undefined;
  const [subject, literal] = isPlainRead(node.left) && isLiteral(node.right) ? [node.left, node.right] : isPlainRead(node.right) && isLiteral(node.left) ? [node.right, node.left] : [];
  if (!subject || !literal) return undefined;
  const negative = node.operator === '!==' || node.operator === '!=';
  return { key: `${text(subject)}${strict ? '===' : '=='}${text(literal)}`, yesWhenTrue: negative ? !yesWhenTrue : yesWhenTrue, subject };
}

/** `x`, `a.b.c`, `this.a`: reads and does nothing else. */
function isPlainRead(node: TSESTree.Node): boolean {
  let part: TSESTree.Node = node;
  while (part.type === AST_NODE_TYPES.MemberExpression && !part.computed && !part.optional) part = part.object;
  return part.type === AST_NODE_TYPES.Identifier || part.type === AST_NODE_TYPES.ThisExpression;
}

function isLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && !('regex' in node && node.regex)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** A local never assigned again keeps its value whatever runs in between; a property may not. */
function keepsValue(subject: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (subject.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(subject), subject);
  return variable !== null && variable.defs.length > 0 && isNeverReassigned(variable);
}

/** Nodes that may change what a plain read gives: calls (getters aside), awaits, writes. */
function changesState(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'delete';
    default:
      return false;
  }
}

/** The edges from the test of `statement` into its consequent, and those into its alternate (or past it). */
function branchEdges(statement: TSESTree.IfStatement, recorder: CodePathRecorder): { consequent: string[]; alternate: string[] } | undefined {
  const testSegments = recorder.enterPosition(statement.test)?.segments ?? [];
  const consequentEntry = recorder.enterPosition(statement.consequent)?.segments ?? [];
  const alternateEntry = statement.alternate ? (recorder.enterPosition(statement.alternate)?.segments ?? []) : undefined;
  if (testSegments.length === 0 || consequentEntry.length === 0) return undefined;
  const consequent: string[] = [];
  const alternate: string[] = [];
  for (const from of testSegments) {
    for (const to of from.nextSegments) {
      if (consequentEntry.includes(to)) consequent.push(edgeKey(from, to));
      // Not the edges ESLint adds into a `catch` as if the test could throw.
      else if (!recorder.isCatchEntry(to) && (alternateEntry === undefined || alternateEntry.includes(to))) alternate.push(edgeKey(from, to));
    }
  }
  return consequent.length > 0 && alternate.length > 0 ? { consequent, alternate } : undefined;
}
