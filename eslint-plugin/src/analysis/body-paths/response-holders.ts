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
import type { ReleaseSuggestions } from './release-suggestions';
import type { ResponseBinding } from './response-binding';
import { patternProperty } from './response-objects';
import { responseCallbackOf, type ResponseSource } from './response-sources';

export interface ResponseHoldersContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly recorder: CodePathRecorder;
  readonly bodyUseContext: BodyUseContext;
  readonly paths: BindingPaths;
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
    const { sourceCode, recorder, bodyUseContext } = this.context;
    const needsAwait = source.delivery === 'promise';
    let carrier: TSESTree.Node = call;
    // Follow `.catch()` / `.finally()` (same response) and stop at `.then(callback)`.
    for (;;) {
      const member: TSESTree.Node | undefined = carrier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== carrier || !needsAwait) break;
      const chained: TSESTree.Node | undefined = member.parent;
      if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) break;
      const method = staticPropertyName(member);
      if (method === 'catch' || method === 'finally') {
        carrier = chained;
        continue;
      }
      if (method === 'then') this.analyseThen(call, chained, source);
      return;
    }

    const use = classifyValueUse(carrier);
    const awaited = !needsAwait || hasAwaitBetween(carrier, use.node);
    switch (use.kind) {
      case 'bound':
        if (awaited) this.analyseDeclarator(use.declarator, call, source);
        return;
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
            this.analyseBinding({ ...bindingSource(source), variable, start, writer: assignment, reportNode: assignment });
          }
        }
        return;
      }
      case 'member': {
        if (!awaited) return;
        if (source.property !== undefined) {
          // `(await guardedFetch()).finalUrl`, `(await guardedFetch()).response.status`: the response is dropped.
          const response = use.property === source.property ? classifyBodyUse(use.member, source.holder, bodyUseContext) : 'metadata';
          if (response === 'metadata') this.discarded(call, source, []);
          return;
        }
        const bodyUse = classifyBodyUse(use.node, source.holder, bodyUseContext);
        if (bodyUse === 'metadata') this.discarded(call, source, this.context.suggestions.readFirst(call, source));
        return;
      }
      case 'inspected':
        if (isDiscardedStatement(use.node) && source.property !== undefined) this.discarded(call, source, []);
        else if (isDiscardedStatement(use.node)) {
          const inStatement = this.context.suggestions.forDiscarded(use.node, call, source);
          this.discarded(call, source, inStatement.length > 0 ? inStatement : this.context.suggestions.readFirst(call, source));
        }
        return;
      default:
        // returned, yielded, thrown, passed on, stored elsewhere, iterated: someone else's body now.
        return;
    }
  }

  private discarded(node: TSESTree.Node, source: ResponseSource, suggestions: readonly ReleaseSuggestion[]): void {
    this.context.onFinding({ kind: 'discarded', node, client: source.client, origin: originOf(source), suggestions });
  }

  /** `fetch(url).then((res) => ...)`: the response is the callback's first parameter. */
  private analyseThen(call: TSESTree.CallExpression, then: TSESTree.CallExpression, source: ResponseSource): void {
    const [onFulfilled] = then.arguments;
    if (!onFulfilled || !isInlineFunction(onFulfilled)) return;
    this.analyseResponseParameter(onFulfilled, call, source);
  }

  /** `const res = await fetch()`, `const { statusCode, body } = await request()`. */
  private analyseDeclarator(declarator: TSESTree.VariableDeclarator, call: TSESTree.CallExpression, source: ResponseSource): void {
    const start = this.context.recorder.exitPosition(declarator);
    if (!start) return;
    const id = declarator.id;
    if (id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.context.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === id.name);
      if (variable) {
        this.analyseBinding({ ...bindingSource(source), variable, start, writer: declarator, reportNode: declarator, promise: { call, source } });
      }
      return;
    }
    if (id.type !== AST_NODE_TYPES.ObjectPattern) return;
    if (source.property !== undefined) this.analyseDestructuredField(declarator, id, source, source.property, start);
    else this.analyseDestructuredResponse(declarator, id, call, source, start);
  }

  /** `const { statusCode, body } = await request(url)`: follow `body`; no `body` means it is dropped. */
  private analyseDestructuredResponse(
    declarator: TSESTree.VariableDeclarator,
    pattern: TSESTree.ObjectPattern,
    call: TSESTree.CallExpression,
    source: ResponseSource,
    start: PathPosition,
  ): void {
    const bodyKey = source.holder === 'axios-response' ? 'data' : source.holder === 'stream' ? undefined : 'body';
    const use = classifyBodyUse(call, source.holder, this.context.bodyUseContext);
    if (use === 'metadata') {
      // Only metadata keys: the body is never reachable again.
      this.discarded(declarator, source, this.context.suggestions.readFirst(call, source));
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
    parameters: { readonly index: number; readonly errorIndex?: number } = { index: 0 },
  ): void {
    if (this.analysedCallbacks.has(fn)) return;
    this.analysedCallbacks.add(fn);
    // A test that expects the request to fail: the response never arrives in a passing run.
    if (callbackFailsTheTest(fn, this.context.sourceCode.visitorKeys)) return;
    const { sourceCode, recorder } = this.context;
    const param = fn.params[parameters.index];
    if (fn.params.slice(0, parameters.index).some((before) => before.type === AST_NODE_TYPES.RestElement)) return;
    if (!param) {
      if (!usesArguments(fn, sourceCode)) this.discarded(call, source, this.context.suggestions.readFirst(call, source));
      return;
    }
    if (param.type === AST_NODE_TYPES.ObjectPattern && source.property !== undefined) {
      const start = recorder.enterPosition(fn);
      if (start && !usesArguments(fn, sourceCode)) this.analyseDestructuredField(fn, param, source, source.property, start);
      return;
    }
    if (param.type === AST_NODE_TYPES.ObjectPattern) {
      if (classifyObjectPatternUse(param, source.holder) === 'metadata') {
        this.discarded(param, source, this.context.suggestions.readFirst(call, source));
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
      reportNode: param,
      releases,
      promise: source.delivery === 'promise' ? { call, source } : undefined,
      ...(errorVariable ? { errorVariables: [errorVariable] } : {}),
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
