/**
 * Which calls produce an HTTP response that must be read or released.
 *
 * A call is a response source when its callee is one of the client functions of
 * `analysis/libraries/response-sources.ts` (identified through `resolveModuleRefs`, never by name), a
 * request method of an undici dispatcher or axios instance built in this file, a callee that may be
 * one of those (`(this.fetchImpl ?? fetch)(url)`: one branch is a source, none is known to be
 * something else), or a function of this file that returns such a response (`fetchWithRetry`, also
 * picked through a local: `const get = noCache ? fetchNoCache : fetchCached`). A wrapper may take
 * the client as a parameter defaulting to it (`doFetch = fetch`), chain `.finally()` / `.catch()`,
 * or retry by calling itself (`return fetchRetry(url, n - 1)`). `HEAD` requests are not sources:
 * their responses have no body (request-method.ts, also when a wrapper's caller passes `'HEAD'`),
 * except for the clients whose responses hold their socket until read anyway (node:http, axios
 * streams: libraries/bodyless-responses.ts).
 */
import { instanceMethod } from '../../ast/instance-method';
import { enclosingClassBody } from '../../ast/enclosing-class-body';
import { thisFieldValues } from '../../ast/this-field-values';
import { declaredTypeName } from '../../ast/declared-type-name';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { classifyBodyUse, type BodyUseContext } from './body-consumption';
import { matchesExportSpec, type ExportSpec } from '../imports/export-spec';
import {
  DISPATCHER_CLASSES,
  DISPATCHER_FACTORIES,
  DISPATCHER_REQUEST_METHODS,
  RESPONSE_SOURCES,
  type BodyHolder,
  type ResponseClient,
  type ResponseDelivery,
  type ResponseSourceSpec,
} from '../libraries/response-sources';
import { staticPropertyName } from '../../ast/static-property-name';
import { GLOBAL, moduleSpecifierOfLoad, resolveModuleRefs, type ModuleRef } from '../imports/module-refs';
import { classifyValueUse } from '../../ast/classify-value-use';
import { enclosingFunction } from '../../ast/enclosing-function';
import { findVariable } from '../../ast/find-variable';
import { isFunctionNode, isInlineFunction, type FunctionNode, type InlineFunction } from '../../ast/function-node';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { isNullish } from '../../ast/is-nullish';
import { localClass } from '../../ast/local-class';
import { localFunction } from '../../ast/local-function';
import { propertyKeyName } from '../../ast/property-key-name';
import { returnedExpressions } from '../../ast/returned-expressions';
import { staticString } from '../../ast/static-string';
import { hasAwaitBetween } from '../../ast/has-await-between';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { stripWrappers } from '../../ast/strip-wrappers';
import {
  argumentCarriers,
  isHeadMethod,
  methodCarriers,
  methodParametersOf,
  type MethodCarrier,
  type MethodParameter,
} from './request-method';
import { isRequestFunctionName, isResponseFunctionType } from './response-function-types';
import { functionName } from '../../ast/function-name';
import { isNonNetworkUrl } from './non-network-url';
import { forwardedResponse, type ForwardedResponse } from './callback-forwarding';
import { responseInObject } from './response-objects';
import { fixedInitializer } from '../../ast/fixed-initializer';
import { callSiteArguments } from '../../ast/call-site-arguments';
import { EMPTY_RESPONSE_HOLDS_SOCKET } from '../libraries/bodyless-responses';

/** Answers about functions of other project modules (imported-responses.ts). */
export interface ImportedFunctions {
  /** The response calling the export `ref` returns (`callee`: the callee as written here). */
  returnedBy(ref: ModuleRef, callee: TSESTree.Node): ResponseSource | undefined;
  /** The response method `method` of an instance of the exported class `ref` returns. */
  returnedByMethod(ref: ModuleRef, method: string, callee: TSESTree.Node): ResponseSource | undefined;
  /**
   * The client of the export `ref` when it is an undici dispatcher or an axios instance
   * (`export const api = axios.create(...)`, `export const pool = new Pool(origin)`).
   */
  dispatcherOf?(ref: ModuleRef): DispatcherClient | undefined;
}

/** Clients whose instances have request methods (DISPATCHER_REQUEST_METHODS). */
export type DispatcherClient = keyof typeof DISPATCHER_REQUEST_METHODS;

export interface ResponseSource {
  readonly client: ResponseClient;
  readonly delivery: ResponseDelivery;
  readonly holder: BodyHolder;
  /** Set when the call goes through a function of this file that returns the response. */
  readonly wrapper?: TSESTree.FunctionLike;
  /** Set when the call goes through an imported function: "returned by `getJson()` (lib/http.ts:4)". */
  readonly origin?: string;
  /**
   * A wrapper's parameters (or options properties) that default to the client (`doFetch = fetch`,
   * `{ fetchImpl = fetch } = {}`): a caller's own argument must be a client too.
   */
  readonly clientParameters?: readonly ClientSlot[];
  /**
   * A wrapper's untyped parameters it calls an undici request method on (`function fetchTile(pool,
   * path) { return pool.request({ path }) }`): a response only where the caller passes an undici
   * dispatcher there.
   */
  readonly dispatcherParameters?: readonly ClientSlot[];
  /** A wrapper's parameters that carry the request method: `'HEAD'` there means there is no body. */
  readonly methodParameters?: readonly MethodParameter[];
  /**
   * A wrapper that passes its parameter at this index on as the response callback of a node:http
   * request (`function get(url, onResponse) { return https.get(url, opts, onResponse) }`): the
   * response arrives in the caller's argument there, not in its last one.
   */
  readonly callbackParameter?: number;
  /**
   * The position at which the caller's callback receives the response, when a wrapper forwards it
   * (`request(opts, (res) => cb(null, res))`: 1); the first parameter otherwise.
   */
  readonly responseArgument?: number;
  /** The error parameter of such an error-first callback (`cb(null, res)`: 0): set only when there is no response. */
  readonly errorArgument?: number;
  /**
   * Set when the call's value is an object that holds the response in this property (a wrapper that
   * returns `{ response, release }`, response-objects.ts): the caller reads it there.
   */
  readonly property?: string;
}

