/**
 * What one read of a response (or of its body stream) does to the body.
 *
 * Built on `classifyValueUse`: returning, yielding, throwing, passing or storing the response (or its
 * body) hands the body to other code; calling a reading method (`json()`, `text()`, `dump()`,
 * `resume()`, `pipe()`, `getReader()`, `cancel()`, ...) or iterating it consumes it; reading status
 * and headers does neither, nor does testing a field of the caller's own for `undefined`. Anything
 * this module cannot classify counts as consumed — the rules built on it must not report a body
 * that might be read.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { matchesExportSpec, type ExportSpec } from '../imports/export-spec';
import type { BodyHolder } from '../libraries/response-sources';
import { resolveModuleRefs } from '../imports/module-refs';
import { classifyValueUse } from '../../ast/classify-value-use';
import { EVENT_LISTENER_METHODS } from '../libraries/event-emitters';
import { STRINGIFYING_CONSTRUCTORS } from '../libraries/inspecting-calls';
import { isAssertedBodylessStatus } from './status-assertions';
import { SOCKET_INSPECTION_MEMBERS } from '../libraries/socket-inspection';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { staticPropertyName } from '../../ast/static-property-name';
import { isNullish } from '../../ast/is-nullish';
import { stripWrappers } from '../../ast/strip-wrappers';

export type BodyUse =
  /** Read, drained, piped, cancelled or iterated here. */
  | 'consumed'
  /** Given to other code (returned, passed, stored, aliased): its job now. */
  | 'handed-off'
  /** `destroy()`: the socket is freed by closing it, not returned to the pool. */
  | 'destroyed'
  /** `res.bodyUsed` is checked: the code tracks the body's state itself. */
  | 'checks-body-used'
  /** Status, headers, truthiness: the body is untouched. */
  | 'metadata';

/** Where each holder keeps its body stream. */
const BODY_PROPERTY: Readonly<Record<BodyHolder, string | undefined>> = {
  'fetch-response': 'body',
  'undici-response': 'body',
  'axios-response': 'data',
  stream: undefined,
};

/** Properties that only describe the response. Everything not listed here counts as a read. */
const METADATA_PROPERTIES: Readonly<Record<BodyHolder, ReadonlySet<string>>> = {
  'fetch-response': new Set(['status', 'statusText', 'ok', 'headers', 'url', 'redirected', 'type', 'size', 'timeout']),
  'undici-response': new Set(['statusCode', 'statusText', 'headers', 'trailers', 'opaque', 'context']),
  'axios-response': new Set(['status', 'statusText', 'headers', 'config', 'request']),
  stream: new Set([
    'statusCode',
    'statusMessage',
    'headers',
    'headersDistinct',
    'rawHeaders',
    'trailers',
    'trailersDistinct',
    'rawTrailers',
    'httpVersion',
    'httpVersionMajor',
    'httpVersionMinor',
    'complete',
    'aborted',
    'url',
    'method',
    'setEncoding',
    'setTimeout',
    'pause',
    'isPaused',
    'readable',
    'readableEnded',
    'readableFlowing',
    'readableLength',
    'destroyed',
    'locked',
    'off',
    'removeListener',
    'removeAllListeners',
    'listenerCount',
  ]),
};

/**
 * Methods that read, drain or release a body (documentation of what counts; unknown methods count
 * as consuming too). Response: text/json/arrayBuffer/blob/formData/bytes. Stream: undici's
 * `dump()` and readers, WHATWG `cancel/getReader/pipeTo/pipeThrough/tee`, node
 * `resume/read/pipe`.
 */
export const CONSUMING_METHODS: ReadonlySet<string> = new Set([
  'text',
  'json',
  'arrayBuffer',
  'blob',
  'formData',
  'bytes',
  'dump',
  'cancel',
  'getReader',
  'pipeTo',
  'pipeThrough',
  'tee',
  'resume',
  'read',
  'pipe',
  'collect',
  'toArray',
  'forEach',
]);

