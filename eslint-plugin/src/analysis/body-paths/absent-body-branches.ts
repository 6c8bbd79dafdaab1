/**
 * Branches on which a response is known to have no body, as code-path edges that a path search
 * must not take: `if (!res.body) return`, `if (res.status === 204) ...` (also through a status copy:
 * `const status = res.status`, `const { statusCode, body } = await request(url)`), `res && ...`,
 * `switch (res.status) { case 304: ... }`, `if (options.method === 'HEAD') ...`.
 * The conditions themselves are judged by `bodyAbsentWhen` (body-absence.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { BODYLESS_STATUSES, bodyAbsentWhen, type AbsenceSubjects } from './body-absence';
import { edgeKey, type CodePathRecorder } from './code-paths';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isInlineFunction } from '../../ast/function-node';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { staticPropertyName } from '../../ast/static-property-name';

export class AbsentBodyEdges {
  constructor(
    private readonly recorder: CodePathRecorder,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  /**
   * The edges (`edgeKey`) into branches where the response has no body, for the branch tests
   * (from `branchTestsOf` / `statusBranchTestOf`) and `switch` statements given.
   */
  blockedEdges(tests: Iterable<TSESTree.Node>, subjects: AbsenceSubjects): Set<string> {
    const blocked = new Set<string>();
    for (const test of tests) {
      if (test.type === AST_NODE_TYPES.SwitchStatement) {
        // `case 204:` proves nothing for a response that holds its socket until read (node:http).
        if (!subjects.emptyResponseHoldsSocket) this.blockBodylessCases(test, blocked);
      } else {
        this.blockAbsentBranch(test, subjects, blocked);
      }
    }
    return blocked;
  }

  /**
   * Blocks the edges into the branch of `test` where the response has no body. `test` is the
   * condition of an `if` / `?:`, or the left operand of `&&` / `||` (`res && !res.bodyUsed`).
   */
  private blockAbsentBranch(test: TSESTree.Node, subjects: AbsenceSubjects, blocked: Set<string>): void {
    const parent = test.parent;
    let whenTrue: TSESTree.Node | undefined;
    let whenFalse: TSESTree.Node | undefined;
    if (
      (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) &&
      parent.test === test
    ) {
      whenTrue = parent.consequent;
      whenFalse = parent.alternate ?? undefined;
    } else if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.left === test) {
      if (parent.operator === '&&') whenTrue = parent.right;
      else if (parent.operator === '||') whenFalse = parent.right;
      else return;
    } else {
      return;
    }
    const absentWhen = bodyAbsentWhen(test, subjects);
    if (!absentWhen) return;
    const absentBranch = absentWhen === 'true' ? whenTrue : whenFalse;
    const presentBranch = absentWhen === 'true' ? whenFalse : whenTrue;
    const testSegments = new Set<TSESLint.CodePathSegment>();
    this.collectSegments(test, testSegments);
    if (absentBranch) {
      const targets = this.recorder.enterPosition(absentBranch)?.segments ?? [];
      for (const from of testSegments) for (const to of targets) blocked.add(edgeKey(from, to));
      return;
    }
    // No node on the absent side (`if (res.body) { ... }`, `res && ...`): block the test's edges
    // that leave the test without entering the present branch. (A test has several segments when
    // it short-circuits, and parallel ones inside `finally`.)
    if (!presentBranch) return;
    const presentSegments = this.recorder.enterPosition(presentBranch)?.segments ?? [];
    if (presentSegments.length === 0) return;
    for (const from of testSegments) {
      for (const to of from.nextSegments) {
        if (!testSegments.has(to) && !presentSegments.includes(to)) blocked.add(edgeKey(from, to));
      }
    }
  }

  /**
   * `switch (res.status) { case 204: case 304: return null; ... }`: block every edge into the first
   * statement of a case body that only bodyless statuses reach.
   */
  private blockBodylessCases(statement: TSESTree.SwitchStatement, blocked: Set<string>): void {
    let onlyBodyless = true;
    for (const switchCase of statement.cases) {
      const bodyless =
        switchCase.test?.type === AST_NODE_TYPES.Literal &&
        typeof switchCase.test.value === 'number' &&
        BODYLESS_STATUSES.has(switchCase.test.value);
      onlyBodyless &&= bodyless;
      if (switchCase.consequent.length === 0) continue;
      const [first] = switchCase.consequent;
      if (onlyBodyless && first) {
        for (const target of this.recorder.enterPosition(first)?.segments ?? []) {
          for (const from of target.prevSegments) blocked.add(edgeKey(from, target));
        }
      }
      // A case with statements ends the fall-through group (a `break` or not, be conservative).
      onlyBodyless = true;
    }
  }

  /** The segments of `node` and of everything inside it except nested functions. */
  private collectSegments(node: TSESTree.Node, into: Set<TSESLint.CodePathSegment>): void {
    const add = (part: TSESTree.Node): void => {
      for (const segment of this.recorder.enterPosition(part)?.segments ?? []) into.add(segment);
    };
    add(node);
    forEachDescendant(node, this.sourceCode.visitorKeys, (child) => {
      if (isInlineFunction(child)) return false;
      add(child);
      return undefined;
    });
  }

  /** `const status = res.status`, `const { statusCode: code } = res`: never-reassigned status copies. */
  statusAliasesOf(variable: TSESLint.Scope.Variable): TSESLint.Scope.Variable[] {
    const aliases: TSESLint.Scope.Variable[] = [];
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier;
      const parent = identifier.parent;
      let declarator: TSESTree.VariableDeclarator | undefined;
      let names: string[] = [];
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === identifier &&
        STATUS_PROPERTIES.has(staticPropertyName(parent) ?? '') &&
        parent.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.parent.init === parent &&
        parent.parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        declarator = parent.parent;
        names = [parent.parent.id.name];
      } else if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === identifier &&
        parent.id.type === AST_NODE_TYPES.ObjectPattern
      ) {
        declarator = parent;
        names = statusBindingNames(parent.id);
      }
      if (!declarator || names.length === 0) continue;
      for (const alias of this.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []) {
        if (names.includes(alias.name) && isNeverReassigned(alias)) {
          aliases.push(alias);
        }
      }
    }
    return aliases;
  }
}

