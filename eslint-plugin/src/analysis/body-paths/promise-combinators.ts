/**
 * Responses gathered by `Promise.all` / `Promise.allSettled` / `Promise.race` / `Promise.any`:
 *
 *   const [user, avatar] = await Promise.all([fetch(a), fetch(b)])   each element is followed
 *   await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })))   every response dropped
 *   const responses = await Promise.all(urls.map(fetch)); responses.every((r) => r.ok)
 *                                                        only metadata of the collection is read
 *   const res = await Promise.race([fetch(a), fetch(b)])  the winner is followed; the losers are
 *                                                        dropped unless their requests are aborted
 *
 * Elements are response-source calls written in an array literal, or a `.map()` whose callback
 * returns a response (a wrapper, response-sources.ts). A collection read in any way this module
 * does not recognise counts as handed off.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { classifyValueUse } from '../../ast/classify-value-use';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode, isInlineFunction, type FunctionNode } from '../../ast/function-node';
import { hasAwaitBetween } from '../../ast/has-await-between';
import { localFunction } from '../../ast/local-function';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { matchesExportSpec, type ExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { classifyBodyUse, type BodyUseContext } from './body-consumption';
import type { BodyFinding, ReleaseSuggestion } from './body-findings';
import type { CodePathRecorder } from './code-paths';
import { combineReleases, type ReleaseSuggestions } from './release-suggestions';
import { isDiscardedStatement } from './response-holders';
import type { ResponseBinding } from './response-binding';
import type { ResponseSource, ResponseSourceResolver } from './response-sources';

type CombinatorKind = 'all' | 'allSettled' | 'race' | 'any';

const COMBINATORS: Readonly<Record<CombinatorKind, ExportSpec>> = {
  all: { from: 'global', name: 'Promise.all' },
  allSettled: { from: 'global', name: 'Promise.allSettled' },
  race: { from: 'global', name: 'Promise.race' },
  any: { from: 'global', name: 'Promise.any' },
};

/** Array methods whose callback sees each element; with metadata-only callbacks the bodies stay unread. */
const INSPECTING_ARRAY_METHODS: ReadonlySet<string> = new Set(['every', 'some', 'forEach', 'map', 'findIndex', 'findLastIndex']);
/** Array methods that return some of the elements: inspecting only when just the count is read (`.filter(r => r.ok).length`). */
const SELECTING_ARRAY_METHODS: ReadonlySet<string> = new Set(['filter']);

/** One response among the elements: its source and the node that produces it. */
interface Element {
  readonly source: ResponseSource;
  readonly node: TSESTree.Node;
}

export interface PromiseCombinatorsContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly suggestions: ReleaseSuggestions;
  readonly recorder: CodePathRecorder;
  readonly resolver: ResponseSourceResolver;
  readonly bodyUseContext: BodyUseContext;
  readonly analyseBinding: (binding: ResponseBinding) => void;
  readonly onFinding: (finding: BodyFinding) => void;
}

export class PromiseCombinators {
  constructor(private readonly context: PromiseCombinatorsContext) {}

  /** Follows the responses `call` gathers, when it is a Promise combinator over responses. */
  analyse(call: TSESTree.CallExpression): void {
    const kind = this.combinatorKind(call);
    const [argument] = call.arguments;
    if (!kind || !argument) return;
    const list = stripWrappers(argument);
    if (list.type === AST_NODE_TYPES.ArrayExpression) this.analyseList(call, kind, list);
    else if (list.type === AST_NODE_TYPES.CallExpression) this.analyseMapped(call, kind, list);
  }

  private combinatorKind(call: TSESTree.CallExpression): CombinatorKind | undefined {
    const callee = stripWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const refs = resolveModuleRefs(callee, this.context.sourceCode.getScope(callee));
    if (!refs || refs.length !== 1) return undefined;
    const [ref] = refs;
    return (Object.keys(COMBINATORS) as CombinatorKind[]).find((kind) => ref && matchesExportSpec(ref, COMBINATORS[kind]));
  }

