/**
 * What does a function of the project do with a response passed to it? Passing a response to an
 * unknown function counts as handing it off, but for a function the analysis can read — declared in
 * this file, or imported from the project (imported-responses.ts) — it summarises the parameter:
 *
 *   function drain(res) { res.resume(); }                      consumes: the body is read or released
 *   function remember(res) { cache.push(res); }                hands-off: kept, returned, passed on
 *   function assertOk(res) { if (!res.ok) throw new Error(); } metadata: only status or headers,
 *                                                              and it may throw
 *   function ensureOk(res) { if (!res.ok) throw ...; return res } returns: metadata, then gives the
 *                                                              response back (an identity for the
 *                                                              caller, who still owns the body)
 *
 * A metadata-only helper is not a hand-off: the caller still owns the body. When such a helper can
 * throw (an explicit `throw` outside any `try` with a `catch` in the helper), the throw leaves the
 * caller with the body unread. The summary is path-insensitive: any read of the body anywhere in
 * the helper counts as consuming, so a caller is never reported for a body the helper may read —
 * except for one syntactic shape, recorded beside `consumes`: an early `return`/`throw` among the
 * helper's first statements, on a test of the response's status or headers, before any read
 * (unread-early-exits.ts).
 *
 * A local the helper copies the response into (`let response = input`) is followed as the
 * parameter. A helper may also be asked about a PROMISE of the response it awaits itself
 * (`async function handle(input) { const response = await input; ... }`: the locals written with
 * `await input` are the response), and may be a function a factory returns (`const handle =
 * createHandler()`, returned-function.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { classifyValueUse } from '../../ast/classify-value-use';
import { enclosingFunction } from '../../ast/enclosing-function';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { localFunction } from '../../ast/local-function';
import { enclosingClassBody } from '../../ast/enclosing-class-body';
import { instanceMethod } from '../../ast/instance-method';
import { staticPropertyName } from '../../ast/static-property-name';
import { propertyKeyName } from '../../ast/property-key-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ExportSpec } from '../imports/export-spec';
import type { BodyHolder } from '../libraries/response-sources';
import { findVariable } from '../../ast/find-variable';
import { classifyBodyUse, isMetadataProperty, type BodyUse, type BodyUseContext } from './body-consumption';
import { factoryCallOf, returnedFunction } from './returned-function';
import { unreadEarlyExit } from './unread-early-exits';

export type ParameterUse =
  /** `unreadExit`: an early exit on the response's status or headers that leaves it unread (unread-early-exits.ts). */
  | { readonly kind: 'consumes'; readonly unreadExit?: UnreadExit }
  | { readonly kind: 'hands-off' }
  /** `throws`: the helper may throw (`'async'`: as a rejected promise, which only an `await` turns into a throw). */
  | { readonly kind: 'metadata'; readonly throws: false | 'sync' | 'async' }
  /** Only status or headers, then `return res`: the call's value is the same response (`throws` as above). */
  | { readonly kind: 'returns'; readonly throws: false | 'sync' | 'async' };

/**
 * What the parameter is given: the response, or a promise of it that the function awaits
 * (`async function handle(input) { const response = await input; ... }`).
 */
export type GivenValue = 'response' | 'promise';

/** A question about an imported callee (imported-responses.ts). */
export interface ImportedParameterQuery {
  readonly callee: TSESTree.Node;
  readonly index: number;
  readonly holder: BodyHolder;
  readonly given: GivenValue;
  /** The callee is a factory: the question is about the function it returns (`const handle = create()`). */
  readonly madeByFactory: boolean;
}

export interface ParameterUseOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly consumingHelpers: readonly ExportSpec[];
  /** The summary of an imported callee, when it can be read (imported-responses.ts). */
  readonly imported?: (query: ImportedParameterQuery) => ParameterUse | undefined;
}

/** Where a helper that reads the body leaves without reading it: the line of its `return`/`throw`, and (imported) its module. */
export interface UnreadExit {
  readonly kind: 'return' | 'throw';
  readonly line: number;
  readonly file?: string;
}

