/**
 * Responses through the project's own modules. When a call's callee is imported from project code
 * (`import { postJson } from './lib/http'`, `new Forwarder()` from `./forwarder`), module summaries
 * (analysis/modules/) parse that module and the same single-file analysis answers, on the foreign
 * module's code:
 *
 * - does the export return a response the caller must read? (response-sources.ts: `fetch`, undici
 *   and node:http wrappers, promisified `http.get`, instance and static methods of an exported
 *   class, methods of an exported instance such as `export const api = new ApiClient()`, request
 *   methods of an exported axios instance or undici dispatcher (`export const api = axios.create()`),
 *   also in one property of a returned object: `return { response, release }`, response-objects.ts) — the
 *   caller's binding is then followed exactly like one from a wrapper of its own file;
 * - what does the export do with a response passed to it? (parameter-use.ts: reads it — a drain
 *   helper, possibly after an early exit on its status or headers that leaves it unread
 *   (unread-early-exits.ts) —, keeps it, or only looks at its status and may throw).
 *
 * Answers are small data (they outlive the parsed module) and are memoised per process by the
 * summaries. When a module cannot be resolved or parsed, nothing is known and the single-file
 * behaviour stays: an imported callee is not a response source, and passing a response to it is a
 * hand-off.
 */
import { isBuiltin } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { localClass } from '../../ast/local-class';
import { localFunction } from '../../ast/local-function';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ExportSpec } from '../imports/export-spec';
import { GLOBAL, moduleSpecifierOfLoad, resolveModuleRefs, type ModuleRef } from '../imports/module-refs';
import { DISPATCHER_REQUEST_METHODS, type BodyHolder, type ResponseClient, type ResponseDelivery, type ResponseSourceSpec } from '../libraries/response-sources';
import { type ModuleSummaries, type ProjectModule, type ResolvedExport, type TextHint } from '../modules';
import { moduleSourceHint } from './module-source-hint';
import { ParameterUses, type ImportedParameterQuery, type ParameterUse } from './parameter-use';
import { returnedFunction } from './returned-function';
import { instanceMethod } from '../../ast/instance-method';
import type { MethodParameter } from './request-method';
import {
  mayCarryResponse,
  ResponseSourceResolver,
  type ClientSlot,
  type DispatcherClient,
  type ImportedFunctions,
  type ResponseSource,
} from './response-sources';

/** Question names (with a version, so a change of the analysis never reuses old answers). */
const RETURNS_RESPONSE = 'body-paths/returns-response@6';
const PARAMETER_USE = 'body-paths/parameter-use@5';
const DISPATCHER = 'body-paths/dispatcher@1';

/** What calling an export gives, as data. */
interface ReturnedResponse {
  readonly client: ResponseClient;
  readonly delivery: ResponseDelivery;
  readonly holder: BodyHolder;
  readonly methodParameters?: readonly MethodParameter[];
  readonly clientParameters?: readonly ClientSlot[];
  readonly dispatcherParameters?: readonly ClientSlot[];
  readonly callbackParameter?: number;
  readonly responseArgument?: number;
  readonly errorArgument?: number;
  /** The property of the returned object that holds the response (`return { response, release }`). */
  readonly property?: string;
  /** Where the function starts in its module, for messages. */
  readonly line: number;
  /** The module the function is in, when it is not the asked export's module (an instance's class). */
  readonly file?: string;
}

export interface ImportedResponsesOptions {
  /** The summaries seen from the module being analysed (created lazily: most files never ask). */
  readonly summaries: () => ModuleSummaries | undefined;
  readonly sources: readonly ResponseSourceSpec[];
  readonly consumingHelpers: readonly ExportSpec[];
  /** Part of every question name: rule options that change the answers. */
  readonly optionsKey: string;
  /** How a module file is named in messages. */
  readonly describeFile: (file: string) => string;
}

export class ImportedResponses implements ImportedFunctions {
  /** What a module's text (or its imports' text) must mention before it is parsed. */
  private readonly textHint: TextHint;

  constructor(private readonly options: ImportedResponsesOptions) {
    this.textHint = moduleSourceHint(options.sources, options.optionsKey);
  }