/** Parameter `index` of a wrapper, or (with `key`) property `key` of the options object passed there. */
export interface ClientSlot {
  readonly index: number;
  readonly key?: string;
}

/** A source as seen at one call: where its method comes from and which parameter held the client. */
interface CallSource extends ResponseSource {
  readonly carriers: readonly MethodCarrier[];
  readonly clientParameter?: ClientParameter;
  readonly dispatcherParameter?: ClientParameter;
}

/** `doFetch` in `function get(url, doFetch = fetch)`: the parameter a callee was read from. */
interface ClientParameter {
  readonly fn: FunctionNode;
  readonly name: TSESTree.Node;
}

type Classification =
  | (ResponseSource & { readonly clientParameter?: ClientParameter; readonly dispatcherParameter?: ClientParameter })
  | 'not-a-source'
  | 'unknown';

/** How deep to follow locals, wrappers of wrappers and conditional callees. */
const MAX_DEPTH = 6;

export class ResponseSourceResolver {
  private readonly wrapperCache = new Map<FunctionNode, ResponseSource | null>();
  private readonly callbackWrapperCache = new Map<FunctionNode, ResponseSource | null>();
  /** False while classifying a call whose value no analysis follows: imported callees are not asked about. */
  private importsAsked = true;
  /** Wrappers being summarised: a call back into one of them is a retry, not another kind of value. */
  private readonly inProgress = new Set<FunctionNode>();
  /**
   * How often a question was cut short by MAX_DEPTH. A summary that ran into the limit depends on
   * how deep the question that asked first already was, so a negative one is not cached: asked
   * directly later, the same wrapper gets the full depth.
   */
  private depthCutoffs = 0;

  private readonly sourceCode: Readonly<SourceCode>;

  constructor(
    private readonly bodyUseContext: BodyUseContext,
    private readonly sources: readonly ResponseSourceSpec[] = RESPONSE_SOURCES,
    private readonly imported?: ImportedFunctions,
  ) {
    this.sourceCode = bodyUseContext.sourceCode as Readonly<SourceCode>;
  }

  /** The response this call produces, or undefined when it is not (known to be) a response source. */
  sourceOfCall(call: TSESTree.CallExpression): ResponseSource | undefined {
    // Asking about another module costs a parse: only worth it where a response would be followed.
    const previous = this.importsAsked;
    this.importsAsked = mayCarryResponse(call);
    try {
      return this.sourceOfCallAt(call, MAX_DEPTH);
    } finally {
      this.importsAsked = previous;
    }
  }

  /** The response a function of this file returns, or undefined when it is not a response wrapper. */
  sourceReturnedBy(fn: FunctionNode): ResponseSource | undefined {
    return this.wrapperSource(fn, MAX_DEPTH);
  }

  /** Like `sourceReturnedBy`, or the response a function of this file hands to a callback parameter. */
  sourceOfFunction(fn: FunctionNode): ResponseSource | undefined {
    return this.functionSource(fn, MAX_DEPTH);
  }

  /** True (and counted) when a question has no depth left. */
  private outOfDepth(depth: number): boolean {
    if (depth > 0) return false;
    this.depthCutoffs += 1;
    return true;
  }

  private functionSource(fn: FunctionNode, depth: number): ResponseSource | undefined {
    return this.wrapperSource(fn, depth) ?? this.callbackWrapperSource(fn, depth);
  }

  private sourceOfCallAt(call: TSESTree.CallExpression, depth: number): CallSource | undefined {
    if (this.outOfDepth(depth)) return undefined;
    const classification = this.classifyCallee(call.callee, depth);
    if (typeof classification === 'string') return undefined;
    let carriers: MethodCarrier[];
    if (classification.wrapper === undefined && classification.origin === undefined) {
      if (classification.holder === 'fetch-response' && isNonNetworkUrl(call.arguments[0])) return undefined;
      carriers = methodCarriers(call);
      if (classification.client === 'axios-stream' && !hasStreamResponseType(call)) return undefined;
    } else {
      carriers = argumentCarriers(call, classification.methodParameters ?? []);
      if (!this.keepsClientArguments(call, classification.clientParameters ?? [], depth)) return undefined;
      if (!this.passesDispatchers(call, classification.dispatcherParameters ?? [], depth)) return undefined;
    }
    // A HEAD response has no body; node:http still holds its socket until it is read (bodyless-responses.ts).
    if (!EMPTY_RESPONSE_HOLDS_SOCKET.has(classification.client) && isHeadMethod(carriers, this.sourceCode)) return undefined;
    return { ...classification, carriers };
  }