const HANDS_OFF: ParameterUse = { kind: 'hands-off' };

/**
 * `const response = await input` / `response = await input` / `let response = input` for a local
 * `response` of `fn`: the local and the declarator or assignment that writes it.
 */
function responseLocalOf(
  identifier: TSESTree.Node,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { variable: TSESLint.Scope.Variable; writer: TSESTree.Node } | undefined {
  const use = classifyValueUse(identifier);
  let target: TSESTree.Node;
  let writer: TSESTree.Node;
  if (use.kind === 'bound') {
    writer = use.declarator;
    target = use.declarator.id;
  } else if (use.kind === 'stored' && use.node.parent?.type === AST_NODE_TYPES.AssignmentExpression && use.node.parent.operator === '=') {
    writer = use.node.parent;
    target = use.node.parent.left;
  } else {
    return undefined;
  }
  if (target.type !== AST_NODE_TYPES.Identifier || stripWrappers(use.node, { await: true }) !== identifier) return undefined;
  const variable = findVariable(sourceCode.getScope(target), target);
  if (!variable || variable.scope.variableScope.block !== fn || variable.defs.some((def) => def.type !== 'Variable')) return undefined;
  return { variable, writer };
}

/**
 * A read of a promise that cannot reach its response: `input instanceof Promise`, `typeof
 * input?.then === 'function'`, `!input`, or passing it to a function of this file that does only
 * that with it (`isPromise(input)`).
 */
function onlyTypeChecks(identifier: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): boolean {
  const use = classifyValueUse(identifier);
  if (use.kind === 'inspected') return stripWrappers(use.node, { await: true }) === use.node;
  if (use.kind === 'member') {
    const member = use.member;
    const called = member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
    return use.property === 'then' && !called && classifyValueUse(member).kind === 'inspected';
  }
  if (use.kind !== 'argument' || use.call.type !== AST_NODE_TYPES.CallExpression || depth > 1) return false;
  const callee = stripWrappers(use.call.callee);
  const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, sourceCode.getScope(callee)) : undefined;
  const param = fn?.params[use.index];
  if (!fn || param?.type !== AST_NODE_TYPES.Identifier || usesArguments(fn, sourceCode)) return false;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((candidate) => candidate.defs.some((def) => def.name === param));
  return (
    variable?.references.every(
      (reference) => (!reference.isWrite() || reference.identifier === param) && (!reference.isRead() || onlyTypeChecks(reference.identifier, sourceCode, depth + 1)),
    ) ?? false
  );
}

export class ParameterUses {
  /** Body-use classification that consults these summaries for calls to project functions. */
  readonly bodyUseContext: BodyUseContext;
  private readonly cache = new WeakMap<FunctionNode, Map<string, ParameterUse>>();
  private readonly inProgress = new Set<string>();
  private readonly keys = new WeakMap<FunctionNode, number>();
  private nextKey = 0;

  constructor(private readonly options: ParameterUseOptions) {
    this.bodyUseContext = {
      sourceCode: options.sourceCode,
      consumingHelpers: options.consumingHelpers,
      argumentUse: (call, index, holder) => {
        const use = this.ofArgument(call, index, holder);
        if (use?.kind === 'returns') return passedThroughUse(call);
        return use === undefined ? undefined : bodyUseOf(use);
      },
    };
  }

  /** What the function `call` calls does with its argument at `index`; undefined when it cannot be read. */
  ofArgument(call: TSESTree.CallExpression, index: number, holder: BodyHolder): ParameterUse | undefined {
    return this.ofCallee(call.callee, index, holder);
  }