  returnedBy(ref: ModuleRef, callee: TSESTree.Node): ResponseSource | undefined {
    const found = this.resolve(ref);
    if (!found) {
      // `api.get()` where `api` is an exported instance: `export const api = new ApiClient()`.
      const method = ref.path.at(-1);
      return method === undefined ? undefined : this.returnedByInstanceMethod({ module: ref.module, path: ref.path.slice(0, -1) }, method, callee);
    }
    if (!isFunctionNode(found.target.node)) return undefined;
    const fn = found.target.node;
    const answer = found.summaries.answer<ReturnedResponse | null>(
      `${RETURNS_RESPONSE}${this.options.optionsKey}`,
      found.target,
      () => this.summariseReturn(found.summaries, found.target.module, fn),
      null,
    );
    return answer ? this.sourceOf(answer, callee, found.target.module.file) : undefined;
  }

  returnedByMethod(ref: ModuleRef, method: string, callee: TSESTree.Node): ResponseSource | undefined {
    const found = this.resolve(ref);
    const classNode = found?.target.node;
    if (!found || (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression)) {
      return undefined;
    }
    const fn = instanceMethod(classNode, method);
    if (!fn) return undefined;
    const answer = found.summaries.answer<ReturnedResponse | null>(
      `${RETURNS_RESPONSE}:method:${method}${this.options.optionsKey}`,
      found.target,
      () => this.summariseReturn(found.summaries, found.target.module, fn),
      null,
    );
    return answer ? this.sourceOf(answer, callee, found.target.module.file) : undefined;
  }

  dispatcherOf(ref: ModuleRef): DispatcherClient | undefined {
    const found = this.resolve(ref);
    const value = found && stripWrappers(found.target.node);
    if (!found || (value?.type !== AST_NODE_TYPES.CallExpression && value?.type !== AST_NODE_TYPES.NewExpression)) return undefined;
    const answer = found.summaries.answer<DispatcherClient | null>(
      `${DISPATCHER}${this.options.optionsKey}`,
      found.target,
      () => {
        const nested = this.nestedIn(found.summaries, found.target.module);
        const sourceCode = found.target.module.sourceCode.asSourceCode();
        const parameterUses = new ParameterUses({ sourceCode, consumingHelpers: this.options.consumingHelpers });
        return new ResponseSourceResolver(parameterUses.bodyUseContext, this.options.sources, nested).dispatcherOf(value) ?? null;
      },
      null,
    );
    return answer ?? undefined;
  }

  /** The response method `method` of the exported instance `ref` (`export const api = new Api()`) returns. */
  private returnedByInstanceMethod(ref: ModuleRef, method: string, callee: TSESTree.Node): ResponseSource | undefined {
    const found = this.resolve(ref);
    const value = found && stripWrappers(found.target.node);
    if (!found || value?.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const answer = found.summaries.answer<ReturnedResponse | null>(
      `${RETURNS_RESPONSE}:instance-method:${method}${this.options.optionsKey}`,
      found.target,
      () => this.summariseInstanceMethod(found.summaries, found.target.module, value, method),
      null,
    );
    return answer ? this.sourceOf(answer, callee, answer.file ?? found.target.module.file) : undefined;
  }

  /** What `method` of the class `construction` builds returns: a class of `module` or one it imports. */
  private summariseInstanceMethod(
    summaries: ModuleSummaries,
    module: ProjectModule,
    construction: TSESTree.NewExpression,
    method: string,
  ): ReturnedResponse | null {
    const sourceCode = module.sourceCode.asSourceCode();
    const callee = stripWrappers(construction.callee);
    const local = callee.type === AST_NODE_TYPES.Identifier ? localClass(callee, sourceCode.getScope(callee)) : undefined;
    if (local) {
      const fn = instanceMethod(local, method);
      return fn ? this.summariseReturn(summaries, module, fn) : null;
    }
    const refs = resolveModuleRefs(callee, sourceCode.getScope(callee));
    const [ref] = refs ?? [];
    if (refs?.length !== 1 || !ref) return null;
    const found = this.nestedIn(summaries, module).resolve(ref);
    const classNode = found?.target.node;
    if (!found || (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression)) return null;
    const fn = instanceMethod(classNode, method);
    const answer = fn ? this.summariseReturn(found.summaries, found.target.module, fn) : null;
    return answer && { ...answer, file: found.target.module.file };
  }

  /**
   * True when some binding imported at the top of the file (`import`, top-level `require`) may give
   * a response: a function of the project that returns one, a class of the project with a method
   * that does, or a whole module (`import * as http`) of the project. For files that mention no
   * client at all, this decides whether the file is analysed.
   */
  importsResponseSource(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
    for (const local of importedBindings(sourceCode.ast)) {
      if (!isCalledForAResponse(local, sourceCode)) continue;
      const refs = resolveModuleRefs(local, sourceCode.getScope(local));
      const [ref] = refs ?? [];
      if (refs?.length !== 1 || !ref || ref.module === GLOBAL || isBuiltin(ref.module)) continue;
      // Parsing is the expensive part: only modules whose text (or whose imports' text) names a
      // client are parsed.
      const summaries = this.options.summaries();
      if (!summaries || !summaries.mayReach(ref.module, this.textHint)) continue;
      const found = this.resolve(ref);
      if (!found) continue;
      const node = found.target.node;
      if (isFunctionNode(node)) {
        if (this.returnedBy(ref, local)) return true;
      } else if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) {
        for (const method of instanceMethodNames(node)) if (this.returnedByMethod(ref, method, local)) return true;
      } else if (ref.path.length === 0) {
        return true; // a whole module of the project: its members are asked about one by one later
      }
      // `Http.post(url)` (a static method), `api.get(path)` (an exported instance's method).
      const methods = awaitedMethodNames(local, sourceCode);
      for (const method of methods) {
        if (this.returnedBy({ module: ref.module, path: [...ref.path, method] }, local)) return true;
      }
      // `inventoryApi.get(path, { responseType: 'stream' })` on an exported axios instance or dispatcher.
      const dispatcher = methods.size > 0 ? this.dispatcherOf(ref) : undefined;
      if (dispatcher && [...methods].some((method) => DISPATCHER_REQUEST_METHODS[dispatcher].includes(method))) return true;
    }
    return false;
  }