/** Event listeners that put a node stream in flowing mode (or read it). */
const READING_EVENTS: ReadonlySet<string> = new Set(['data', 'readable']);

/**
 * Functions that only look at a value they are given. Passing the response to one of them is not a
 * hand-off: `console.log(res)` leaves the body unread.
 */
const INSPECTING_FUNCTIONS: readonly ExportSpec[] = [
  { from: 'global', name: ['console.*', 'JSON.stringify', 'String', 'Boolean'] },
  { from: 'package', package: 'util', name: ['inspect', 'format'] },
];

export interface BodyUseContext {
  /** Scope lookups for callee identification. */
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** User-declared helpers that read or release a body given to them (options/settings). */
  readonly consumingHelpers: readonly ExportSpec[];
  /**
   * What a function of the project does with the value passed at `index` of `call`
   * (parameter-use.ts), or undefined when the callee is not one the analysis can see.
   */
  readonly argumentUse?: (call: TSESTree.CallExpression, index: number, holder: BodyHolder) => BodyUse | undefined;
}

/** Classifies one read `reference` of a value held as `holder`. */
export function classifyBodyUse(
  reference: TSESTree.Node,
  holder: BodyHolder,
  context: BodyUseContext,
): BodyUse {
  const use = classifyValueUse(reference);
  switch (use.kind) {
    case 'returned':
    case 'yielded':
    case 'thrown':
    case 'stored':
      return 'handed-off';
    case 'argument':
      return classifyArgumentUse(use.call, use.index, holder, context);
    case 'iterated':
      return 'consumed';
    case 'inspected':
      return 'metadata';
    case 'bound':
      return classifyBinding(use.declarator.id, holder);
    case 'member':
      return classifyMemberUse(use.member, use.property, holder, context);
  }
}

function classifyArgumentUse(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  holder: BodyHolder,
  context: BodyUseContext,
): BodyUse {
  if (call.type === AST_NODE_TYPES.NewExpression) {
    // `new Error(res)`: the message is the string "[object Response]"; nothing reads the body.
    const refs = index === 0 ? resolveModuleRefs(call.callee, context.sourceCode.getScope(call)) : undefined;
    const stringified = refs !== undefined && refs.length > 0 && refs.every((ref) => STRINGIFYING_CONSTRUCTORS.some((spec) => matchesExportSpec(ref, spec)));
    return stringified ? 'metadata' : 'handed-off';
  }
  const byKnownFunction = classifyKnownFunctionArgument(call, context);
  if (byKnownFunction !== 'handed-off') return byKnownFunction;
  // A spread argument (`f(...args)`) reaches an unknown parameter.
  if (call.arguments[index]?.type === AST_NODE_TYPES.SpreadElement) return 'handed-off';
  return context.argumentUse?.(call, index, holder) ?? 'handed-off';
}

/** Consuming helpers from the options, and functions that only inspect their argument. */
function classifyKnownFunctionArgument(call: TSESTree.CallExpression, context: BodyUseContext): BodyUse {
  const refs = resolveModuleRefs(call.callee, context.sourceCode.getScope(call));
  if (!refs || refs.length === 0) return 'handed-off';
  if (refs.every((ref) => context.consumingHelpers.some((spec) => matchesExportSpec(ref, spec)))) {
    return 'consumed';
  }
  if (refs.every((ref) => INSPECTING_FUNCTIONS.some((spec) => matchesExportSpec(ref, spec)))) {
    return 'metadata';
  }
  return 'handed-off';
}

/** `const { status, headers } = res` only reads metadata; any other pattern takes the body along. */
function classifyBinding(pattern: TSESTree.Node, holder: BodyHolder): BodyUse {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return 'handed-off';
  const metadata = METADATA_PROPERTIES[holder];
  const onlyMetadata = pattern.properties.every((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    return key !== undefined && metadata.has(key);
  });
  return onlyMetadata ? 'metadata' : 'handed-off';
}

