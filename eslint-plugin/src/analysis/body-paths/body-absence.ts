/**
 * Branch conditions under which a response has no body to read: `if (!res.body) return`,
 * `if (res.status === 204 || res.status === 304) return null`, `if (!res) return` (a wrapper that
 * may return nothing), `res.body ? ... : ...`, `if (method === 'HEAD')`,
 * `if (res.headers.get('content-length') === '0')` (also through `parseInt()`), `if (err)` in an
 * error-first callback a wrapper hands the response to (`cb(null, res)`). HEAD requests with a literal method are excluded
 * at the source; 204, 205 and 304 responses never carry a body (RFC 9110 §15.3.5, §15.3.6,
 * §15.4.5), and a `Content-Length: 0` body is complete as soon as the headers arrive (§8.6).
 * For node:http responses only a missing response counts: they hold their socket until read even
 * when empty (`emptyResponseHoldsSocket`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNullish } from '../../ast/is-nullish';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';

/** On which outcome of a test the body is known to be absent. */
export type AbsentWhen = 'true' | 'false';

/** Statuses whose responses have no body. */
export const BODYLESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);
const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['status', 'statusCode']);
const BODY_PROPERTIES: ReadonlySet<string> = new Set(['body', 'data']);

/** What the caller knows about the expressions in a test. */
export interface AbsenceSubjects {
  /** The tracked response (or its body stream) itself. */
  readonly isTracked: (node: TSESTree.Node) => boolean;
  /** A local that holds the response's status (`const status = res.status`, `{ statusCode }`). */
  readonly isStatus?: (node: TSESTree.Node) => boolean;
  /** The error argument of an error-first callback given the response: set only when there is none. */
  readonly isError?: (node: TSESTree.Node) => boolean;
  /**
   * The response holds its socket until read even without a body (node:http,
   * libraries/bodyless-responses.ts): a bodyless status, a HEAD method or `Content-Length: 0` then
   * proves nothing; only a missing response (`!res`, an error) does.
   */
  readonly emptyResponseHoldsSocket?: boolean;
}

/**
 * When `test` (a branch condition) proves the body absent, or undefined when it proves nothing.
 */
export function bodyAbsentWhen(
  test: TSESTree.Node,
  subjects: AbsenceSubjects | ((node: TSESTree.Node) => boolean),
): AbsentWhen | undefined {
  const known = typeof subjects === 'function' ? { isTracked: subjects } : subjects;
  return absence(test, known);
}

function absence(test: TSESTree.Node, subjects: AbsenceSubjects): AbsentWhen | undefined {
  const { isTracked } = subjects;
  const node = stripWrappers(test);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator !== '!') return undefined;
      const inner = absence(node.argument, subjects);
      return inner === undefined ? undefined : flip(inner);
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = absence(node.left, subjects);
      const right = absence(node.right, subjects);
      // `a || b` is true when either is; both proving absence on true proves it for the whole.
      if (node.operator === '||' && left === 'true' && right === 'true') return 'true';
      if (node.operator === '&&' && left === 'false' && right === 'false') return 'false';
      // `a && b` is true only when both are: one side proving absence on true proves it for the
      // whole (`res.ok && res.status === 204`); likewise `a || b` on false.
      if (node.operator === '&&' && (left === 'true' || right === 'true')) return 'true';
      if (node.operator === '||' && (left === 'false' || right === 'false')) return 'false';
      return undefined;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return binaryAbsence(node, subjects);
    case AST_NODE_TYPES.CallExpression:
      return !subjects.emptyResponseHoldsSocket && includesBodylessStatus(node, subjects) ? 'true' : undefined;
    default:
      // `if (err)`: an error-first callback gets an error only when there is no response.
      if (subjects.isError?.(node)) return 'true';
      // `res` / `res.body` used as a condition: falsy means there is nothing to read.
      return isBodyHandle(node, isTracked) ? 'false' : undefined;
  }
}

function binaryAbsence(node: TSESTree.BinaryExpression, subjects: AbsenceSubjects): AbsentWhen | undefined {
  const { isTracked } = subjects;
  const equality = node.operator === '===' || node.operator === '==';
  const inequality = node.operator === '!==' || node.operator === '!=';
  if (!equality && !inequality) return undefined;
  const whenEqual: AbsentWhen = equality ? 'true' : 'false';
  const sides: [TSESTree.Node, TSESTree.Node][] = [
    [node.left, node.right],
    [node.right, node.left],
  ];
  for (const [subject, other] of sides) {
    const value = stripWrappers(other);
    // `res.body == null`, `res === undefined`
    if (isBodyHandle(subject, isTracked) && isNullish(value)) return whenEqual;
    // `err !== null`, `err != undefined`: the error is set, so there is no response.
    if (subjects.isError?.(stripWrappers(subject)) && isNullish(value)) return flip(whenEqual);
    // The checks below prove an empty body, not a missing response: nothing for node:http.
    if (subjects.emptyResponseHoldsSocket) continue;
    // `res.status === 204`, `status === 204`
    if (isStatusOf(subject, subjects) && value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') {
      return BODYLESS_STATUSES.has(value.value) ? whenEqual : undefined;
    }
    // `method === 'HEAD'`, `options.method === 'HEAD'`: the response to a HEAD request has no body.
    if (isMethod(subject) && value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') {
      return value.value.toUpperCase() === 'HEAD' ? whenEqual : undefined;
    }
    // `res.headers.get('content-length') === '0'`, `res.headers['content-length'] == 0`
    const loose = node.operator === '==' || node.operator === '!=';
    if (isContentLengthOf(subject, isTracked) && isZeroLength(value, loose)) return whenEqual;
    // `Number(res.headers.get('content-length')) === 0`, `parseInt(...)`, `+res.headers[...]`
    const converted = numberConversionOf(subject);
    if (converted && isContentLengthOf(converted, isTracked) && isZeroLength(value, true)) return whenEqual;
  }
  return undefined;
}