  /**
   * What the imported function `query.callee` names does with its parameter at `query.index`
   * (given the response or a promise of it), or undefined. Also a function an imported factory
   * makes: `exports.handle = createHandler()` in the module, or `const handle = createHandler()`
   * here with `query.madeByFactory`.
   */
  parameterUse(query: ImportedParameterQuery, sourceCode: Readonly<TSESLint.SourceCode>): ParameterUse | undefined {
    const { index, holder, given } = query;
    const callee = stripWrappers(query.callee);
    const refs = resolveModuleRefs(callee, sourceCode.getScope(callee));
    const [ref] = refs ?? [];
    if (refs?.length !== 1 || !ref) return undefined;
    const found = this.resolve(ref);
    if (!found) return undefined;
    const node = stripWrappers(found.target.node);
    // `exports.handle = createHandler()`: the question is about the function the factory returns.
    const madeByFactory = query.madeByFactory || node.type === AST_NODE_TYPES.CallExpression;
    if (!isFunctionNode(node) && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (query.madeByFactory && !isFunctionNode(node)) return undefined;
    const answer = found.summaries.answer<ParameterUse | null>(
      `${PARAMETER_USE}:${index}:${holder}:${given}:${madeByFactory ? 'made' : 'own'}${this.options.optionsKey}`,
      found.target,
      () => {
        const helper = this.helperOf(found.summaries, found.target.module, node, madeByFactory);
        return helper ? this.parameterUsesIn(found.summaries, helper.module).ofFunction(helper.fn, index, holder, given) : null;
      },
      null,
    );
    // An early exit that leaves the body unread is named with its module in messages.
    if (answer?.kind === 'consumes' && answer.unreadExit) {
      return { ...answer, unreadExit: { ...answer.unreadExit, file: this.options.describeFile(found.target.module.file) } };
    }
    return answer ?? undefined;
  }

  /**
   * The function an export's value is (`node`), or the one it makes: a factory function itself
   * (`madeByFactory`), or a call of a factory of `module` or of one it imports.
   */
  private helperOf(
    summaries: ModuleSummaries,
    module: ProjectModule,
    node: TSESTree.Node,
    madeByFactory: boolean,
  ): { module: ProjectModule; fn: FunctionNode } | undefined {
    const sourceCode = module.sourceCode.asSourceCode();
    if (isFunctionNode(node)) {
      if (!madeByFactory) return { module, fn: node };
      const made = returnedFunction(node, sourceCode);
      return made && { module, fn: made };
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = stripWrappers(node.callee);
    const local = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, sourceCode.getScope(callee)) : undefined;
    if (local) {
      const made = returnedFunction(local, sourceCode);
      return made && { module, fn: made };
    }
    const refs = resolveModuleRefs(callee, sourceCode.getScope(callee));
    const [ref] = refs ?? [];
    if (refs?.length !== 1 || !ref) return undefined;
    const found = this.nestedIn(summaries, module).resolve(ref);
    const factory = found && stripWrappers(found.target.node);
    if (!found || !factory || !isFunctionNode(factory)) return undefined;
    const made = returnedFunction(factory, found.target.module.sourceCode.asSourceCode());
    return made && { module: found.target.module, fn: made };
  }

  private resolve(ref: ModuleRef): { summaries: ModuleSummaries; target: ResolvedExport } | undefined {
    if (ref.module === GLOBAL) return undefined;
    const summaries = this.options.summaries();
    const target = summaries?.resolveExport(ref);
    return summaries && target ? { summaries, target } : undefined;
  }

  /** The single-file analysis run on `module`, following that module's own imports. */
  private summariseReturn(summaries: ModuleSummaries, module: ProjectModule, fn: FunctionNode): ReturnedResponse | null {
    const nested = this.nestedIn(summaries, module);
    const sourceCode = module.sourceCode.asSourceCode();
    const parameterUses = new ParameterUses({
      sourceCode,
      consumingHelpers: this.options.consumingHelpers,
      imported: (query) => nested.parameterUse(query, sourceCode),
    });
    const resolver = new ResponseSourceResolver(parameterUses.bodyUseContext, this.options.sources, nested);
    const source = resolver.sourceOfFunction(fn);
    if (!source) return null;
    return {
      client: source.client,
      delivery: source.delivery,
      holder: source.holder,
      ...(source.callbackParameter !== undefined ? { callbackParameter: source.callbackParameter } : {}),
      ...(source.responseArgument !== undefined ? { responseArgument: source.responseArgument } : {}),
      ...(source.errorArgument !== undefined ? { errorArgument: source.errorArgument } : {}),
      ...(source.methodParameters ? { methodParameters: source.methodParameters } : {}),
      ...(source.clientParameters ? { clientParameters: source.clientParameters } : {}),
      ...(source.dispatcherParameters ? { dispatcherParameters: source.dispatcherParameters } : {}),
      ...(source.property !== undefined ? { property: source.property } : {}),
      line: fn.loc.start.line,
    };
  }

  private parameterUsesIn(summaries: ModuleSummaries, module: ProjectModule): ParameterUses {
    const nested = this.nestedIn(summaries, module);
    const sourceCode = module.sourceCode.asSourceCode();
    return new ParameterUses({
      sourceCode,
      consumingHelpers: this.options.consumingHelpers,
      imported: (query) => nested.parameterUse(query, sourceCode),
    });
  }

  private nestedIn(summaries: ModuleSummaries, module: ProjectModule): ImportedResponses {
    const view = summaries.from(module);
    return new ImportedResponses({ ...this.options, summaries: () => view });
  }

  private sourceOf(answer: ReturnedResponse, callee: TSESTree.Node, file: string): ResponseSource {
    const name = calleeName(callee);
    return {
      client: answer.client,
      delivery: answer.delivery,
      holder: answer.holder,
      ...(answer.callbackParameter !== undefined ? { callbackParameter: answer.callbackParameter } : {}),
      ...(answer.responseArgument !== undefined ? { responseArgument: answer.responseArgument } : {}),
      ...(answer.errorArgument !== undefined ? { errorArgument: answer.errorArgument } : {}),
      ...(answer.methodParameters ? { methodParameters: answer.methodParameters } : {}),
      ...(answer.clientParameters ? { clientParameters: answer.clientParameters } : {}),
      ...(answer.dispatcherParameters ? { dispatcherParameters: answer.dispatcherParameters } : {}),
      ...(answer.property !== undefined ? { property: answer.property } : {}),
      origin: `${originVerb(answer)} ${name ? `\`${name}()\` ` : ''}(${this.options.describeFile(file)}:${answer.line})`,
    };
  }
}

/**
 * True when some call through the imported binding `local` is awaited or chained (its value could
 * be a response this file follows) or is given an inline callback (which could receive one):
 * `await getJson(u)`, `await http.getJson(u)`, `const api = new Api(); await api.post(u)`,
 * `get(u, (res) => ...)`.
 */
function isCalledForAResponse(local: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarationOf(local)).find((v) => v.name === local.name);
  return (
    variable?.references.some((reference) => {
      const identifier = reference.identifier;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) return mayCarryResponse(parent);
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) return isAwaitedMethodCall(parent);
      // `constructor(private readonly http: HttpService)`, `(api: Api) => ...`: a receiver declared
      // with the class (not a return type or a type argument, which give no receiver here).
      if (parent?.type === AST_NODE_TYPES.TSTypeReference && parent.typeName === identifier) return declaresReceiver(parent);
      // `class GitHubClient extends BaseApiClient`: `this.request()` may be an inherited method.
      if ((parent?.type === AST_NODE_TYPES.ClassDeclaration || parent?.type === AST_NODE_TYPES.ClassExpression) && parent.superClass === identifier) {
        return true;
      }
      if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.callee !== identifier) return false;
      // `const api = new Api()`: a method call on the instance
      const declarator = parent.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== parent) return false;
      const instance = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
      return (
        instance?.references.some(
          (use) => use.identifier.parent?.type === AST_NODE_TYPES.MemberExpression && isAwaitedMethodCall(use.identifier.parent),
        ) ?? false
      );
    }) ?? false
  );
}

/** `x: T` on a parameter, a constructor parameter property or a class field. */
function declaresReceiver(type: TSESTree.TSTypeReference): boolean {
  const annotation = type.parent;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) return false;
  const holder = annotation.parent;
  if (holder?.type === AST_NODE_TYPES.PropertyDefinition) return true;
  if (holder?.type !== AST_NODE_TYPES.Identifier) return false;
  const owner = holder.parent;
  return owner?.type === AST_NODE_TYPES.TSParameterProperty || (owner !== undefined && isFunctionNode(owner) && owner.params.includes(holder));
}

/** Names of the methods called on the imported binding `local` that may give a response (`isAwaitedMethodCall`). */
function awaitedMethodNames(local: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const names = new Set<string>();
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarationOf(local)).find((v) => v.name === local.name);
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || member.computed) continue;
    if (member.property.type === AST_NODE_TYPES.Identifier && isAwaitedMethodCall(member)) names.add(member.property.name);
  }
  return names;
}

/** `x.method(...)` whose value is awaited or chained, or that is given an inline callback. */
function isAwaitedMethodCall(member: TSESTree.MemberExpression): boolean {
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && mayCarryResponse(call);
}

/** The node whose declared variables include an imported binding (import declaration or declarator). */
function declarationOf(local: TSESTree.Identifier): TSESTree.Node {
  for (let node: TSESTree.Node | undefined = local.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration || node.type === AST_NODE_TYPES.VariableDeclarator) return node;
  }
  return local;
}

/** The local names the top-level imports and `require`s of a program bind. */
function importedBindings(program: TSESTree.Program): TSESTree.Identifier[] {
  const locals: TSESTree.Identifier[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
        locals.push(specifier.local);
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (!declarator.init || moduleSpecifierOfLoad(declarator.init) === undefined) continue;
      const id = declarator.id;
      if (id.type === AST_NODE_TYPES.Identifier) locals.push(id);
      else if (id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of id.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) locals.push(property.value);
        }
      }
    }
  }
  return locals;
}

function instanceMethodNames(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string[] {
  return classNode.body.body.flatMap((element) =>
    element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method' && !element.static && !element.computed && element.key.type === AST_NODE_TYPES.Identifier
      ? [element.key.name]
      : [],
  );
}

/** How the response leaves the export, for messages: "returned by", "returned as `response` by", "passed on by". */
function originVerb(answer: ReturnedResponse): string {
  if (answer.delivery === 'callback') return 'passed on by';
  return answer.property === undefined ? 'returned by' : `returned as \`${answer.property}\` by`;
}

/** `getJson`, `http.getJson`, `forwarder.post`: how the callee reads at the call site (short ones only). */
function calleeName(callee: TSESTree.Node): string | undefined {
  const parts: string[] = [];
  let current: TSESTree.Node = stripWrappers(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
    parts.unshift(current.property.name);
    current = stripWrappers(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
  else if (current.type === AST_NODE_TYPES.ThisExpression) parts.unshift('this');
  else return undefined;
  return parts.length <= 3 ? parts.join('.') : undefined;
}