  /** `Promise.all([fetch(a), fetch(b)])`. */
  private analyseList(call: TSESTree.CallExpression, kind: CombinatorKind, list: TSESTree.ArrayExpression): void {
    const elements: (Element | undefined)[] = list.elements.map((element) => {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const value = stripWrappers(element);
      if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const source = this.context.resolver.sourceOfCall(value);
      // An object that holds a response (`{ response, release }`) is not followed through a combinator.
      return source?.delivery === 'promise' && source.property === undefined ? { source, node: value } : undefined;
    });
    const responses = elements.filter((element): element is Element => element !== undefined);
    const [first] = responses;
    if (!first) return;
    const use = classifyValueUse(call);
    if (!hasAwaitBetween(call, use.node)) {
      if (use.kind === 'inspected' && isDiscardedStatement(use.node)) responses.forEach((element) => this.discarded(element));
      return;
    }
    if (use.kind === 'inspected') {
      if (isDiscardedStatement(use.node)) responses.forEach((element) => this.discarded(element));
      return;
    }
    if (use.kind !== 'bound') return;
    const declarator = use.declarator;
    if (kind === 'all' && declarator.id.type === AST_NODE_TYPES.ArrayPattern) {
      this.analyseDestructured(declarator, declarator.id, elements);
      return;
    }
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return;
    if (kind === 'all') {
      this.analyseCollection(call, declarator, first.source);
      return;
    }
    if (kind !== 'race' && kind !== 'any') return;
    // The winner is one of the responses only when every element is one (of the same kind).
    const sameKind = elements.every((element) => element?.source.holder === first.source.holder && element.source.client === first.source.client);
    if (!sameKind) return;
    const variable = this.declared(declarator, declarator.id.name);
    const start = this.context.recorder.exitPosition(declarator);
    if (variable && start) {
      this.context.analyseBinding({
        variable,
        holder: first.source.holder,
        client: first.source.client,
        origin: first.source.origin,
        start,
        writer: declarator,
        reportNode: declarator,
      });
    }
    if (responses.length > 1 && !this.abortsLosers(call, responses)) {
      this.context.onFinding({ kind: 'race-losers-unread', node: call, client: first.source.client, origin: first.source.origin });
    }
  }

  /** `const [a, b] = await Promise.all([fetch(x), fetch(y)])`: each element, or the ones the pattern drops. */
  private analyseDestructured(
    declarator: TSESTree.VariableDeclarator,
    pattern: TSESTree.ArrayPattern,
    elements: readonly (Element | undefined)[],
  ): void {
    const start = this.context.recorder.exitPosition(declarator);
    if (!start) return;
    const restIndex = pattern.elements.findIndex((element) => element?.type === AST_NODE_TYPES.RestElement);
    for (const [index, element] of elements.entries()) {
      if (!element) continue;
      if (restIndex >= 0 && index >= restIndex) return; // `...rest` keeps the others
      const target = pattern.elements[index];
      if (!target) {
        this.discarded(element);
        continue;
      }
      if (target.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = this.declared(declarator, target.name);
      if (!variable) continue;
      this.context.analyseBinding({
        variable,
        holder: element.source.holder,
        client: element.source.client,
        origin: element.source.origin,
        start,
        writer: declarator,
        // An element written on a line of its own is reported there: the line that makes this response.
        reportNode: element.node.loc.start.line !== target.loc.start.line ? element.node : target,
      });
    }
  }

  /** `Promise.all(urls.map((url) => fetch(url)))`. */
  private analyseMapped(call: TSESTree.CallExpression, kind: CombinatorKind, mapCall: TSESTree.CallExpression): void {
    if (kind !== 'all' && kind !== 'allSettled') return;
    const callee = stripWrappers(mapCall.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'map') return;
    const [callback] = mapCall.arguments;
    if (!callback) return;
    const fn = this.functionOf(callback);
    const source = fn ? this.context.resolver.sourceReturnedBy(fn) : undefined;
    if (!fn || source?.delivery !== 'promise' || source.property !== undefined) return;
    // Reported where the response is made when that is visible here: `(url) => fetch(url)`.
    const node = isInlineFunction(fn) && fn.body.type !== AST_NODE_TYPES.BlockStatement ? fn.body : call;
    const use = classifyValueUse(call);
    if (use.kind === 'inspected' && isDiscardedStatement(use.node)) {
      this.discarded({ source, node });
      return;
    }
    if (kind !== 'all' || !hasAwaitBetween(call, use.node) || use.kind !== 'bound') return;
    if (use.declarator.id.type === AST_NODE_TYPES.Identifier) this.analyseCollection(call, use.declarator, source);
  }

  /** `const responses = await Promise.all(...)` read only for status or headers. */
  private analyseCollection(call: TSESTree.CallExpression, declarator: TSESTree.VariableDeclarator, source: ResponseSource): void {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.declared(declarator, declarator.id.name);
    if (!variable) return;
    const onlyMetadata = variable.references.every((reference) => !reference.isRead() || this.isMetadataRead(reference.identifier, source));
    if (!onlyMetadata) return;
    this.context.onFinding({
      kind: 'collected-unread',
      node: call,
      client: source.client,
      origin: source.origin,
      suggestions: this.readEachFirst(call, source),
    });
  }

  /** `responses.length`, `responses.every((r) => r.ok)`, `responses.map((r) => r.status)`. */
  private isMetadataRead(identifier: TSESTree.Node, source: ResponseSource): boolean {
    const use = classifyValueUse(identifier);
    if (use.kind !== 'member' || use.node !== identifier) return false;
    if (use.property === 'length') return true;
    const call = use.member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use.member) return false;
    if (!use.property) return false;
    const countedOnly = call.parent?.type === AST_NODE_TYPES.MemberExpression && call.parent.object === call && staticPropertyName(call.parent) === 'length';
    if (!INSPECTING_ARRAY_METHODS.has(use.property) && !(SELECTING_ARRAY_METHODS.has(use.property) && countedOnly)) return false;
    const [callback] = call.arguments;
    if (!callback || !isInlineFunction(callback)) return false;
    const [param] = callback.params;
    if (!param) return true;
    if (param.type !== AST_NODE_TYPES.Identifier) return false;
    const element = this.context.sourceCode.scopeManager?.getDeclaredVariables(callback).find((v) => v.name === param.name);
    return (
      element !== undefined &&
      element.references.every(
        (reference) => !reference.isRead() || classifyBodyUse(reference.identifier, source.holder, this.context.bodyUseContext) === 'metadata',
      )
    );
  }

