/**
 * Where is each response held? For one response-source call, finds the variable the response is
 * written into — `const res = await fetch()`, `res = await fetch()`, `const { statusCode, body } =
 * await request()`, the parameter of a `.then()` callback, of an `http.get` callback or `'response'`
 * listener, `const [res] = await once(req, 'response')` — and hands it to `binding-paths.ts`. A
 * response dropped where it is produced (`await fetch(url);`, `(await fetch(url)).ok`, a callback
 * without a parameter) is a finding right here. Returned, stored and passed-on responses belong to
 * other code and are not followed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { classifyValueUse } from '../../ast/classify-value-use';
import { isInlineFunction, type FunctionNode } from '../../ast/function-node';
import { hasAwaitBetween } from '../../ast/has-await-between';
import { localFunction } from '../../ast/local-function';
import { staticPropertyName } from '../../ast/static-property-name';
import type { BodyHolder } from '../libraries/response-sources';
import { statusBindingNames } from './absent-body-branches';
import { classifyBodyUse, isMetadataProperty, type BodyUse, type BodyUseContext } from './body-consumption';
import type { BodyFinding, ReleaseSuggestion } from './body-findings';
import type { BindingPaths } from './binding-paths';
import type { CodePathRecorder, PathPosition } from './code-paths';
import { callbackFailsTheTest } from './expected-failures';
import { requestAborts, responseListeners } from './http-response-listeners';
import { signalAborts } from './signal-aborts';
import type { ReleaseSuggestions } from './release-suggestions';
import type { ParameterUse, ParameterUses } from './parameter-use';
import { isOnlyWaitedFor, isPromiseSink } from './promise-sinks';
import type { ResponseBinding, ThrownHelper } from './response-binding';
import { patternProperty } from './response-objects';
import { responseCallbackOf, type ResponseSource } from './response-sources';

export interface ResponseHoldersContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly recorder: CodePathRecorder;
  readonly bodyUseContext: BodyUseContext;
  readonly paths: BindingPaths;
  readonly parameterUses: ParameterUses;
  readonly suggestions: ReleaseSuggestions;
  readonly onFinding: (finding: BodyFinding) => void;
}

export class ResponseHolders {
  private readonly analysedCallbacks = new Set<TSESTree.Node>();

  constructor(private readonly context: ResponseHoldersContext) {}

  /** Follows the response `call` produces (as `source` describes it) to the variable that holds it. */
  analyseSource(call: TSESTree.CallExpression, source: ResponseSource): void {
    if (source.delivery === 'callback') this.analyseCallbackSource(call, source);
    else this.analyseValueSource(call, source);
  }

  /** Walks the paths of a binding found elsewhere (Promise combinators, aliases). */
  analyseBinding(binding: ResponseBinding): void {
    for (const finding of this.context.paths.findings(binding)) this.context.onFinding(finding);
  }

  /** `fetch()`, `request()`, `got.stream()`, wrappers: the call's value is (a promise of) the response. */
  private analyseValueSource(call: TSESTree.CallExpression, source: ResponseSource): void {
    const needsAwait = source.delivery === 'promise';
    let carrier: TSESTree.Node = call;
    /** A status helper the response passes through on the way (`.then(handleErrors)`), which may throw first. */
    let thrownBefore: ThrownHelper | undefined;
    /** Whether a status helper stands between the request and `carrier`. */
    let throughHelper = false;
    // Follow `.catch()` / `.finally()` (same response), status helpers that give the response back
    // (`.then(handleErrors)`, `handleErrors(fetch(url))`), and stop at `.then(callback)`.
    for (;;) {
      const member: TSESTree.Node | undefined = carrier.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === carrier && needsAwait) {
        const chained: TSESTree.Node | undefined = member.parent;
        if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) break;
        const method = staticPropertyName(member);
        if (method === 'catch' || method === 'finally') {
          carrier = chained;
          continue;
        }
        if (method !== 'then') return;
        const [onFulfilled] = chained.arguments;
        if (onFulfilled && isInlineFunction(onFulfilled)) {
          this.analyseResponseParameter(onFulfilled, call, source, [], { index: 0 }, throughHelper ? { thrownBefore } : undefined);
          return;
        }
        if (!onFulfilled || onFulfilled.type === AST_NODE_TYPES.SpreadElement) return;
        const step = this.throughHelper(
          this.context.parameterUses.ofCallee(onFulfilled, 0, source.holder),
          chained,
          onFulfilled,
          source,
          member.property.loc.start.line,
        );
        if (!step) return;
        thrownBefore ??= step.thrown;
        throughHelper = true;
        carrier = chained;
        continue;
      }
      // `await handleErrors(fetch(url))`: the helper awaits the promise and looks at the response.
      const outer = classifyValueUse(carrier);
      if (
        needsAwait &&
        outer.kind === 'argument' &&
        outer.node === carrier &&
        outer.call.type === AST_NODE_TYPES.CallExpression &&
        !hasAwaitBetween(carrier, outer.node)
      ) {
        const helperCall = outer.call;
        if (isPromiseSink(helperCall, outer.index, this.context.sourceCode)) break;
        const step = this.throughHelper(
          this.context.parameterUses.ofCallee(helperCall.callee, outer.index, source.holder, 'promise'),
          helperCall,
          helperCall.callee,
          source,
          helperCall.loc.start.line,
        );
        if (!step) return;
        thrownBefore ??= step.thrown;
        throughHelper = true;
        carrier = helperCall;
        continue;
      }
      break;
    }
    this.analyseCarrier(call, carrier, source, thrownBefore, throughHelper);
  }

  /**
   * A status helper the response goes through: `returns` gives it back (the carrier goes on, and
   * the helper's throw leaves it unread), `metadata` drops it (reported here); anything else is
   * someone else's body (undefined).
   */
  private throughHelper(
    use: ParameterUse | undefined,
    helperCall: TSESTree.CallExpression,
    helper: TSESTree.Node,
    source: ResponseSource,
    line: number,
  ): { thrown: ThrownHelper | undefined } | undefined {
    if (use?.kind === 'metadata') {
      this.discarded(helperCall, source, []);
      return undefined;
    }
    if (use?.kind !== 'returns') return undefined;
    // Inside `.then()` and in an async helper a throw is a rejection: the same exit for the caller.
    const thrown = use.throws ? { call: helperCall, helper: this.context.sourceCode.getText(helper), line } : undefined;
    return { thrown };
  }

  /**
   * Where the (promise of the) response `carrier` carries goes. When it went through a status
   * helper that may throw, that throw leaves it unread whatever happens next: reported here unless
   * a binding (or a dropped response) is reported for it.
   */
  private analyseCarrier(
    call: TSESTree.CallExpression,
    carrier: TSESTree.Node,
    source: ResponseSource,
    thrownBefore: ThrownHelper | undefined,
    throughHelper: boolean,
  ): void {
    if (this.followCarrier(call, carrier, source, thrownBefore, throughHelper) || !thrownBefore) return;
    this.context.onFinding({
      kind: 'helper-throws',
      node: thrownBefore.call,
      client: source.client,
      origin: originOf(source),
      helper: thrownBefore.helper,
      line: thrownBefore.line,
      suggestions: [],
    });
  }

  /** True when the response was followed into a binding or reported as dropped. */
  private followCarrier(
    call: TSESTree.CallExpression,
    carrier: TSESTree.Node,
    source: ResponseSource,
    thrownBefore: ThrownHelper | undefined,
    throughHelper: boolean,
  ): boolean {
    const { sourceCode, recorder, bodyUseContext } = this.context;
    const needsAwait = source.delivery === 'promise';
    const use = classifyValueUse(carrier);
    const awaited = !needsAwait || hasAwaitBetween(carrier, use.node);
    // Suggestions that read the body at the request call do not apply once a helper stands between.
    const direct = !throughHelper;
    switch (use.kind) {
      case 'bound':
        if (!awaited) {
          // `const promise = fetch(url, { method: 'POST' }).catch(log)`, then only `await promise;`
          // or `ctx.waitUntil(promise)`: waited for, the response itself dropped.
          if (!isOnlyWaitedFor(use.declarator, sourceCode)) return false;
          this.discarded(call, source, direct ? this.context.suggestions.readFirst(call, source) : []);
          return true;
        }
        this.analyseDeclarator(use.declarator, call, source, thrownBefore, throughHelper);
        return true;
      case 'stored': {
        const target = use.target;
        const assignment = use.node.parent;
        if (
          awaited &&
          target.type === AST_NODE_TYPES.Identifier &&
          assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
          assignment.operator === '='
        ) {
          const variable = findVariable(sourceCode.getScope(target), target);
          const start = recorder.exitPosition(assignment);
          if (variable && start) {
            this.analyseBinding({ ...bindingSource(source), variable, start, writer: assignment, reportNode: assignment, thrownBefore });
            return true;
          }
        }
        return false;
      }
      case 'member': {
        if (!awaited) return false;
        if (source.property !== undefined) {
          // `(await guardedFetch()).finalUrl`, `(await guardedFetch()).response.status`: the response is dropped.
          const response = use.property === source.property ? classifyBodyUse(use.member, source.holder, bodyUseContext) : 'metadata';
          if (response !== 'metadata') return false;
          this.discarded(call, source, []);
          return true;
        }
        const bodyUse = classifyBodyUse(use.node, source.holder, bodyUseContext);
        if (bodyUse !== 'metadata') return false;
        this.discarded(call, source, direct ? this.context.suggestions.readFirst(call, source) : []);
        return true;
      }
      case 'inspected':
        if (!isDiscardedStatement(use.node)) return false;
        if (source.property !== undefined || !direct) this.discarded(call, source, []);
        else {
          const inStatement = this.context.suggestions.forDiscarded(use.node, call, source);
          this.discarded(call, source, inStatement.length > 0 ? inStatement : this.context.suggestions.readFirst(call, source));
        }
        return true;
      case 'argument':
        // `ctx.waitUntil(fetch(url, { method: 'POST' }))`: waited for, the response itself dropped.
        if (awaited || use.node !== carrier || use.call.type !== AST_NODE_TYPES.CallExpression) return false;
        if (!isPromiseSink(use.call, use.index, sourceCode)) return false;
        this.discarded(call, source, direct ? this.context.suggestions.readFirst(carrier, source) : []);
        return true;
      default:
        // returned, yielded, thrown, passed on, stored elsewhere, iterated: someone else's body now.
        return false;
    }
  }

  private discarded(node: TSESTree.Node, source: ResponseSource, suggestions: readonly ReleaseSuggestion[]): void {
    this.context.onFinding({ kind: 'discarded', node, client: source.client, origin: originOf(source), suggestions });
  }

  /** `const res = await fetch()`, `const { statusCode, body } = await request()`. */
  private analyseDeclarator(
    declarator: TSESTree.VariableDeclarator,
    call: TSESTree.CallExpression,
    source: ResponseSource,
    thrownBefore?: ThrownHelper,
    throughHelper = false,
  ): void {
    const start = this.context.recorder.exitPosition(declarator);
    if (!start) return;
    const id = declarator.id;
    if (id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.context.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === id.name);
      if (variable) {
        this.analyseBinding({
          ...bindingSource(source),
          variable,
          start,
          writer: declarator,
          reportNode: declarator,
          releases: source.wrapper === undefined && source.origin === undefined ? signalAborts(call, source.client, this.context.sourceCode) : [],
          // A helper in between: the body can no longer be read at the request call.
          ...(throughHelper ? {} : { promise: { call, source } }),
          ...(thrownBefore ? { thrownBefore } : {}),
        });
      }
      return;
    }
    if (id.type !== AST_NODE_TYPES.ObjectPattern) return;
    if (source.property !== undefined) this.analyseDestructuredField(declarator, id, source, source.property, start);
    else this.analyseDestructuredResponse(declarator, id, call, source, start, throughHelper);
  }

  /** `const { statusCode, body } = await request(url)`: follow `body`; no `body` means it is dropped. */
  private analyseDestructuredResponse(
    declarator: TSESTree.VariableDeclarator,
    pattern: TSESTree.ObjectPattern,
    call: TSESTree.CallExpression,
    source: ResponseSource,
    start: PathPosition,
    throughHelper: boolean,
  ): void {
    const bodyKey = source.holder === 'axios-response' ? 'data' : source.holder === 'stream' ? undefined : 'body';
    const use = classifyBodyUse(call, source.holder, this.context.bodyUseContext);
    if (use === 'metadata') {
      // Only metadata keys: the body is never reachable again.
      this.discarded(declarator, source, throughHelper ? [] : this.context.suggestions.readFirst(call, source));
      return;
    }
    if (bodyKey === undefined) return;
    const bodyProperty = pattern.properties.find(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === bodyKey,
    );
    const hasRest = pattern.properties.some((property) => property.type === AST_NODE_TYPES.RestElement);
    const bodyValue = bodyProperty?.type === AST_NODE_TYPES.Property ? bodyProperty.value : undefined;
    if (hasRest || bodyValue?.type !== AST_NODE_TYPES.Identifier) return;
    const bodyName = bodyValue.name;
    const declared = this.context.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
    const variable = declared.find((v) => v.name === bodyName);
    if (!variable) return;
    const statusNames = new Set(statusBindingNames(pattern));
    const statusVariables = declared.filter((v) => statusNames.has(v.name));
    this.analyseBinding({
      ...bindingSource(source),
      holder: 'stream',
      variable,
      start,
      writer: declarator,
      reportNode: declarator,
      statusVariables,
    });
  }

  /**
   * `const { response, release } = await guardedFetch()` (also a `.then(({ response }) => ...)`
   * parameter): the response is `response`; a pattern without it drops the response.
   */
  private analyseDestructuredField(
    writer: TSESTree.VariableDeclarator | FunctionNode,
    pattern: TSESTree.ObjectPattern,
    source: ResponseSource,
    property: string,
    start: PathPosition,
  ): void {
    const field = patternProperty(pattern, property);
    if (field.kind === 'absent' || (field.kind === 'pattern' && classifyObjectPatternUse(field.pattern, source.holder) === 'metadata')) {
      this.discarded(pattern, source, []);
      return;
    }
    if (field.kind !== 'bound') return;
    const declared = this.context.sourceCode.scopeManager?.getDeclaredVariables(writer) ?? [];
    const variable = declared.find((v) => v.name === field.name.name);
    if (!variable) return;
    // `const { res, status } = await withStatus()`: a status field beside the response is taken as its status.
    const statusNames = new Set(statusBindingNames(pattern));
    this.analyseBinding({
      statusVariables: declared.filter((v) => statusNames.has(v.name)),
      holder: source.holder,
      client: source.client,
      origin: originOf(source),
      variable,
      start,
      writer,
      reportNode: writer.type === AST_NODE_TYPES.VariableDeclarator ? writer : pattern,
    });
  }

  /** `http.get(url, (res) => ...)`, `req.on('response', ...)`, `const [res] = await once(req, 'response')`. */
  private analyseCallbackSource(call: TSESTree.CallExpression, source: ResponseSource): void {
    const { sourceCode } = this.context;
    const { listeners, request } = responseListeners(call, sourceCode);
    const releases = request ? requestAborts(request, sourceCode.scopeManager) : [];
    const callback = responseCallbackOf(call, source);
    const callbackFn =
      callback && isInlineFunction(callback)
        ? callback
        : callback?.type === AST_NODE_TYPES.Identifier
          ? localFunction(callback, sourceCode.getScope(callback))
          : undefined;
    if (callbackFn) {
      this.analyseResponseParameter(callbackFn, call, source, releases, {
        index: source.responseArgument ?? 0,
        errorIndex: source.errorArgument,
        ownCallback: callbackFn === callback,
      });
    }
    for (const listener of listeners) {
      if (listener.type === 'function') this.analyseResponseParameter(listener.fn, call, source, releases);
      else this.analyseOnceDeclarator(listener.declarator, source, releases);
    }
  }

  /** `const [res] = await once(req, 'response')`. */
  private analyseOnceDeclarator(declarator: TSESTree.VariableDeclarator, source: ResponseSource, releases: readonly TSESTree.Node[]): void {
    const start = this.context.recorder.exitPosition(declarator);
    const first = declarator.id.type === AST_NODE_TYPES.ArrayPattern ? declarator.id.elements[0] : undefined;
    if (!start || first?.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.context.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === first.name);
    if (!variable) return;
    this.analyseBinding({
      ...bindingSource(source),
      holder: 'stream',
      variable,
      start,
      writer: declarator,
      reportNode: first,
      releases,
    });
  }

  /**
   * A function that receives the response as its first parameter, or (a callback a wrapper forwards
   * the response to: `cb(null, res)`) at `parameters.index`, after an error parameter that is set
   * only when there is no response.
   */
  private analyseResponseParameter(
    fn: FunctionNode,
    call: TSESTree.CallExpression,
    source: ResponseSource,
    releases: readonly TSESTree.Node[] = [],
    parameters: {
      readonly index: number;
      readonly errorIndex?: number;
      /** The request call's own inline callback (`https.request(options, (res) => ...)`). */
      readonly ownCallback?: boolean;
    } = { index: 0 },
    /** Set when a status helper gave the response to this callback (`.then(handleErrors).then((res) => ...)`). */
    helped?: { readonly thrownBefore: ThrownHelper | undefined },
  ): void {
    if (this.analysedCallbacks.has(fn)) return;
    this.analysedCallbacks.add(fn);
    // A test that expects the request to fail: the response never arrives in a passing run.
    if (callbackFailsTheTest(fn, this.context.sourceCode.visitorKeys)) return;
    const { sourceCode, recorder } = this.context;
    const param = fn.params[parameters.index];
    if (fn.params.slice(0, parameters.index).some((before) => before.type === AST_NODE_TYPES.RestElement)) return;
    const readFirst = (): readonly ReleaseSuggestion[] => (helped ? [] : this.context.suggestions.readFirst(call, source));
    if (!param) {
      if (!usesArguments(fn, sourceCode)) this.discarded(call, source, readFirst());
      return;
    }
    if (param.type === AST_NODE_TYPES.ObjectPattern && source.property !== undefined) {
      const start = recorder.enterPosition(fn);
      if (start && !usesArguments(fn, sourceCode)) this.analyseDestructuredField(fn, param, source, source.property, start);
      return;
    }
    if (param.type === AST_NODE_TYPES.ObjectPattern) {
      if (classifyObjectPatternUse(param, source.holder) === 'metadata') {
        this.discarded(param, source, readFirst());
      }
      return;
    }
    // `arguments` can reach the response without naming it.
    if (param.type !== AST_NODE_TYPES.Identifier || usesArguments(fn, sourceCode)) return;
    const declared = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
    const variable = declared.find((v) => v.name === param.name);
    const start = recorder.enterPosition(fn);
    if (!variable || !start) return;
    const errorParam = parameters.errorIndex === undefined ? undefined : fn.params[parameters.errorIndex];
    const errorVariable = errorParam?.type === AST_NODE_TYPES.Identifier ? declared.find((v) => v.name === errorParam.name) : undefined;
    this.analyseBinding({
      ...bindingSource(source),
      variable,
      start,
      writer: fn,
      // A `.then((res) => …)` callback, or the request's own inline callback, on a line of its own:
      // reported at the request (`fetch(url)`, `https.request(`), the line that makes the response.
      reportNode:
        ((source.delivery === 'promise' && !helped) || parameters.ownCallback === true) && call.loc.start.line !== param.loc.start.line
          ? call
          : param,
      releases,
      promise: source.delivery === 'promise' && !helped ? { call, source } : undefined,
      ...(errorVariable ? { errorVariables: [errorVariable] } : {}),
      ...(helped?.thrownBefore ? { thrownBefore: helped.thrownBefore } : {}),
    });
  }
}