  /** A wrapper called with its own function where it defaults to the client: that function must be a client too. */
  private keepsClientArguments(call: TSESTree.CallExpression, slots: readonly ClientSlot[], depth: number): boolean {
    if (slots.length > 0 && call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
    return slots.every(({ index, key }) => {
      const argument = call.arguments[index];
      if (!argument || isNullish(argument)) return true;
      const value = key === undefined ? argument : optionValue(argument, key);
      if (value === undefined) return true;
      if (value === 'unknown') return false;
      if (isNullish(value)) return true;
      const classification = this.classifyCallee(value, depth - 1);
      return typeof classification !== 'string' && classification.property === undefined;
    });
  }

  /** A wrapper that calls `request()` on its parameter: the caller must pass an undici dispatcher there. */
  private passesDispatchers(call: TSESTree.CallExpression, slots: readonly ClientSlot[], depth: number): boolean {
    if (slots.length > 0 && call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
    return slots.every(({ index }) => {
      const argument = call.arguments[index];
      return argument !== undefined && this.dispatcherClient(argument, depth - 1) === 'undici';
    });
  }

  private classifyCallee(callee: TSESTree.Node, depth: number): Classification {
    if (this.outOfDepth(depth)) return 'unknown';
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
      const matches = refs.map(
        (ref) =>
          this.sources.find((source) => matchesExportSpec(ref, source.function)) ??
          (this.importsAsked ? this.imported?.returnedBy(ref, node) : undefined),
      );
      const [first] = matches;
      const sameAsFirst = (match: (typeof matches)[number]) =>
        match?.client === first?.client && match?.holder === first?.holder && propertyOf(match) === propertyOf(first);
      if (!first && refs.length === 1 && node.type === AST_NODE_TYPES.MemberExpression) {
        // `inventoryApi.get(...)` on an axios instance or dispatcher another module exports.
        const byDispatcher = this.classifyDispatcherMethod(node, depth);
        if (byDispatcher !== 'unknown') return byDispatcher;
      }
      if (!first || !matches.every(sameAsFirst)) return 'not-a-source';
      return 'function' in first ? fromSpec(first) : first;
    }
    if (node.type === AST_NODE_TYPES.Identifier) return this.classifyLocal(node, scope, depth);
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const byDispatcher = this.classifyDispatcherMethod(node, depth);
      if (byDispatcher !== 'unknown') return byDispatcher;
      const byMethod = this.classifyInstanceMethod(node, depth);
      return byMethod === 'unknown' ? this.classifyFetchField(node, depth) : byMethod;
    }
    if (isFunctionNode(node)) return this.functionSource(node, depth) ?? 'not-a-source';
    return 'unknown';
  }

