/**
 * Which calls produce an HTTP response that must be read or released.
 *
 * A call is a response source when its callee is one of the client functions of
 * `libraries/response-sources.ts` (identified through `resolveModuleRefs`, never by name), a
 * request method of an undici dispatcher or axios instance built in this file, a callee that may be
 * one of those (`(this.fetchImpl ?? fetch)(url)`: one branch is a source, none is known to be
 * something else), or a function of this file that returns such a response (`fetchWithRetry`, also
 * picked through a local: `const get = noCache ? fetchNoCache : fetchCached`).
 * `HEAD` requests are not sources: their responses have no body.
 */
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { classifyBodyUse, type BodyUseContext } from './body-consumption';
import { matchesExportSpec, type ExportSpec } from './export-spec';
import {
  DISPATCHER_CLASSES,
  DISPATCHER_FACTORIES,
  DISPATCHER_REQUEST_METHODS,
  RESPONSE_SOURCES,
  type BodyHolder,
  type ResponseClient,
  type ResponseDelivery,
  type ResponseSourceSpec,
} from './libraries/response-sources';
import { resolveModuleRefs, staticPropertyName } from './module-refs';
import { classifyValueUse } from './value-use';

export interface ResponseSource {
  readonly client: ResponseClient;
  readonly delivery: ResponseDelivery;
  readonly holder: BodyHolder;
  /** Set when the call goes through a function of this file that returns the response. */
  readonly wrapper?: TSESTree.FunctionLike;
}

type Classification = ResponseSource | 'not-a-source' | 'unknown';
type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** How deep to follow locals, wrappers of wrappers and conditional callees. */
const MAX_DEPTH = 6;

export class ResponseSourceResolver {
  private readonly wrapperCache = new Map<FunctionNode, ResponseSource | null>();

  private readonly sourceCode: Readonly<SourceCode>;

  constructor(
    private readonly bodyUseContext: BodyUseContext,
    private readonly sources: readonly ResponseSourceSpec[] = RESPONSE_SOURCES,
  ) {
    this.sourceCode = bodyUseContext.sourceCode as Readonly<SourceCode>;
  }

  /** The response this call produces, or undefined when it is not (known to be) a response source. */
  sourceOfCall(call: TSESTree.CallExpression): ResponseSource | undefined {
    return this.sourceOfCallAt(call, MAX_DEPTH);
  }

  private sourceOfCallAt(call: TSESTree.CallExpression, depth: number): ResponseSource | undefined {
    if (depth <= 0) return undefined;
    const classification = this.classifyCallee(call.callee, depth);
    if (typeof classification === 'string') return undefined;
    if (classification.wrapper === undefined) {
      if (isHeadRequest(call)) return undefined;
      if (classification.client === 'axios-stream' && !hasStreamResponseType(call)) return undefined;
    }
    return classification;
  }

