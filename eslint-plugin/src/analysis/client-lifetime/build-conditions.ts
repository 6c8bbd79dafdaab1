/**
 * Build conditions: a construction that only runs when the caller did not bring a client of its
 * own.
 *
 *   this.s3 = options.s3Client ?? new S3Client({ region: options.region });
 *   const s3 = options.s3Client || new S3Client({});
 *   const s3 = options.s3Client ? options.s3Client : new S3Client({});
 *   if (!options.s3Client) { this.s3 = new S3Client({}); }
 *   const client = target instanceof DynamoDBClient ? target : new DynamoDBClient(target);
 *   constructor({ s3Client, region }) { this.s3 = s3Client ?? new S3Client({ region }); }
 *   constructor(private readonly s3: S3Client = new S3Client({})) {}
 *
 * `guardConditions` reads such guards around a construction inside a function, as small data
 * (which argument, which option, which test) that answers about other modules can cache.
 * `conditionsAtCall` then decides at a call site whether the construction runs: an object literal
 * without the option (or no argument at all) runs it, an object literal with the option, or a
 * value that may already be a client, skips it; anything the call site does not show (a variable,
 * a spread) is unknown — and an unknown build is not reported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { isNullish } from '../../ast/is-nullish';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { findVariable } from '../../ast/find-variable';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The construction is skipped when this argument (or its option) holds a client already. */
export interface BuildCondition {
  /** Zero-based index of the argument that decides. */
  readonly argument: number;
  /** The property of that argument that decides (`s3Client`), or undefined for the argument itself. */
  readonly option?: string;
  /**
   * `present`: skipped when the value is given at all (`opts.s3Client ?? new S3Client()`);
   * `instance`: skipped when the value is a client already (`x instanceof C ? x : new C(x)`).
   */
  readonly skippedWhen: 'present' | 'instance';
}

/** What a call site makes of the conditions of what it calls. */
export type ConditionOutcome =
  | { readonly kind: 'built' }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unknown' }
  /** Decided by the caller's own arguments: the conditions in terms of the caller's parameters. */
  | { readonly kind: 'forwarded'; readonly conditions: readonly BuildCondition[] };

/** The parameter guards around `construction` inside `fn` (empty when it runs unconditionally). */
export function guardConditions(construction: TSESTree.Node, fn: FunctionNode, sourceCode: SourceCode): BuildCondition[] {
  const conditions: BuildCondition[] = [];
  let child: TSESTree.Node = construction;
  let current = construction.parent;
  while (current && current !== fn && !isFunctionNode(current)) {
    const condition = guardAt(child, current, fn, sourceCode);
    if (condition) conditions.push(condition);
    child = current;
    current = current.parent;
  }
  return conditions;
}

/** The condition `parent` puts on `child` running, when it tests a parameter. */
function guardAt(
  child: TSESTree.Node,
  parent: TSESTree.Node,
  fn: FunctionNode,
  sourceCode: SourceCode,
): BuildCondition | undefined {
  switch (parent.type) {
    case AST_NODE_TYPES.LogicalExpression:
      // `opts.client ?? new C()` / `opts.client || new C()`: runs when the left side is missing.
      if (parent.right !== child || parent.operator === '&&') return undefined;
      return testedSubject(parent.left, true, fn, sourceCode);
    case AST_NODE_TYPES.AssignmentPattern: {
      // A default: `(s3 = new S3Client())`, `constructor(private s3 = new S3Client())`,
      // `({ s3 = new S3Client() })`: runs when the argument (or its option) is not given.
      if (parent.right !== child) return undefined;
      const position = parameterPosition(parent.left, fn);
      return position && { ...position, skippedWhen: 'present' };
    }
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.IfStatement: {
      if (parent.test === child) return undefined;
      const inConsequent = parent.consequent === child;
      // The construction runs when the test is false (alternate) or true (consequent).
      return testedSubject(parent.test, !inConsequent, fn, sourceCode);
    }
    default:
      return undefined;
  }
}

/**
 * `test` checks a parameter (or its option) for a client; `runsWhenFalse` says on which outcome
 * the construction runs. Only tests whose "true" means "the client is there" give a condition.
 */
function testedSubject(
  test: TSESTree.Node,
  runsWhenFalse: boolean,
  fn: FunctionNode,
  sourceCode: SourceCode,
): BuildCondition | undefined {
  const node = stripWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    return testedSubject(node.argument, !runsWhenFalse, fn, sourceCode);
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    if (node.operator === 'instanceof') {
      if (!runsWhenFalse) return undefined;
      const subject = parameterSubject(node.left, fn, sourceCode);
      return subject && { ...subject, skippedWhen: 'instance' };
    }
    // `x != null`, `x !== undefined` mean "present"; `x == null`, `x === undefined` mean "missing".
    const other = isNullish(node.right) ? node.left : isNullish(node.left) ? node.right : undefined;
    if (!other) return undefined;
    const negative = node.operator === '==' || node.operator === '===';
    const positive = node.operator === '!=' || node.operator === '!==';
    if (!negative && !positive) return undefined;
    return testedSubject(other, negative ? !runsWhenFalse : runsWhenFalse, fn, sourceCode);
  }
  if (!runsWhenFalse) return undefined;
  const subject = parameterSubject(node, fn, sourceCode);
  return subject && { ...subject, skippedWhen: 'present' };
}