/** `[204, 304].includes(res.status)` */
function includesBodylessStatus(call: TSESTree.CallExpression, subjects: AbsenceSubjects): boolean {
  const callee = stripWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'includes') return false;
  const list = stripWrappers(callee.object);
  const [argument] = call.arguments;
  return (
    list.type === AST_NODE_TYPES.ArrayExpression &&
    list.elements.length > 0 &&
    list.elements.every(
      (element) =>
        element?.type === AST_NODE_TYPES.Literal &&
        typeof element.value === 'number' &&
        BODYLESS_STATUSES.has(element.value),
    ) &&
    argument !== undefined &&
    isStatusOf(argument, subjects)
  );
}

function isStatusOf(node: TSESTree.Node, { isTracked, isStatus }: AbsenceSubjects): boolean {
  const value = stripWrappers(node);
  if (isStatus?.(value)) return true;
  if (value.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticPropertyName(value);
  return name !== undefined && STATUS_PROPERTIES.has(name) && isTracked(stripWrappers(value.object));
}

/** `method` or `x.method` (the request's method). */
function isMethod(node: TSESTree.Node): boolean {
  const value = stripWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'method';
  return value.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(value) === 'method';
}

/** `res.headers.get('content-length')` (any case) or `res.headers['content-length']` of the tracked response. */
function isContentLengthOf(node: TSESTree.Node, isTracked: (node: TSESTree.Node) => boolean): boolean {
  const value = stripWrappers(node);
  let headers: TSESTree.Node | undefined;
  let name: string | undefined;
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1) {
    const callee = stripWrappers(value.callee);
    const [argument] = value.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'get' || !argument) return false;
    headers = stripWrappers(callee.object);
    name = argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
  } else if (value.type === AST_NODE_TYPES.MemberExpression) {
    headers = stripWrappers(value.object);
    name = staticPropertyName(value);
  }
  return (
    name?.toLowerCase() === 'content-length' &&
    headers?.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(headers) === 'headers' &&
    isTracked(stripWrappers(headers.object))
  );
}

/** `'0'`, or `0` when compared loosely (`== 0`: the header value is a string) or after a conversion. */
function isZeroLength(node: TSESTree.Node, loose: boolean): boolean {
  if (node.type !== AST_NODE_TYPES.Literal) return false;
  return node.value === '0' || (loose && node.value === 0);
}

/**
 * The length header inside a number conversion that keeps "no header" apart from zero:
 * `parseInt(x)`, `parseFloat(x)` (NaN for a missing header), and `Number(x)` or `+x` only for
 * `res.headers['content-length']`, which is undefined (NaN) when missing. `Number(headers.get(...))`
 * is not: `get()` returns null for a missing header, `Number(null)` is 0, and a response without
 * the header may well have a (chunked) body.
 */
function numberConversionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  const value = stripWrappers(node);
  const keepsMissingApart = (inner: TSESTree.Node) =>
    stripWrappers(inner).type === AST_NODE_TYPES.MemberExpression ? inner : undefined;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '+') return keepsMissingApart(value.argument);
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const [argument] = value.arguments;
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callee = stripWrappers(value.callee);
  const onNumber =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    stripWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
    (stripWrappers(callee.object) as TSESTree.Identifier).name === 'Number';
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : onNumber ? staticPropertyName(callee) : undefined;
  if (name === 'parseInt' || name === 'parseFloat') {
    // `parseInt(res.headers.get('content-length') ?? '')`: the fallback parses to NaN too.
    const inner = stripWrappers(argument);
    return inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '??' && isLiteral(inner.right, '')
      ? inner.left
      : argument;
  }
  if (name === 'Number' && callee.type === AST_NODE_TYPES.Identifier && value.arguments.length === 1) {
    return keepsMissingApart(argument);
  }
  return undefined;
}

function isLiteral(node: TSESTree.Node, value: string): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === value;
}

/** The tracked value itself or its body stream (`res`, `res.body`, `response.data`). */
function isBodyHandle(node: TSESTree.Node, isTracked: (node: TSESTree.Node) => boolean): boolean {
  const value = stripWrappers(node);
  if (isTracked(value)) return true;
  if (value.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = staticPropertyName(value);
  return name !== undefined && BODY_PROPERTIES.has(name) && isTracked(stripWrappers(value.object));
}

function flip(value: AbsentWhen): AbsentWhen {
  return value === 'true' ? 'false' : 'true';
}