  private classifyCallee(callee: TSESTree.Node, depth: number): Classification {
    if (depth <= 0) return 'unknown';
    const node = stripWrappers(callee);
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      return combine(this.classifyCallee(node.consequent, depth - 1), this.classifyCallee(node.alternate, depth - 1));
    }
    if (node.type === AST_NODE_TYPES.LogicalExpression) {
      return combine(this.classifyCallee(node.left, depth - 1), this.classifyCallee(node.right, depth - 1));
    }
    const scope = this.sourceCode.getScope(node);
    const refs = resolveModuleRefs(node, scope);
    if (refs) {
      const matches = refs.map((ref) => this.sources.find((source) => matchesExportSpec(ref, source.function)));
      const [first] = matches;
      return first && matches.every((match) => match?.client === first.client) ? fromSpec(first) : 'not-a-source';
    }
    if (node.type === AST_NODE_TYPES.Identifier) return this.classifyLocal(node, scope, depth);
    if (node.type === AST_NODE_TYPES.MemberExpression) return this.classifyDispatcherMethod(node, depth);
    if (isFunction(node)) return this.wrapperSource(node, depth) ?? 'not-a-source';
    return 'unknown';
  }

  /** A callee that is a local binding: a function of this file, or a const that picks one. */
  private classifyLocal(node: TSESTree.Identifier, scope: TSESLint.Scope.Scope, depth: number): Classification {
    const variable = ASTUtils.findVariable(scope, node);
    if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return 'unknown';
    const def = variable.defs[0];
    if (!def) return 'unknown';
    if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) {
      return this.wrapperSource(def.node, depth) ?? 'not-a-source';
    }
    if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      return this.classifyCallee(def.node.init, depth - 1);
    }
    return 'unknown';
  }

  /** `pool.request(...)`, `this.client.request(...)`, `api.get(url, { responseType: 'stream' })`. */
  private classifyDispatcherMethod(member: TSESTree.MemberExpression, depth: number): Classification {
    const method = staticPropertyName(member);
    if (method === undefined) return 'unknown';
    const client = this.dispatcherClient(member.object, depth - 1);
    if (!client) return 'unknown';
    if (!DISPATCHER_REQUEST_METHODS[client].includes(method)) return 'not-a-source';
    const spec = this.sources.find((source) => source.client === client);
    return spec ? fromSpec(spec) : 'unknown';
  }

  /** The client of an expression that holds an undici dispatcher or an axios instance. */
  private dispatcherClient(node: TSESTree.Node, depth: number): 'undici' | 'axios-stream' | undefined {
    if (depth <= 0) return undefined;
    const value = stripWrappers(node);
    if (value.type === AST_NODE_TYPES.NewExpression) {
      return this.matchesCallee(value.callee, DISPATCHER_CLASSES) ? 'undici' : undefined;
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      return DISPATCHER_FACTORIES.find((factory) => this.matchesCallee(value.callee, factory.function))?.client;
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(value), value);
      if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return undefined;
      const def = variable.defs[0];
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) {
        return undefined;
      }
      return this.dispatcherClient(def.node.init, depth - 1);
    }
    if (
      value.type === AST_NODE_TYPES.MemberExpression &&
      value.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = staticPropertyName(value);
      return name === undefined ? undefined : this.classFieldDispatcher(value, name, depth - 1);
    }
    return undefined;
  }

  /** `this.pool` where every assignment in the class (field or constructor) builds the same client. */
  private classFieldDispatcher(
    member: TSESTree.MemberExpression,
    name: string,
    depth: number,
  ): 'undici' | 'axios-stream' | undefined {
    const classBody = enclosingClassBody(member);
    if (!classBody) return undefined;
    const values: TSESTree.Node[] = [];
    for (const element of classBody.body) {
      if (
        element.type === AST_NODE_TYPES.PropertyDefinition &&
        !element.computed &&
        element.key.type === AST_NODE_TYPES.Identifier &&
        element.key.name === name &&
        element.value
      ) {
        values.push(element.value);
      }
      if (
        element.type === AST_NODE_TYPES.MethodDefinition &&
        element.kind === 'constructor' &&
        element.value.body
      ) {
        for (const statement of element.value.body.body) {
          const assigned = thisAssignment(statement, name);
          if (assigned) values.push(assigned);
        }
      }
    }
    const clients = values.map((value) => this.dispatcherClient(value, depth));
    const [first] = clients;
    return first && clients.every((client) => client === first) ? first : undefined;
  }

  private matchesCallee(callee: TSESTree.Node, spec: ExportSpec): boolean {
    const refs = resolveModuleRefs(callee, this.sourceCode.getScope(callee));
    return refs !== undefined && refs.length > 0 && refs.every((ref) => matchesExportSpec(ref, spec));
  }

  /**
   * The response a function of this file returns: at least one `return` gives a response from a
   * source and every other `return` gives a response or nothing (`return null`).
   */
  private wrapperSource(fn: FunctionNode, depth: number): ResponseSource | undefined {
    const cached = this.wrapperCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.wrapperCache.set(fn, null); // recursion guard
    let found: ResponseSource | undefined;
    let other = false;
    if (!fn.generator) {
      for (const returned of returnedExpressions(fn, this.sourceCode.visitorKeys)) {
        const source = returned ? this.responseOf(returned, fn, depth - 1) : 'nothing';
        if (source === 'nothing') continue;
        if (source === undefined) {
          other = true;
          break;
        }
        found ??= source;
      }
    }
    const result = found && !other ? { ...found, wrapper: fn } : undefined;
    this.wrapperCache.set(fn, result ?? null);
    return result;
  }

  /** What `expression` (returned from `fn`) is: a response, nothing, or something else. */
  private responseOf(
    expression: TSESTree.Node,
    fn: FunctionNode,
    depth: number,
  ): ResponseSource | 'nothing' | undefined {
    const value = stripWrappers(expression, true);
    if (isNullish(value)) return 'nothing';
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const source = this.sourceOfCallAt(value, depth);
      return source && source.delivery !== 'callback' ? source : undefined;
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
    // `const res = await fetch(url); ...; return res;` — every value the local takes is a response.
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(value), value);
    if (!variable || variable.scope.variableScope.block !== fn) return undefined;
    let source: ResponseSource | undefined;
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const written = reference.writeExpr;
      if (!written) return undefined;
      // Only `const res = <call>` / `res = <call>`: a destructured `{ statusCode }` is not the response.
      const binder = reference.identifier.parent;
      const direct =
        (binder?.type === AST_NODE_TYPES.VariableDeclarator && binder.id === reference.identifier) ||
        (binder?.type === AST_NODE_TYPES.AssignmentExpression && binder.left === reference.identifier);
      if (!direct) return undefined;
      const unwrapped = stripWrappers(written, true);
      if (isNullish(unwrapped)) continue;
      if (unwrapped.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const inner = this.sourceOfCallAt(unwrapped, depth - 1);
      if (!inner || inner.delivery === 'callback') return undefined;
      source ??= inner;
    }
    // A wrapper that reads the body itself before returning the response hands over nothing to read
    // (`await res.text(); return res`). Reads after the `return` in the source belong to other paths
    // (`if (res.ok) return res; await res.body?.cancel();` in a retry loop).
    const readsBody = variable.references.some(
      (reference) =>
        reference.isRead() &&
        reference.identifier !== value &&
        reference.identifier.range[0] < value.range[0] &&
        source !== undefined &&
        classifyBodyUse(reference.identifier, source.holder, this.bodyUseContext) !== 'metadata' &&
        classifyValueUse(reference.identifier).kind !== 'returned',
    );
    return readsBody ? undefined : source;
  }
}