const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['status', 'statusCode']);

/** Names bound to `status` / `statusCode` by an object pattern (`{ statusCode: code }` -> code). */
export function statusBindingNames(pattern: TSESTree.ObjectPattern): string[] {
  const names: string[] = [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    if (property.key.type !== AST_NODE_TYPES.Identifier || !STATUS_PROPERTIES.has(property.key.name)) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier) names.push(value.name);
  }
  return names;
}

/** `switch (status)` where `identifier` is a status alias. */
function switchOnStatusAlias(identifier: TSESTree.Node): TSESTree.SwitchStatement | undefined {
  const statement = identifier.parent;
  return statement?.type === AST_NODE_TYPES.SwitchStatement && statement.discriminant === identifier ? statement : undefined;
}

/** `switch (res.status)` / `switch (res.statusCode)` where `identifier` is `res`. */
function switchOnStatusOf(identifier: TSESTree.Node): TSESTree.SwitchStatement | undefined {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return undefined;
  const name = staticPropertyName(member);
  if (name !== 'status' && name !== 'statusCode') return undefined;
  const statement = member.parent;
  return statement?.type === AST_NODE_TYPES.SwitchStatement && statement.discriminant === member ? statement : undefined;
}

/** Left operands of `&&` / `||` that contain `identifier`, innermost first (`res && ...`). */
function logicalLeftOperands(identifier: TSESTree.Node): TSESTree.Node[] {
  const operands: TSESTree.Node[] = [];
  let child: TSESTree.Node = identifier;
  for (let node = identifier.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.left === child) operands.push(child);
    if (node.type.endsWith('Statement') || node.type.endsWith('Declaration') || isInlineFunction(node)) break;
    child = node;
  }
  return operands;
}

/** The `if (...)` / `a ? b : c` test that `identifier` is read in, if any. */
export function enclosingBranchTest(identifier: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = identifier;
  for (let node = identifier.parent; node; node = node.parent) {
    if (
      (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) &&
      node.test === child
    ) {
      return child;
    }
    if (
      node.type.endsWith('Statement') ||
      node.type.endsWith('Declaration') ||
      node.type === AST_NODE_TYPES.VariableDeclarator ||
      isInlineFunction(node)
    ) {
      return undefined;
    }
    child = node;
  }
  return undefined;
}

/** The branch tests a read of the response takes part in: `if`/`?:` tests, `&&`/`||` operands, `switch (res.status)`. */
export function branchTestsOf(identifier: TSESTree.Node): TSESTree.Node[] {
  const test = enclosingBranchTest(identifier) ?? switchOnStatusOf(identifier);
  return [...(test ? [test] : []), ...logicalLeftOperands(identifier)];
}

/** The branch test (or `switch`) a read of a status copy takes part in. */
export function statusBranchTestOf(identifier: TSESTree.Node): TSESTree.Node | undefined {
  return enclosingBranchTest(identifier) ?? switchOnStatusAlias(identifier);
}