/** The binding fields that come from the source. */
function bindingSource(source: ResponseSource): Pick<ResponseBinding, 'holder' | 'client' | 'origin' | 'property'> {
  return { holder: source.holder, client: source.client, origin: originOf(source), property: source.property };
}

/** Where the response comes from, for messages; a wrapper of this file that returns it in an object names the field. */
function originOf(source: ResponseSource): string | undefined {
  if (source.origin !== undefined || source.property === undefined) return source.origin;
  return `(field \`${source.property}\` of the returned object)`;
}

/** `({ statusCode }) => ...`: a pattern of metadata keys only never reaches the body. */
function classifyObjectPatternUse(pattern: TSESTree.ObjectPattern, holder: BodyHolder): BodyUse {
  const onlyMetadata = pattern.properties.every(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      isMetadataProperty(holder, property.key.name),
  );
  return onlyMetadata ? 'metadata' : 'handed-off';
}

/** A non-arrow function that reads `arguments` may use the response without naming it. */
function usesArguments(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const variable = sourceCode.scopeManager?.acquire(fn)?.set.get('arguments');
  return (variable?.references.length ?? 0) > 0;
}

/** `fetch(url);`, `await fetch(url);`, `void fetch(url);` as statements. */
export function isDiscardedStatement(node: TSESTree.Node): boolean {
  let current = node;
  if (current.parent?.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void') {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}