function fromSpec(spec: ResponseSourceSpec): ResponseSource {
  return { client: spec.client, delivery: spec.delivery, holder: spec.holder };
}

/** Branches of `a ?? b` / `c ? a : b`: a source if some branch is and none is known not to be. */
function combine(a: Classification, b: Classification): Classification {
  if (a === 'not-a-source' || b === 'not-a-source') return 'not-a-source';
  if (typeof a !== 'string' && typeof b !== 'string') {
    return a.client === b.client && a.holder === b.holder ? a : 'not-a-source';
  }
  if (typeof a !== 'string') return a;
  if (typeof b !== 'string') return b;
  return 'unknown';
}

/** Expressions that pass a value through unchanged (and `await`, when `throughAwait`). */
export function stripWrappers(node: TSESTree.Node, throughAwait = false): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
        if (!throughAwait) return current;
        current = current.argument;
        continue;
      default:
        return current;
    }
  }
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node && node.regex)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

function isNeverReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true);
}

/** The value of each `return` in `fn` itself (not nested functions); undefined for a bare `return`. */
function returnedExpressions(
  fn: FunctionNode,
  visitorKeys: SourceCode['visitorKeys'],
): (TSESTree.Node | undefined)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: (TSESTree.Node | undefined)[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      found.push(node.argument ?? undefined);
      return;
    }
    if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item);
      } else if (isNode(child)) {
        visit(child);
      }
    }
  };
  for (const statement of fn.body.body) visit(statement);
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** True when an object-literal argument sets `method: 'HEAD'` (any case). */
export function isHeadRequest(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) => stringProperty(argument, 'method')?.toUpperCase() === 'HEAD',
  );
}

/** True when an object-literal argument sets `responseType: 'stream'`. */
function hasStreamResponseType(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => stringProperty(argument, 'responseType') === 'stream');
}

function stringProperty(node: TSESTree.Node, name: string): string | undefined {
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key =
      property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    if (key !== name) continue;
    const value = property.value;
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
    if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
      return value.quasis[0]?.value.cooked ?? undefined;
    }
  }
  return undefined;
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

/** `this.<name> = value;` as a statement: the value. */
function thisAssignment(statement: TSESTree.Statement, name: string): TSESTree.Node | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = statement.expression;
  if (
    expression.type !== AST_NODE_TYPES.AssignmentExpression ||
    expression.operator !== '=' ||
    expression.left.type !== AST_NODE_TYPES.MemberExpression ||
    expression.left.object.type !== AST_NODE_TYPES.ThisExpression ||
    staticPropertyName(expression.left) !== name
  ) {
    return undefined;
  }
  return expression.right;
}