  /** A callee that is a local binding: a function of this file, or a const that picks one. */
  private classifyLocal(node: TSESTree.Identifier, scope: TSESLint.Scope.Scope, depth: number): Classification {
    const variable = findVariable(scope, node);
    if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return 'unknown';
    const def = variable.defs[0];
    if (!def) return 'unknown';
    if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) {
      return this.functionSource(def.node, depth) ?? 'not-a-source';
    }
    if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      return this.classifyCallee(def.node.init, depth - 1);
    }
    if (def.type === 'Parameter') return this.classifyParameter(def.name, def.node, depth);
    return 'unknown';
  }

  /**
   * `doFetch` in `function get(url, doFetch = fetch)` or `function get(url, { fetchImpl = fetch } = {})`:
   * the client unless the caller passes another function.
   */
  private classifyParameter(name: TSESTree.Node, fn: TSESTree.Node, depth: number): Classification {
    // `fn: () => Promise<Response>`: whatever the caller passes gives a fetch response.
    const typed = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
    if (
      typed &&
      name.type === AST_NODE_TYPES.Identifier &&
      isFunctionNode(fn) &&
      isRequestFunctionName(name.name, functionName(fn)) &&
      isResponseFunctionType(typed, this.sourceCode.getScope(fn))
    ) {
      const fetchSpec = this.sources.find((source) => source.holder === 'fetch-response' && source.function.from === 'global');
      if (fetchSpec) return fromSpec(fetchSpec);
    }
    const pattern = name.parent;
    if (!isFunctionNode(fn) || pattern?.type !== AST_NODE_TYPES.AssignmentPattern || pattern.left !== name || !clientSlotOf(name, fn)) {
      return 'unknown';
    }
    const classification = this.classifyCallee(pattern.right, depth - 1);
    return typeof classification === 'string' ? 'unknown' : { ...classification, clientParameter: { fn, name } };
  }

  /** `pool.request(...)`, `this.client.request(...)`, `api.get(url, { responseType: 'stream' })`. */
  private classifyDispatcherMethod(member: TSESTree.MemberExpression, depth: number): Classification {
    const method = staticPropertyName(member);
    if (method === undefined) return 'unknown';
    const client = this.dispatcherClient(member.object, depth - 1);
    if (!client) return this.classifyParameterDispatcherMethod(member.object, method);
    if (!DISPATCHER_REQUEST_METHODS[client].includes(method)) return 'not-a-source';
    const spec = this.sources.find((source) => source.client === client);
    return spec ? fromSpec(spec) : 'unknown';
  }

  /**
   * `pool.request(...)` on an untyped parameter of the wrapper being summarised, which its callers
   * decide: a response wherever a caller passes an undici dispatcher (see `passesDispatchers`).
   * Only while summarising a wrapper: inside the function itself nothing says what `pool` is.
   */
  private classifyParameterDispatcherMethod(object: TSESTree.Node, method: string): Classification {
    if (!DISPATCHER_REQUEST_METHODS.undici.includes(method) || object.type !== AST_NODE_TYPES.Identifier) return 'unknown';
    const variable = findVariable(this.sourceCode.getScope(object), object);
    const def = variable?.defs.length === 1 && isNeverReassigned(variable) ? variable.defs[0] : undefined;
    const fn = def?.type === 'Parameter' ? def.node : undefined;
    const name = def?.name;
    if (!fn || !isFunctionNode(fn) || !this.inProgress.has(fn) || name?.type !== AST_NODE_TYPES.Identifier || name.typeAnnotation) return 'unknown';
    if (!fn.params.includes(name)) return 'unknown';
    const spec = this.sources.find((source) => source.client === 'undici');
    return spec ? { ...fromSpec(spec), dispatcherParameter: { fn, name } } : 'unknown';
  }

  /**
   * `api.post(url)` where `api` is `new Api()` of a class of this file or of the project, or
   * `this.post(url)` inside the class: the response the method returns.
   */
  private classifyInstanceMethod(member: TSESTree.MemberExpression, depth: number): Classification {
    const method = staticPropertyName(member);
    if (method === undefined || member.computed) return 'unknown';
    const object = stripWrappers(member.object);
    let classNode: TSESTree.Node | undefined;
    if (object.type === AST_NODE_TYPES.ThisExpression) classNode = enclosingClassBody(member)?.parent;
    else {
      // `new Api()` bound to a local, or a receiver declared with a class type (`this.http` of
      // `constructor(private readonly http: HttpService)`, a parameter `api: Api`).
      const constructed = this.constructedClass(object) ?? declaredTypeName(object, this.sourceCode.getScope(object));
      if (!constructed) return 'unknown';
      const local = constructed.type === AST_NODE_TYPES.Identifier ? localClass(constructed, this.sourceCode.getScope(constructed)) : undefined;
      if (local) classNode = local;
      else {
        const refs = resolveModuleRefs(constructed, this.sourceCode.getScope(constructed));
        const [ref] = refs ?? [];
        if (refs?.length !== 1 || !ref) return 'unknown';
        return (this.importsAsked ? this.imported?.returnedByMethod(ref, method, member) : undefined) ?? 'unknown';
      }
    }
    if (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) return 'unknown';
    return this.classifyInheritedMethod(classNode, method, member, depth);
  }

  /**
   * Method `method` of `classNode`, or the one it inherits: from a class of this file, or from a
   * class another module of the project exports (`class GitHubClient extends BaseApiClient`, whose
   * `request()` returns the raw response).
   */
  private classifyInheritedMethod(
    classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    method: string,
    member: TSESTree.MemberExpression,
    depth: number,
  ): Classification {
    let current = classNode;
    for (let hops = 0; hops < MAX_DEPTH; hops++) {
      const fn = instanceMethod(current, method);
      if (fn) return this.functionSource(fn, depth) ?? 'not-a-source';
      const superClass = current.superClass && stripWrappers(current.superClass);
      if (!superClass) return 'unknown';
      const local = superClass.type === AST_NODE_TYPES.Identifier ? localClass(superClass, this.sourceCode.getScope(superClass)) : undefined;
      if (local) {
        current = local;
        continue;
      }
      const refs = resolveModuleRefs(superClass, this.sourceCode.getScope(superClass));
      const [ref] = refs ?? [];
      if (refs?.length !== 1 || !ref) return 'unknown';
      return (this.importsAsked ? this.imported?.returnedByMethod(ref, method, member) : undefined) ?? 'unknown';
    }
    return 'unknown';
  }

  /**
   * `this.fetchImpl(url)` where the class keeps a fetch function in that field: a field initialised
   * to it (`fetchImpl = fetch`), a constructor parameter property defaulting to it (`private readonly
   * fetchImpl: typeof fetch = fetch`), or the constructor's `this.fetchImpl = f` of a parameter
   * defaulting to it. A caller that passes its own function is not followed (as for a parameter
   * defaulting to `fetch`).
   */
  private classifyFetchField(member: TSESTree.MemberExpression, depth: number): Classification {
    if (member.object.type !== AST_NODE_TYPES.ThisExpression) return 'unknown';
    const name = staticPropertyName(member);
    const classBody = enclosingClassBody(member);
    if (name === undefined || !classBody) return 'unknown';
    // Kept by the instance: the field, a parameter property's default, the constructor's assignments.
    const values = thisFieldValues(classBody, name)
      .filter(({ from }) => from === 'field' || from === 'parameter-default' || from === 'constructor')
      .map(({ value }) => value);
    if (values.length === 0) return 'unknown';
    const classifications = values.map((value) => this.classifyCallee(value, depth - 1));
    const [first] = classifications;
    if (first === undefined || typeof first === 'string' || !classifications.every((c) => typeof c !== 'string' && c.client === first.client && c.holder === first.holder)) {
      return 'unknown';
    }
    // What reaches the field from a parameter default is the parameter's business, not this call's.
    const { clientParameter: _ignored, ...source } = first;
    return source;
  }

  /** The class expression `C` of a never-reassigned local initialised with `new C(...)`. */
  private constructedClass(node: TSESTree.Node): TSESTree.Node | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const fixed = fixedInitializer(findVariable(this.sourceCode.getScope(node), node));
    const init = fixed && stripWrappers(fixed);
    return init?.type === AST_NODE_TYPES.NewExpression ? stripWrappers(init.callee) : undefined;
  }

  /** The client of `node` when it holds an undici dispatcher or an axios instance (module summaries ask). */
  dispatcherOf(node: TSESTree.Node): DispatcherClient | undefined {
    return this.dispatcherClient(node, MAX_DEPTH);
  }

  /** The client of an expression that holds an undici dispatcher or an axios instance. */
  private dispatcherClient(node: TSESTree.Node, depth: number): DispatcherClient | undefined {
    if (this.outOfDepth(depth)) return undefined;
    const value = stripWrappers(node);
    if (value.type === AST_NODE_TYPES.NewExpression) {
      return this.matchesCallee(value.callee, DISPATCHER_CLASSES) ? 'undici' : undefined;
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const factory = DISPATCHER_FACTORIES.find((candidate) => this.matchesCallee(value.callee, candidate.function))?.client;
      if (factory) return factory;
      const callee = stripWrappers(value.callee);
      const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, this.sourceCode.getScope(callee)) : undefined;
      return fn && this.returnedDispatcher(fn, depth - 1);
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(this.sourceCode.getScope(value), value);
      if (!variable || variable.defs.length !== 1 || !isNeverReassigned(variable)) return undefined;
      const def = variable.defs[0];
      // A parameter typed with a dispatcher class: `async function sync(pool: Pool)`.
      const declared = def?.type === 'Parameter' ? declaredTypeName(value, this.sourceCode.getScope(value)) : undefined;
      if (declared) return this.matchesCallee(declared, DISPATCHER_CLASSES) ? 'undici' : undefined;
      // An untyped parameter every call in this file gives the same kind of client:
      // `fetchTile(tiles, path)` with `const tiles = new Pool(origin)`.
      if (def?.type === 'Parameter') return this.parameterDispatcher(def.name, depth - 1);
      // `import { inventoryApi } from './lib/agents'` where that module exports `axios.create(...)`.
      if (def?.type === 'ImportBinding' || (def?.type === 'Variable' && def.node.init && moduleSpecifierOfLoad(def.node.init) !== undefined)) {
        const refs = resolveModuleRefs(value, this.sourceCode.getScope(value));
        const [ref] = refs ?? [];
        return refs?.length === 1 && ref && this.importsAsked ? this.imported?.dispatcherOf?.(ref) : undefined;
      }
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

  private parameterDispatcher(name: TSESTree.BindingName, depth: number): DispatcherClient | undefined {
    if (name.type !== AST_NODE_TYPES.Identifier || name.typeAnnotation) return undefined;
    const passed = callSiteArguments(name, { scopeOf: (node) => this.sourceCode.getScope(node) });
    const clients = passed?.map((argument) => this.dispatcherClient(argument, depth));
    const [first] = clients ?? [];
    return first && clients?.every((client) => client === first) ? first : undefined;
  }

  /**
   * The dispatcher a function of this file gives back: its declared return type names a dispatcher
   * class (`function poolFor(origin: string): Pool`, whatever cache it looks in), or every `return`
   * gives the same kind of client.
   */
  private returnedDispatcher(fn: FunctionNode, depth: number): 'undici' | 'axios-stream' | undefined {
    if (fn.async || fn.generator) return undefined;
    const declared = fn.returnType?.typeAnnotation;
    if (declared?.type === AST_NODE_TYPES.TSTypeReference && !declared.typeArguments) {
      return this.matchesCallee(declared.typeName, DISPATCHER_CLASSES) ? 'undici' : undefined;
    }
    const clients = returnedExpressions(fn, this.sourceCode.visitorKeys).map((returned) => (returned ? this.dispatcherClient(returned, depth) : undefined));
    const [first] = clients;
    return first && clients.every((client) => client === first) ? first : undefined;
  }

  /** `this.pool` where every assignment in the class (field or constructor) builds the same client. */
  private classFieldDispatcher(
    member: TSESTree.MemberExpression,
    name: string,
    depth: number,
  ): 'undici' | 'axios-stream' | undefined {
    const classBody = enclosingClassBody(member);
    if (!classBody) return undefined;
    // The field, and assignments in the constructor or in a method run before use
    // (`onModuleInit() { this.pool = ... }`).
    const values = thisFieldValues(classBody, name)
      .filter(({ from }) => from !== 'parameter-default')
      .map(({ value }) => value);
    const declared = declaredTypeName(member, this.sourceCode.getScope(member));
    if (declared && this.matchesCallee(declared, DISPATCHER_CLASSES)) return 'undici';
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
    if (this.inProgress.has(fn) || this.outOfDepth(depth)) return undefined;
    const cutoffs = this.depthCutoffs;
    this.inProgress.add(fn);
    // A wrapper's summary is cached: it must not depend on the call that asked first.
    const importsAsked = this.importsAsked;
    this.importsAsked = true;
    const sources: CallSource[] = [];
    let other = false;
    if (!fn.generator) {
      for (const returned of returnedExpressions(fn, this.sourceCode.visitorKeys)) {
        const source = returned ? this.responseOf(returned, fn, depth - 1) : 'nothing';
        if (source === 'nothing') continue;
        if (source === undefined) {
          other = true;
          break;
        }
        sources.push(source);
      }
    }
    this.inProgress.delete(fn);
    this.importsAsked = importsAsked;
    const [found] = sources;
    // Every return gives the response the same way: itself, or in the same property of an object.
    const sameShape = sources.every((source) => source.property === found?.property);
    const result = found && !other && sameShape ? this.wrapperOf(fn, found, sources) : undefined;
    if (result || this.depthCutoffs === cutoffs) this.wrapperCache.set(fn, result ?? null);
    return result;
  }

  /**
   * `function get(url, onResponse) { return https.get(url, { agent }, onResponse); }`: a function of
   * this file that passes one of its parameters, unchanged, as the response callback of a node:http
   * request (or of another such wrapper). The caller's argument there receives the response.
   */
  private callbackWrapperSource(fn: FunctionNode, depth: number): ResponseSource | undefined {
    const cached = this.callbackWrapperCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(fn) || this.outOfDepth(depth)) return undefined;
    const cutoffs = this.depthCutoffs;
    this.inProgress.add(fn);
    const importsAsked = this.importsAsked;
    this.importsAsked = true;
    let result: ResponseSource | undefined;
    try {
      result = this.findCallbackParameter(fn, depth);
    } finally {
      this.inProgress.delete(fn);
      this.importsAsked = importsAsked;
    }
    if (result || this.depthCutoffs === cutoffs) this.callbackWrapperCache.set(fn, result ?? null);
    return result;
  }

  private findCallbackParameter(fn: FunctionNode, depth: number): ResponseSource | undefined {
    const declared = this.sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
    for (const [index, param] of fn.params.entries()) {
      if (param.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = declared.find((candidate) => candidate.defs.some((def) => def.name === param));
      if (!variable || !isNeverReassigned(variable)) continue;
      for (const reference of variable.references) {
        const found = this.passedResponseCallback(reference.identifier, fn, depth) ?? this.forwardingCallback(reference.identifier, fn, depth);
        if (!found) continue;
        const { source, forwarded } = found;
        const methodParameters = methodParametersOf(source.carriers, fn, this.sourceCode);
        const responseArgument = forwarded ? forwarded.argument : source.responseArgument;
        const errorArgument = forwarded ? forwarded.errorArgument : source.errorArgument;
        return {
          client: source.client,
          delivery: 'callback',
          holder: source.holder,
          wrapper: fn,
          callbackParameter: index,
          ...(methodParameters.length > 0 ? { methodParameters } : {}),
          ...(responseArgument ? { responseArgument } : {}),
          ...(errorArgument !== undefined ? { errorArgument } : {}),
        };
      }
    }
    return undefined;
  }

  /** `https.get(url, opts, onResponse)` in `fn`, where `identifier` is `onResponse`: the request it is the response callback of. */
  private passedResponseCallback(
    identifier: TSESTree.Identifier | TSESTree.JSXIdentifier,
    fn: FunctionNode,
    depth: number,
  ): { source: CallSource; forwarded?: undefined } | undefined {
    const use = classifyValueUse(identifier);
    if (use.kind !== 'argument' || use.call.type !== AST_NODE_TYPES.CallExpression || use.node !== identifier) return undefined;
    if (enclosingFunction(identifier) !== fn) return undefined;
    const source = this.sourceOfCallAt(use.call, depth - 1);
    return source?.delivery === 'callback' && responseCallbackOf(use.call, source) === identifier ? { source } : undefined;
  }

  /**
   * `https.request(opts, (res) => cb(null, res))` in `fn`, where `identifier` is the callee `cb`: the
   * response callback written there only hands the response on (callback-forwarding.ts).
   */
  private forwardingCallback(
    identifier: TSESTree.Identifier | TSESTree.JSXIdentifier,
    fn: FunctionNode,
    depth: number,
  ): { source: CallSource; forwarded: ForwardedResponse } | undefined {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return undefined;
    const callback = enclosingFunction(identifier);
    if (callback.type === AST_NODE_TYPES.Program || !isInlineFunction(callback) || enclosingFunction(callback) !== fn) return undefined;
    const request = callback.parent;
    if (request?.type !== AST_NODE_TYPES.CallExpression || !request.arguments.includes(callback)) return undefined;
    const source = this.sourceOfCallAt(request, depth - 1);
    if (source?.delivery !== 'callback' || responseCallbackOf(request, source) !== callback) return undefined;
    const forwarded = forwardedResponse(callback, source.responseArgument ?? 0);
    return forwarded?.target === identifier ? { source, forwarded } : undefined;
  }

  /** The summary of wrapper `fn` whose returns give `sources`: which of its parameters its callers decide. */
  private wrapperOf(fn: FunctionNode, found: CallSource, sources: readonly CallSource[]): ResponseSource {
    const methodParameters = sources.flatMap((source) => methodParametersOf(source.carriers, fn, this.sourceCode));
    const clientParameters = sources.flatMap((source) => {
      const parameter = source.clientParameter;
      const slot = parameter?.fn === fn ? clientSlotOf(parameter.name, fn) : undefined;
      return slot ? [slot] : [];
    });
    const dispatcherParameters = sources.flatMap((source) => {
      const parameter = source.dispatcherParameter;
      return parameter?.fn === fn && parameter.name.type === AST_NODE_TYPES.Identifier ? [{ index: fn.params.indexOf(parameter.name) }] : [];
    });
    return {
      client: found.client,
      delivery: found.delivery,
      holder: found.holder,
      wrapper: fn,
      ...(methodParameters.length > 0 ? { methodParameters } : {}),
      ...(clientParameters.length > 0 ? { clientParameters } : {}),
      ...(dispatcherParameters.length > 0 ? { dispatcherParameters } : {}),
      ...(found.property !== undefined ? { property: found.property } : {}),
    };
  }

  /**
   * `new Promise((resolve, reject) => { https.get(url, resolve).on('error', reject) })`, also with
   * `(res) => resolve(res)` as the callback, or `fetch(url).then((res) => resolve(res))` (a timeout
   * wrapper): a promisified request that resolves with the response.
   * Every use of `resolve` must hand it the response.
   */
  private promisedResponse(value: TSESTree.NewExpression, depth: number): CallSource | undefined {
    const refs = resolveModuleRefs(value.callee, this.sourceCode.getScope(value));
    const [executor] = value.arguments;
    if (refs?.length !== 1 || refs[0]?.module !== GLOBAL || refs[0].path.join('.') !== 'Promise') return undefined;
    if (!executor || !isInlineFunction(executor)) return undefined;
    const [resolveParam] = executor.params;
    if (resolveParam?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const resolve = this.sourceCode.scopeManager?.getDeclaredVariables(executor).find((v) => v.name === resolveParam.name);
    if (!resolve) return undefined;
    let found: CallSource | undefined;
    for (const reference of resolve.references) {
      const source = this.resolvedWithResponse(reference.identifier, depth);
      if (!source) return undefined;
      found ??= source;
    }
    if (!found) return undefined;
    const { callbackParameter: _callback, ...promised } = found;
    return { ...promised, delivery: 'promise' };
  }

  /** The callback source whose response this use of `resolve` receives: `get(url, resolve)` or `(res) => resolve(res)`. */
  private resolvedWithResponse(resolve: TSESTree.Node, depth: number): CallSource | undefined {
    const parent = resolve.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    let requestCall: TSESTree.Node | undefined = parent;
    let callback: TSESTree.Node = resolve;
    if (parent.callee === resolve) {
      // `resolve(res)` inside `(res) => ...`, the callback of the request call
      const [argument] = parent.arguments;
      const fn = argument?.type === AST_NODE_TYPES.Identifier ? this.callbackTakingFirst(argument) : undefined;
      if (!fn) return undefined;
      requestCall = fn.parent;
      callback = fn;
    }
    if (requestCall?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const settled = this.thenCallbackSource(requestCall, callback, depth);
    if (settled !== 'not-then') return settled;
    const source = this.sourceOfCallAt(requestCall, depth - 1);
    // `resolve` takes one value: a callback that gets the response later (`cb(null, res)`) resolves with something else.
    if (source?.responseArgument) return undefined;
    return source?.delivery === 'callback' && responseCallbackOf(requestCall, source) === callback ? source : undefined;
  }

  /**
   * `fetch(url).then((response) => resolve(response))` or `.then(resolve)`: the fulfilment callback
   * of a promised response gets the response itself. 'not-then' when `call` is no such `.then()`.
   */
  private thenCallbackSource(
    call: TSESTree.CallExpression,
    callback: TSESTree.Node,
    depth: number,
  ): CallSource | undefined | 'not-then' {
    const callee = stripWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'then' || call.arguments[0] !== callback) {
      return 'not-then';
    }
    const promised = stripWrappers(callee.object);
    if (promised.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const source = this.sourceOfCallAt(promised, depth - 1);
    return source?.delivery === 'promise' && source.property === undefined ? source : undefined;
  }

  /** The inline function whose first parameter `identifier` names. */
  private callbackTakingFirst(identifier: TSESTree.Identifier): InlineFunction | undefined {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isInlineFunction(def.node)) return undefined;
    return def.node.params[0] === def.name ? def.node : undefined;
  }

  /** True when `call` calls a wrapper whose summary is being computed (a retry by recursion). */
  private callsWrapperInProgress(call: TSESTree.CallExpression): boolean {
    const callee = stripWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const fn = localFunction(callee, this.sourceCode.getScope(callee));
    return fn !== undefined && this.inProgress.has(fn);
  }

  /** What `expression` (returned from `fn`) is: a response, nothing, or something else. */
  /** `Promise.reject(...)` of the global `Promise`. */
  private isPromiseReject(call: TSESTree.CallExpression): boolean {
    const callee = stripWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'reject') return false;
    const refs = resolveModuleRefs(callee.object, this.sourceCode.getScope(callee));
    return refs?.length === 1 && refs[0]?.module === GLOBAL && refs[0].path.join('.') === 'Promise';
  }

  private responseOf(
    expression: TSESTree.Node,
    fn: FunctionNode,
    depth: number,
  ): CallSource | 'nothing' | undefined {
    const value = stripPromiseChain(stripWrappers(expression, { await: true }));
    if (isNullish(value)) return 'nothing';
    if (value.type === AST_NODE_TYPES.CallExpression) {
      // `return Promise.reject(new Error(...))`: the caller's `await` throws; no response comes back.
      if (this.callsWrapperInProgress(value) || this.isPromiseReject(value)) return 'nothing';
      const source = this.sourceOfCallAt(value, depth);
      return source && source.delivery !== 'callback' ? source : undefined;
    }
    if (value.type === AST_NODE_TYPES.NewExpression) return this.promisedResponse(value, depth);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return this.responseInReturnedObject(value, fn, depth);
    if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
    // `const res = await fetch(url); ...; return res;` — every value the local takes is a response.
    const variable = findVariable(this.sourceCode.getScope(value), value);
    if (!variable || variable.scope.variableScope.block !== fn) return undefined;
    let source: CallSource | undefined;
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
      const unwrapped = stripPromiseChain(stripWrappers(written, { await: true }));
      if (isNullish(unwrapped)) continue;
      if (unwrapped.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const inner = this.sourceOfCallAt(unwrapped, depth - 1);
      if (!inner || inner.delivery === 'callback' || (source && source.property !== inner.property)) return undefined;
      source ??= inner;
    }
    // A wrapper that reads the body itself before returning the response hands over nothing to read
    // (`await res.text(); return res`). Reads after the `return` in the source, or in a branch that
    // leaves before it, belong to other paths (`if (res.ok) return res; await res.body?.cancel();`
    // in a retry loop, `if (res.status === 503) { await res.body?.cancel(); return retry(); }`).
    const readsBody = variable.references.some(
      (reference) =>
        reference.isRead() &&
        reference.identifier !== value &&
        mayRunBefore(reference.identifier, value) &&
        !isConditionalCopy(reference.identifier, value) &&
        source !== undefined &&
        classifyBodyUse(reference.identifier, source.holder, this.bodyUseContext) !== 'metadata' &&
        classifyValueUse(reference.identifier).kind !== 'returned',
    );
    return readsBody ? undefined : source;
  }

  /** `return { response, finalUrl, release }`: the response in one property of a returned object. */
  private responseInReturnedObject(object: TSESTree.ObjectExpression, fn: FunctionNode, depth: number): CallSource | undefined {
    const found = responseInObject(
      object,
      (value) => {
        const source = this.responseOf(value, fn, depth);
        // One level: an object inside an object is not followed.
        return typeof source === 'object' && source.property !== undefined ? undefined : source;
      },
      this.bodyUseContext,
    );
    return found && { ...found.source, property: found.property };
  }
}