function classifyMemberUse(
  member: TSESTree.MemberExpression,
  property: string | undefined,
  holder: BodyHolder,
  context: BodyUseContext,
): BodyUse {
  if (property === undefined) return 'consumed';
  // `res.cachedBody = cached`: a field of the caller's own on the response object, not its body.
  const assignment = member.parent;
  if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && assignment.operator === '=') {
    return 'metadata';
  }
  const bodyProperty = BODY_PROPERTY[holder];
  if (bodyProperty !== undefined && property === bodyProperty) {
    return classifyBodyUse(member, 'stream', context);
  }
  if (property === 'bodyUsed' && holder === 'fetch-response') return 'checks-body-used';
  // `res.socket.getPeerCertificate()`: a look at the connection, not at the body.
  if (holder === 'stream' && property === 'socket' && inspectsSocket(member, context.sourceCode)) return 'metadata';
  const call = member.parent;
  const isCalled = call?.type === AST_NODE_TYPES.CallExpression && call.callee === member;
  if (holder === 'stream' && isCalled && property === 'destroy') return 'destroyed';
  if (holder === 'stream' && isCalled && EVENT_LISTENER_METHODS.has(property)) {
    const event = call.arguments[0];
    if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string') {
      return READING_EVENTS.has(event.value) ? 'consumed' : 'metadata';
    }
    return 'consumed';
  }
  // `expect(res.status).toBe(204)`: past the assertion there is no body to release.
  if (STATUS_PROPERTIES.has(property) && isAssertedBodylessStatus(member)) return 'consumed';
  if (METADATA_PROPERTIES[holder].has(property)) return 'metadata';
  // `res.cachedResponseBody !== undefined`: a test of a field the caller's own code put on the
  // response (no property of a fetch Response reads its body); reading the field's value still
  // counts as a read.
  if (holder === 'fetch-response' && !isCalled && isTestedForNullish(member)) return 'metadata';
  return 'consumed';
}

/** `x === undefined`, `x != null`, `typeof x === 'undefined'`: `member` compared with nothing. */
function isTestedForNullish(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof') return true;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || !['===', '!==', '==', '!='].includes(parent.operator)) return false;
  const other = parent.left === member ? parent.right : parent.left;
  return isNullish(stripWrappers(other));
}

/** The properties that hold a response's status code. */
const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['status', 'statusCode']);

/** Where a holder keeps its body, for messages and suggestions (`res.body`, `response.data`). */
export function bodyPropertyOf(holder: BodyHolder): string | undefined {
  return BODY_PROPERTY[holder];
}

/** True when `property` of `holder` is pure metadata (status, headers, ...). */
export function isMetadataProperty(holder: BodyHolder, property: string): boolean {
  return METADATA_PROPERTIES[holder].has(property);
}

/**
 * `res.socket.authorized`, `(res.socket as TLSSocket).getPeerCertificate()`, or a const that holds
 * the socket and is only inspected (`const tls = res.socket as TLSSocket; tls.getProtocol()`).
 */
function inspectsSocket(socket: TSESTree.MemberExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const carrier = outermostCarrier(socket);
  const declarator = carrier.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === carrier && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
    const reads = variable?.references.filter((reference) => !reference.init) ?? [];
    return (
      variable !== undefined &&
      reads.length > 0 &&
      reads.every((reference) => reference.isRead() && !reference.isWrite() && isInspection(outermostCarrier(reference.identifier)))
    );
  }
  return isInspection(carrier);
}

/** `socket.<member>` for a member that only reports on the connection. */
function isInspection(socket: TSESTree.Node): boolean {
  const use = socket.parent;
  if (use?.type !== AST_NODE_TYPES.MemberExpression || use.object !== socket) return false;
  const name = staticPropertyName(use);
  return name !== undefined && SOCKET_INSPECTION_MEMBERS.has(name);
}
