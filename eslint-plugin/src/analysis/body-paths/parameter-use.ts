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
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { classifyValueUse } from '../../ast/classify-value-use';
import { enclosingFunction } from '../../ast/enclosing-function';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { localFunction } from '../../ast/local-function';
import { propertyKeyName } from '../../ast/property-key-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ExportSpec } from '../imports/export-spec';
import type { BodyHolder } from '../libraries/response-sources';
import { classifyBodyUse, isMetadataProperty, type BodyUse, type BodyUseContext } from './body-consumption';
import { unreadEarlyExit } from './unread-early-exits';

export type ParameterUse =
  /** `unreadExit`: an early exit on the response's status or headers that leaves it unread (unread-early-exits.ts). */
  | { readonly kind: 'consumes'; readonly unreadExit?: UnreadExit }
  | { readonly kind: 'hands-off' }
  /** `throws`: the helper may throw (`'async'`: as a rejected promise, which only an `await` turns into a throw). */
  | { readonly kind: 'metadata'; readonly throws: false | 'sync' | 'async' }
  /** Only status or headers, then `return res`: the call's value is the same response (`throws` as above). */
  | { readonly kind: 'returns'; readonly throws: false | 'sync' | 'async' };

export interface ParameterUseOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly consumingHelpers: readonly ExportSpec[];
  /** The summary of an imported callee, when it can be read (imported-responses.ts). */
  readonly imported?: (call: TSESTree.CallExpression, index: number, holder: BodyHolder) => ParameterUse | undefined;
}

/** Where a helper that reads the body leaves without reading it: the line of its `return`/`throw`, and (imported) its module. */
export interface UnreadExit {
  readonly kind: 'return' | 'throw';
  readonly line: number;
  readonly file?: string;
}

const HANDS_OFF: ParameterUse = { kind: 'hands-off' };

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
    const callee = stripWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const fn = localFunction(callee, this.options.sourceCode.getScope(callee));
      if (fn) return this.ofFunction(fn, index, holder);
    }
    return this.options.imported?.(call, index, holder);
  }

  /** What `fn` does with its parameter at `index` when given a response held as `holder`. */
  ofFunction(fn: FunctionNode, index: number, holder: BodyHolder): ParameterUse {
    let byParameter = this.cache.get(fn);
    const key = `${index}:${holder}`;
    const cached = byParameter?.get(key);
    if (cached) return cached;
    const progressKey = `${this.keyOf(fn)}:${key}`;
    // A helper that passes the response back into itself: assume the worst for the caller (quiet).
    if (this.inProgress.has(progressKey)) return HANDS_OFF;
    this.inProgress.add(progressKey);
    let use: ParameterUse;
    try {
      use = this.summarise(fn, index, holder);
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
    const metadata: ParameterUse = { kind: 'metadata', throws: throwsFrom(fn, sourceCode.visitorKeys) };
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
    let consumes = false;
    let returnsIt = false;
    for (const reference of variable.references) {
      if (reference.isWrite() && reference.identifier !== declared) return HANDS_OFF;
      if (!reference.isRead()) continue;
      if (isReturnedBy(reference.identifier, fn)) {
        returnsIt = true;
        continue;
      }
      const use = classifyBodyUse(reference.identifier, holder, this.bodyUseContext);
      if (use === 'handed-off') return HANDS_OFF;
      if (use !== 'metadata') consumes = true;
    }
    if (consumes) {
      const exit = fn.body.type === AST_NODE_TYPES.BlockStatement ? unreadEarlyExit(fn.body, variable, holder, this.bodyUseContext) : undefined;
      if (!exit) return { kind: 'consumes' };
      return { kind: 'consumes', unreadExit: { kind: exit.type === AST_NODE_TYPES.ThrowStatement ? 'throw' : 'return', line: exit.loc.start.line } };
    }
    return returnsIt ? { kind: 'returns', throws: metadata.throws } : metadata;
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