  /**
   * The losers of a race are released when every request takes an abort `signal` and the function
   * aborts after the race (`controller.abort()`).
   */
  private abortsLosers(call: TSESTree.CallExpression, responses: readonly Element[]): boolean {
    const everySignalled = responses.every(
      (element) =>
        element.node.type === AST_NODE_TYPES.CallExpression &&
        element.node.arguments.some(
          (argument) =>
            argument.type === AST_NODE_TYPES.ObjectExpression &&
            argument.properties.some(
              (property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === 'signal',
            ),
        ),
    );
    if (!everySignalled) return false;
    const owner = enclosingFunctionBody(call);
    let aborts = false;
    forEachDescendant(owner, this.context.sourceCode.visitorKeys, (node) => {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.range[0] > call.range[1] &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        staticPropertyName(node.callee) === 'abort'
      ) {
        aborts = true;
      }
      return !aborts;
    });
    return aborts;
  }

  private discarded(element: Element): void {
    this.context.onFinding({
      kind: 'discarded',
      node: element.node,
      client: element.source.client,
      origin: element.source.origin,
      // The element itself when it is the request (`(url) => fetch(url)`), else every element of the combinator.
      suggestions:
        element.node.type === AST_NODE_TYPES.CallExpression && !this.combinatorKind(element.node)
          ? this.context.suggestions.readFirst(element.node, element.source)
          : this.readEachFirst(element.node, element.source),
    });
  }

  /** Reads every response a combinator gathers before it resolves: `Promise.all(list.map(... .then(read)))`. */
  private readEachFirst(call: TSESTree.Node, source: ResponseSource): ReleaseSuggestion[] {
    if (call.type !== AST_NODE_TYPES.CallExpression) return [];
    const [argument] = call.arguments;
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
    const list = stripWrappers(argument);
    if (list.type === AST_NODE_TYPES.ArrayExpression) {
      // `Promise.all([fetch(a), fetch(b)])`: each request.
      const elements = list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
      return combineReleases(elements.map((element) => this.context.suggestions.readFirst(element, source)));
    }
    return this.context.suggestions.readFirst(argument, source, true);
  }

  private functionOf(node: TSESTree.Node): FunctionNode | undefined {
    const value = stripWrappers(node);
    if (isFunctionNode(value)) return value;
    if (value.type === AST_NODE_TYPES.Identifier) return localFunction(value, this.context.sourceCode.getScope(value));
    return undefined;
  }

  private declared(declarator: TSESTree.VariableDeclarator, name: string): TSESLint.Scope.Variable | undefined {
    return this.context.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((variable) => variable.name === name);
  }
}

/** The body of the function `node` is in (or the program). */
function enclosingFunctionBody(node: TSESTree.Node): TSESTree.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current.body;
    if (current.type === AST_NODE_TYPES.Program) return current;
  }
  return node;
}