  /**
   * What the function `callee` names does with its parameter at `index` when given `given`: a
   * function of this file (also one a factory of this file returns: `const handle = create()`), or
   * an imported one; undefined when it cannot be read. Also for a function passed by reference
   * (`fetch(url).then(handleErrors)`).
   */
  ofCallee(calleeNode: TSESTree.Node, index: number, holder: BodyHolder, given: GivenValue = 'response'): ParameterUse | undefined {
    const callee = stripWrappers(calleeNode);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const scope = this.options.sourceCode.getScope(callee);
      const fn = localFunction(callee, scope);
      if (fn) return this.ofFunction(fn, index, holder, given);
      const factoryCall = factoryCallOf(callee, scope);
      if (factoryCall) {
        const factoryCallee = stripWrappers(factoryCall.callee);
        const factory = factoryCallee.type === AST_NODE_TYPES.Identifier ? localFunction(factoryCallee, this.options.sourceCode.getScope(factoryCallee)) : undefined;
        if (factory) {
          const made = returnedFunction(factory, this.options.sourceCode);
          return made ? this.ofFunction(made, index, holder, given) : undefined;
        }
        return this.options.imported?.({ callee: factoryCall.callee, index, holder, given, madeByFactory: true });
      }
    }
    // `this.shouldRetry(response)`: a method of the enclosing class.
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = staticPropertyName(callee);
      const classNode = enclosingClassBody(callee)?.parent;
      const isClass = classNode?.type === AST_NODE_TYPES.ClassDeclaration || classNode?.type === AST_NODE_TYPES.ClassExpression;
      const fn = name !== undefined && isClass ? instanceMethod(classNode, name) : undefined;
      return fn ? this.ofFunction(fn, index, holder, given) : undefined;
    }
    return this.options.imported?.({ callee, index, holder, given, madeByFactory: false });
  }

  /** What `fn` does with its parameter at `index` when given a response (or a promise of one) held as `holder`. */
  ofFunction(fn: FunctionNode, index: number, holder: BodyHolder, given: GivenValue = 'response'): ParameterUse {
    let byParameter = this.cache.get(fn);
    const key = `${index}:${holder}:${given}`;
    const cached = byParameter?.get(key);
    if (cached) return cached;
    const progressKey = `${this.keyOf(fn)}:${key}`;
    // A helper that passes the response back into itself: assume the worst for the caller (quiet).
    if (this.inProgress.has(progressKey)) return HANDS_OFF;
    this.inProgress.add(progressKey);
    let use: ParameterUse;
    try {
      use = given === 'promise' ? this.summarisePromise(fn, index, holder) : this.summarise(fn, index, holder);
    } finally {
      this.inProgress.delete(progressKey);
    }
    if (!byParameter) {
      byParameter = new Map();
      this.cache.set(fn, byParameter);
    }
    byParameter.set(key, use);
    return use;
  }

  private summarise(fn: FunctionNode, index: number, holder: BodyHolder): ParameterUse {
    const { sourceCode } = this.options;
    if (usesArguments(fn, sourceCode)) return HANDS_OFF;
    const metadata: ParameterUse & { kind: 'metadata' } = { kind: 'metadata', throws: throwsFrom(fn, sourceCode.visitorKeys) };
    // TypeScript's `this` parameter is not an argument.
    const params = fn.params.filter((p) => p.type !== AST_NODE_TYPES.Identifier || p.name !== 'this');
    const param = params[index];
    if (!param) return params.some((p) => p.type === AST_NODE_TYPES.RestElement) ? HANDS_OFF : metadata;
    const declared = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (declared.type === AST_NODE_TYPES.ObjectPattern) {
      const onlyMetadata = declared.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          isMetadataProperty(holder, propertyKeyName(property) ?? ''),
      );
      return onlyMetadata ? metadata : HANDS_OFF;
    }
    if (declared.type !== AST_NODE_TYPES.Identifier) return HANDS_OFF;
    const variable = sourceCode.scopeManager
      ?.getDeclaredVariables(fn)
      .find((candidate) => candidate.defs.some((def) => def.name === declared));
    if (!variable) return HANDS_OFF;
    // `let response = input`: a local that takes the response over is followed as the parameter.
    const locals = new Set<TSESLint.Scope.Variable>([variable]);
    const writes = new Set<TSESTree.Node>();
    const handOvers = new Set<TSESTree.Node>();
    for (const reference of variable.references) {
      const target = reference.isRead() ? responseLocalOf(reference.identifier, fn, sourceCode) : undefined;
      if (!target || target.variable === variable) continue;
      locals.add(target.variable);
      writes.add(target.writer);
      handOvers.add(reference.identifier);
    }
    const use = this.summariseVariables(
      fn,
      [...locals],
      holder,
      metadata,
      (identifier) => identifier === declared || (identifier.parent !== undefined && writes.has(identifier.parent)),
      handOvers,
    );
    if (use.kind !== 'consumes') return use;
    const exit = fn.body.type === AST_NODE_TYPES.BlockStatement ? unreadEarlyExit(fn.body, variable, holder, this.bodyUseContext) : undefined;
    if (!exit) return use;
    return { kind: 'consumes', unreadExit: { kind: exit.type === AST_NODE_TYPES.ThrowStatement ? 'throw' : 'return', line: exit.loc.start.line } };
  }

  /**
   * The variables of `fn` that hold the response (`variables`, written only where `isOwnWrite`
   * says): does anything read the body, hand the response on, or give it back?
   */
  private summariseVariables(
    fn: FunctionNode,
    variables: readonly TSESLint.Scope.Variable[],
    holder: BodyHolder,
    metadata: ParameterUse & { kind: 'metadata' },
    isOwnWrite: (identifier: TSESTree.Node) => boolean,
    /** Reads that only hand the response to another of `variables`. */
    handOvers: ReadonlySet<TSESTree.Node> = new Set(),
  ): ParameterUse {
    const { sourceCode } = this.options;
    let consumes = false;
    let returnsIt = false;
    for (const variable of variables) {
      for (const reference of variable.references) {
        if (reference.isWrite() && !isOwnWrite(reference.identifier)) return HANDS_OFF;
        if (!reference.isRead() || handOvers.has(reference.identifier)) continue;
        // `typeof res?.then === 'function'` (a helper that also accepts a promise) reads nothing.
        if (onlyTypeChecks(reference.identifier, sourceCode, 0)) continue;
        if (isReturnedBy(reference.identifier, fn)) {
          returnsIt = true;
          continue;
        }
        const use = classifyBodyUse(reference.identifier, holder, this.bodyUseContext);
        if (use === 'handed-off') return HANDS_OFF;
        if (use !== 'metadata') consumes = true;
      }
    }
    if (consumes) return { kind: 'consumes' };
    return returnsIt ? { kind: 'returns', throws: metadata.throws } : metadata;
  }

  /**
   * `fn` given a promise of the response at `index`: the response is the local the function awaits
   * it into (`const response = await input`, also `let response = input; if (isPromise(input))
   * response = await input`); any other use of the promise than a type check hands it off.
   */
  private summarisePromise(fn: FunctionNode, index: number, holder: BodyHolder): ParameterUse {
    const { sourceCode } = this.options;
    if (usesArguments(fn, sourceCode)) return HANDS_OFF;
    const params = fn.params.filter((p) => p.type !== AST_NODE_TYPES.Identifier || p.name !== 'this');
    const param = params[index];
    const declared = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (declared?.type !== AST_NODE_TYPES.Identifier) return HANDS_OFF;
    const input = sourceCode.scopeManager?.getDeclaredVariables(fn).find((candidate) => candidate.defs.some((def) => def.name === declared));
    if (!input) return HANDS_OFF;
    const responses = new Set<TSESLint.Scope.Variable>();
    /** The reads of the promise that write it into a response local. */
    const writes = new Set<TSESTree.Node>();
    for (const reference of input.references) {
      if (reference.isWrite() && reference.identifier !== declared) return HANDS_OFF;
      if (!reference.isRead()) continue;
      const target = responseLocalOf(reference.identifier, fn, sourceCode);
      if (target) {
        responses.add(target.variable);
        writes.add(target.writer);
        continue;
      }
      if (!onlyTypeChecks(reference.identifier, sourceCode, 0)) return HANDS_OFF;
    }
    if (responses.size === 0) return HANDS_OFF;
    const metadata: ParameterUse & { kind: 'metadata' } = { kind: 'metadata', throws: throwsFrom(fn, sourceCode.visitorKeys) };
    return this.summariseVariables(fn, [...responses], holder, metadata, (identifier) => {
      const writer = identifier.parent;
      return writer !== undefined && writes.has(writer);
    });
  }

  /**
   * The early `return`/`throw` of a helper of this file called by `call` that leaves the response
   * at `index` unread (for a suggestion that releases it there), or undefined.
   */
  unreadExitNode(
    call: TSESTree.CallExpression,
    index: number,
    holder: BodyHolder,
  ): { readonly exit: TSESTree.ReturnStatement | TSESTree.ThrowStatement; readonly parameter: string; readonly fn: FunctionNode } | undefined {
    const callee = stripWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const fn = localFunction(callee, this.options.sourceCode.getScope(callee));
    if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement || this.ofFunction(fn, index, holder).kind !== 'consumes') return undefined;
    const param = fn.params.filter((p) => p.type !== AST_NODE_TYPES.Identifier || p.name !== 'this')[index];
    const declared = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const variable = this.options.sourceCode.scopeManager
      ?.getDeclaredVariables(fn)
      .find((candidate) => candidate.defs.some((def) => def.name === declared));
    const exit = variable && unreadEarlyExit(fn.body, variable, holder, this.bodyUseContext);
    return exit && variable ? { exit, parameter: variable.name, fn } : undefined;
  }

  private keyOf(fn: FunctionNode): number {
    let key = this.keys.get(fn);
    if (key === undefined) {
      key = this.nextKey++;
      this.keys.set(fn, key);
    }
    return key;
  }
}