/** `options` / `options.s3Client` / a destructured `{ s3Client }`, naming a parameter of `fn`. */
function parameterSubject(
  expression: TSESTree.Node,
  fn: FunctionNode,
  sourceCode: SourceCode,
): Pick<BuildCondition, 'argument' | 'option'> | undefined {
  const node = stripWrappers(expression);
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
    const option = staticPropertyName(node);
    const base = option === undefined ? undefined : parameterSubject(node.object, fn, sourceCode);
    return base && base.option === undefined ? { argument: base.argument, option } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Parameter' || def.node !== fn || !isNeverReassigned(variable)) return undefined;
  return parameterPosition(def.name, fn);
}

/** Where the parameter name `name` sits in `fn`'s parameters: `(a)`, `(a = {})`, `({ a })`, `({ a = x })`. */
function parameterPosition(
  name: TSESTree.Node,
  fn: FunctionNode,
): Pick<BuildCondition, 'argument' | 'option'> | undefined {
  let node: TSESTree.Node = name;
  if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern && node.parent.left === node) node = node.parent;
  const property = node.parent;
  let option: string | undefined;
  if (property?.type === AST_NODE_TYPES.Property && property.value === node && property.parent.type === AST_NODE_TYPES.ObjectPattern) {
    option = propertyKeyName(property);
    if (option === undefined) return undefined;
    node = property.parent;
    if (node.parent?.type === AST_NODE_TYPES.AssignmentPattern && node.parent.left === node) node = node.parent;
  }
  // A TypeScript parameter property (`constructor(private s3?: S3Client)`) wraps the name.
  if (node.parent?.type === AST_NODE_TYPES.TSParameterProperty) node = node.parent;
  const index = fn.params.indexOf(node as TSESTree.Parameter);
  return index < 0 ? undefined : { argument: index, ...(option === undefined ? {} : { option }) };
}

/**
 * Whether a construction guarded by `conditions` runs when `call` (inside `caller`, if it is a
 * function) calls it.
 */
export function conditionsAtCall(
  conditions: readonly BuildCondition[] | undefined,
  call: Call,
  caller: TSESTree.Node | undefined,
  sourceCode: SourceCode,
): ConditionOutcome {
  if (!conditions || conditions.length === 0) return { kind: 'built' };
  const forwarded: BuildCondition[] = [];
  let unknown = false;
  for (const condition of conditions) {
    const outcome = conditionAtCall(condition, call, caller, sourceCode);
    if (outcome.kind === 'skipped') return outcome;
    if (outcome.kind === 'unknown') unknown = true;
    if (outcome.kind === 'forwarded') forwarded.push(...outcome.conditions);
  }
  if (unknown) return { kind: 'unknown' };
  return forwarded.length > 0 ? { kind: 'forwarded', conditions: forwarded } : { kind: 'built' };
}

function conditionAtCall(
  condition: BuildCondition,
  call: Call,
  caller: TSESTree.Node | undefined,
  sourceCode: SourceCode,
): ConditionOutcome {
  const { argument: index, option, skippedWhen } = condition;
  if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    return { kind: 'unknown' };
  }
  const argument = call.arguments[index];
  if (!argument) return { kind: 'built' }; // nothing given: no client either
  const value = stripWrappers(argument);
  if (option === undefined) return valueOutcome(value, skippedWhen, caller, sourceCode);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    if (value.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'unknown' };
    const property = value.properties.find(
      (candidate) => candidate.type === AST_NODE_TYPES.Property && propertyKeyName(candidate) === option,
    );
    if (property?.type !== AST_NODE_TYPES.Property) return { kind: 'built' };
    return valueOutcome(stripWrappers(property.value), skippedWhen, caller, sourceCode);
  }
  const forwarded = caller && isFunctionNode(caller) ? parameterSubject(value, caller, sourceCode) : undefined;
  if (forwarded && forwarded.option === undefined) {
    return { kind: 'forwarded', conditions: [{ argument: forwarded.argument, option, skippedWhen }] };
  }
  return { kind: 'unknown' };
}

/** What passing `value` where the condition looks decides. */
function valueOutcome(
  value: TSESTree.Node,
  skippedWhen: BuildCondition['skippedWhen'],
  caller: TSESTree.Node | undefined,
  sourceCode: SourceCode,
): ConditionOutcome {
  if (isNullish(value)) return { kind: 'built' };
  if (skippedWhen === 'instance' && isPlainValue(value)) return { kind: 'built' };
  const forwarded = caller && isFunctionNode(caller) ? parameterSubject(value, caller, sourceCode) : undefined;
  if (forwarded) return { kind: 'forwarded', conditions: [{ ...forwarded, skippedWhen }] };
  // Something is given where the client may come from: a shared client, most likely.
  return skippedWhen === 'present' ? { kind: 'skipped' } : { kind: 'unknown' };
}

/** An object, array or primitive literal: never an instance of a client class. */
function isPlainValue(value: TSESTree.Node): boolean {
  return (
    value.type === AST_NODE_TYPES.ObjectExpression ||
    value.type === AST_NODE_TYPES.ArrayExpression ||
    value.type === AST_NODE_TYPES.Literal ||
    value.type === AST_NODE_TYPES.TemplateLiteral
  );
}