/**
 * Where the callers of `fn` decide the value of parameter `name` (whose default is the client): its
 * position, or its key in a destructured options parameter (`{ fetchImpl = fetch } = {}`).
 */
function clientSlotOf(name: TSESTree.Node, fn: FunctionNode): ClientSlot | undefined {
  const pattern = name.parent;
  if (pattern?.type !== AST_NODE_TYPES.AssignmentPattern || pattern.left !== name) return undefined;
  const index = fn.params.indexOf(pattern);
  if (index >= 0) return { index };
  const property = pattern.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== pattern || property.computed) return undefined;
  const key = propertyKeyName(property);
  const options = property.parent;
  if (key === undefined || options?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const withDefault = options.parent;
  const param = withDefault?.type === AST_NODE_TYPES.AssignmentPattern && withDefault.left === options ? withDefault : options;
  const optionsIndex = fn.params.indexOf(param as TSESTree.Parameter);
  return optionsIndex >= 0 ? { index: optionsIndex, key } : undefined;
}

/** The value a caller's options argument gives `key`: undefined when absent, 'unknown' when it cannot tell. */
function optionValue(argument: TSESTree.Node, key: string): TSESTree.Node | 'unknown' | undefined {
  if (argument.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  let value: TSESTree.Node | undefined;
  for (const property of argument.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return 'unknown';
    const name = propertyKeyName(property);
    if (name === undefined) return 'unknown';
    if (name === key) value = property.value;
  }
  return value;
}

/** The argument of `call` that receives the response of a callback source: its last one, or a wrapper's callback parameter. */
export function responseCallbackOf(call: TSESTree.CallExpression, source: ResponseSource): TSESTree.CallExpressionArgument | undefined {
  return source.callbackParameter === undefined ? call.arguments.at(-1) : call.arguments[source.callbackParameter];
}

/** The property of the call's value that holds the response (undefined: the value is the response). */
function propertyOf(match: ResponseSource | ResponseSourceSpec | undefined): string | undefined {
  return match && 'property' in match ? match.property : undefined;
}

function fromSpec(spec: ResponseSourceSpec): ResponseSource {
  return { client: spec.client, delivery: spec.delivery, holder: spec.holder };
}

/** Branches of `a ?? b` / `c ? a : b`: a source if some branch is and none is known not to be. */
function combine(a: Classification, b: Classification): Classification {
  if (a === 'not-a-source' || b === 'not-a-source') return 'not-a-source';
  if (typeof a !== 'string' && typeof b !== 'string') {
    return a.client === b.client && a.holder === b.holder && a.property === b.property ? a : 'not-a-source';
  }
  if (typeof a !== 'string') return a;
  if (typeof b !== 'string') return b;
  return 'unknown';
}

/**
 * `if (res.ok && etag) cache.set(key, await res.clone().text())`: a copy of the response read on
 * some paths only. The wrapper keeps the response itself for its caller to read, and on the other
 * paths (an error status) hands it over untouched. Only a branch that does not also hold the
 * `return` counts as "some paths".
 */
function isConditionalCopy(read: TSESTree.Node, returned: TSESTree.Node): boolean {
  const member = read.parent;
  const copied =
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === read &&
    staticPropertyName(member) === 'clone' &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member;
  if (!copied) return false;
  for (let node: TSESTree.Node = read; node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.range[0] <= returned.range[0] && returned.range[1] <= parent.range[1]) return false;
    if (isFunctionNode(parent)) return false;
    if (
      (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * True when `read` may run before `returned` in one call: it comes first in the source and is not
 * inside a block that leaves (`return`, `throw`, `break`, `continue`) without reaching `returned`.
 */
function mayRunBefore(read: TSESTree.Node, returned: TSESTree.Node): boolean {
  if (read.range[0] >= returned.range[0]) return false;
  for (let node = read.parent; node; node = node.parent) {
    if (node.range[0] <= returned.range[0] && returned.range[1] <= node.range[1]) return true;
    const statements =
      node.type === AST_NODE_TYPES.BlockStatement ? node.body : node.type === AST_NODE_TYPES.SwitchCase ? node.consequent : undefined;
    const last = statements?.at(-1);
    if (
      last?.type === AST_NODE_TYPES.ReturnStatement ||
      last?.type === AST_NODE_TYPES.ThrowStatement ||
      last?.type === AST_NODE_TYPES.BreakStatement ||
      last?.type === AST_NODE_TYPES.ContinueStatement
    ) {
      return false;
    }
  }
  return true;
}

/**
 * True when the value of `call` may be followed as a response: awaited, chained with `.then()` /
 * `.catch()` / `.finally()`, an element of an array (`Promise.all([...])`) or the value of an arrow
 * (`urls.map((url) => getJson(url))`).
 */
export function isAwaitedOrChained(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
    const method = staticPropertyName(parent);
    return method === 'then' || method === 'catch' || method === 'finally';
  }
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === call) return true;
  return hasAwaitBetween(call, outermostCarrier(call));
}

/**
 * True when a response may come out of `call` where this file can follow it: its value (see
 * `isAwaitedOrChained`) or an inline callback it is given (`get(url, (res) => ...)`, a callback wrapper).
 */
export function mayCarryResponse(call: TSESTree.CallExpression): boolean {
  return isAwaitedOrChained(call) || call.arguments.some((argument) => isInlineFunction(argument));
}

/** `p.finally(cb)` / `p.catch(cb)` → `p`: the same response (or, after `catch`, possibly nothing). */
function stripPromiseChain(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return current;
    const callee = stripWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return current;
    const method = staticPropertyName(callee);
    if (method !== 'finally' && method !== 'catch') return current;
    current = stripWrappers(callee.object, { await: true });
  }
}

/** True when an object-literal argument sets `responseType: 'stream'`. */
function hasStreamResponseType(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => stringProperty(argument, 'responseType') === 'stream');
}

function stringProperty(node: TSESTree.Node, name: string): string | undefined {
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    if (propertyKeyName(property) !== name) continue;
    const value = staticString(property.value);
    if (value !== undefined) return value;
  }
  return undefined;
}