export function bodyUseOf(use: ParameterUse): BodyUse {
  switch (use.kind) {
    case 'consumes':
      return 'consumed';
    case 'hands-off':
      return 'handed-off';
    case 'metadata':
      return 'metadata';
    case 'returns':
      // Without the call at hand: the response leaves through the call's value.
      return 'handed-off';
  }
}

/**
 * The use of a response passed to a helper that gives it back: `ensureOk(res);` leaves the body with
 * the caller (metadata); any other use of the call's value takes the response along (`const ok =
 * ensureOk(res)` is followed as an alias by binding-paths.ts).
 */
function passedThroughUse(call: TSESTree.CallExpression): BodyUse {
  const result = classifyValueUse(call);
  return result.kind === 'inspected' && result.node.parent?.type === AST_NODE_TYPES.ExpressionStatement ? 'metadata' : 'handed-off';
}

/** `return res` (also `return res as T`, `(res) => res`) directly in `fn`. */
function isReturnedBy(identifier: TSESTree.Node, fn: FunctionNode): boolean {
  const use = classifyValueUse(identifier);
  return use.kind === 'returned' && stripWrappers(use.node) === identifier && enclosingFunction(identifier) === fn;
}

/** Whether `fn` may throw: an explicit `throw` in its own body that no `catch` of its own takes. */
function throwsFrom(fn: FunctionNode, visitorKeys: TSESLint.SourceCode['visitorKeys']): false | 'sync' | 'async' {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let found = false;
  forEachDescendant(fn.body, visitorKeys, (node) => {
    if (found || isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement && !isCaughtWithin(node, fn)) found = true;
    return !found;
  });
  if (!found) return false;
  return fn.async ? 'async' : 'sync';
}

/** True when `node` sits in the `try` block of a `try` with a `catch`, inside `fn`. */
function isCaughtWithin(node: TSESTree.Node, fn: FunctionNode): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
    child = parent;
  }
  return false;
}

/** A non-arrow function that reads `arguments` may use any argument without naming it. */
function usesArguments(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const variable = sourceCode.scopeManager?.acquire(fn)?.set.get('arguments');
  return (variable?.references.length ?? 0) > 0;
}
