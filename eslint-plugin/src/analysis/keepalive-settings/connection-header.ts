/**
 * `Connection: close` written into request headers, and the requests where closing is the point
 * (a CONNECT tunnel, an Upgrade), read from object literals.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { matchesExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { HEADERS_CLASSES } from '../libraries/request-options';
import { lookupProperty } from '../../ast/lookup-property';
import { staticObjectLiteral } from '../../ast/static-object-literal';
import { staticString } from '../../ast/static-string';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { RemovableSetting } from './keepalive-finding';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A header value that is `close` (any case, surrounding blanks ignored). */
export function isCloseValue(node: TSESTree.Node): boolean {
  return staticString(node)?.trim().toLowerCase() === 'close';
}

/** `{ Connection: 'close' }` (any case of the name) in a headers literal. */
export function connectionCloseProperty(headers: TSESTree.ObjectExpression): RemovableSetting | undefined {
  const { property, certain } = lookupProperty(headers, 'connection', { caseInsensitive: true });
  if (!property || !certain || !isCloseValue(property.value)) return undefined;
  return { kind: 'connectionClose', at: property, remove: property };
}

/** `new Headers({ ... })` (the global or undici's): the object literal it is built from. */
function headersInit(sourceCode: SourceCode, value: TSESTree.Node): TSESTree.Node {
  const expression = stripWrappers(value);
  if (expression.type !== AST_NODE_TYPES.NewExpression || expression.arguments.length !== 1) return value;
  const [init] = expression.arguments;
  const refs = resolveModuleRefs(expression.callee, sourceCode.getScope(expression));
  const isHeaders = refs?.length && refs.every((ref) => HEADERS_CLASSES.some((spec) => matchesExportSpec(ref, spec)));
  return isHeaders && init && init.type !== AST_NODE_TYPES.SpreadElement ? init : value;
}

/** The `headers` option of request options, as a literal (also through `new Headers({...})`). */
export function headersLiteralOf(sourceCode: SourceCode, options: TSESTree.ObjectExpression): TSESTree.ObjectExpression | undefined {
  const { property, certain } = lookupProperty(options, 'headers');
  if (!property || !certain) return undefined;
  return staticObjectLiteral(headersInit(sourceCode, property.value), sourceCode.getScope(property.value));
}

/**
 * A CONNECT request (a proxy tunnel) or an Upgrade request (WebSocket) hands its socket over to
 * the caller, so the socket never goes back to a pool: `agent: false` is the right choice there.
 */
export function isTunnelOrUpgrade(sourceCode: SourceCode, options: TSESTree.ObjectExpression): boolean {
  const method = lookupProperty(options, 'method').property;
  if (method && staticString(method.value)?.toUpperCase() === 'CONNECT') return true;
  const headers = lookupProperty(options, 'headers').property;
  if (!headers) return false;
  const headerObject = staticObjectLiteral(headers.value, sourceCode.getScope(headers.value));
  if (!headerObject) return false;
  if (lookupProperty(headerObject, 'upgrade', { caseInsensitive: true }).property) return true;
  const connection = lookupProperty(headerObject, 'connection', { caseInsensitive: true }).property;
  return connection !== undefined && /\bupgrade\b/i.test(staticString(connection.value) ?? '');
}
