/**
 * no-unconsumed-body: an HTTP response whose body can be abandoned unread keeps (or, with
 * `destroy()`, closes) its socket instead of returning it to the pool.
 *
 * For every response source (analysis/response-sources.ts) the rule finds the binding that holds
 * the response — a declaration, an assignment, a callback or `'response'` listener parameter
 * (analysis/http-response-listeners.ts) — and walks ESLint's code paths from there
 * (analysis/code-paths.ts): a path that reaches a `return`, an explicit `throw`, the end of the
 * function or a reassignment of the variable without consuming or handing off the body
 * (analysis/body-consumption.ts) leaks the connection. Branches where the body is known to be
 * absent (analysis/body-absence.ts, analysis/absent-body-branches.ts) are not walked. The rule
 * itself only wires these together, reports, and builds the suggestions.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import {
  AbsentBodyEdges,
  branchTestsOf,
  enclosingBranchTest,
  statusBindingNames,
  statusBranchTestOf,
} from '../analysis/absent-body-branches';
import { usesBrowserGlobals } from '../analysis/browser-code';
import {
  hasAwaitBetween,
  isInlineFunction,
  requestAborts,
  responseListeners,
  type FunctionNode,
} from '../analysis/http-response-listeners';
import { classifyBodyUse, isMetadataProperty, type BodyUse, type BodyUseContext } from '../analysis/body-consumption';
import {
  CodePathRecorder,
  firstJumpOnPath,
  mergeListeners,
  reachableSegments,
  searchPaths,
  type PathEnd,
  type PathEvent,
  type PathPosition,
} from '../analysis/code-paths';
import { exportSpecSchema, type ExportSpec } from '../analysis/export-spec';
import {
  RESPONSE_SOURCES,
  type BodyHolder,
  type ResponseClient,
  type ResponseSourceSpec,
} from '../analysis/libraries/response-sources';
import { staticPropertyName } from '../analysis/module-refs';
import { ResponseSourceResolver, stripWrappers, type ResponseSource } from '../analysis/response-sources';
import { readSharedSettings } from '../analysis/settings';
import { classifyValueUse } from '../analysis/value-use';
import { createRule } from '../util/create-rule';

export type CustomSourceReturns = 'fetch-response' | 'undici-response';

export interface CustomResponseSource {
  readonly function: ExportSpec;
  readonly returns: CustomSourceReturns;
}

export type Options = [
  {
    consumingHelpers: ExportSpec[];
    responseSources: CustomResponseSource[];
  },
];

export type MessageIds =
  | 'unconsumedOnPath'
  | 'neverConsumed'
  | 'replacedUnread'
  | 'discarded'
  | 'destroyedUnread'
  | 'suggestResume'
  | 'suggestDump'
  | 'suggestCancel'
  | 'suggestRead'
  | 'suggestResumeInsteadOfDestroy';

export const CLIENT_LABEL: Readonly<Record<ResponseClient, string>> = {
  'node-http': 'node:http',
  fetch: 'fetch',
  'node-fetch': 'node-fetch',
  undici: 'undici request()',
  'axios-stream': "axios (responseType 'stream')",
  'got-stream': 'got.stream()',
};

/** What an unread body costs, per client (see ../shared/reference.md, measured on Node 20). */
export const CONSEQUENCE: Readonly<Record<ResponseClient, string>> = {
  'node-http':
    'An unread node:http response holds its socket whatever its size, so the connection never returns to the pool and the next request pays a new TCP+TLS handshake.',
  'axios-stream':
    'An unread node:http response stream holds its socket whatever its size, so the connection never returns to the pool and the next request pays a new TCP+TLS handshake.',
  'got-stream':
    'An unread node:http response stream holds its socket whatever its size, so the connection never returns to the pool and the next request pays a new TCP+TLS handshake.',
  fetch:
    'A small body is buffered and its socket usually returns to the pool, but a body larger than the stream buffers (~64 KiB) pins the connection until garbage collection, so the next request pays a new TCP+TLS handshake.',
  'node-fetch':
    'A small body is buffered and its socket usually returns to the pool, but a body larger than the stream buffers pins the connection until garbage collection, so the next request pays a new TCP+TLS handshake.',
  undici:
    'A small body is buffered and its socket usually returns to the pool, but a body larger than the stream buffers (~64 KiB) pins the connection until garbage collection, so the next request pays a new TCP+TLS handshake.',
};

const customSourceSchema: JSONSchema4 = {
  type: 'object',
  description: 'A function of your own (or of a package) that returns a response the caller must read.',
  properties: {
    function: { ...exportSpecSchema, description: 'The function, as a package export or a global.' },
    returns: {
      type: 'string',
      enum: ['fetch-response', 'undici-response'],
      description:
        "What its promise resolves to: a WHATWG Response ('fetch-response') or undici's { statusCode, headers, body } ('undici-response').",
    },
  },
  required: ['function', 'returns'],
  additionalProperties: false,
};

export default createRule<Options, MessageIds>({
  name: 'no-unconsumed-body',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require every HTTP response body to be read, drained or handed off on every path, so its socket returns to the pool',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      unconsumedOnPath:
        'The body of this {{client}} response is not read or released on the path that leaves at line {{line}}. {{consequence}} Read or release it before that exit.',
      neverConsumed:
        'The body of this {{client}} response is never read or released (only its status or headers are used; the function leaves at line {{line}}). {{consequence}}',
      replacedUnread:
        'This {{client}} response is replaced at line {{line}} before its body was read or released. {{consequence}} Release the body before reassigning the variable.',
      discarded:
        'The body of this {{client}} response is never read or released: the response is discarded. {{consequence}}',
      destroyedUnread:
        '`{{name}}.destroy()` runs before the body was read, so the socket is closed instead of being returned to the pool and the next request pays a new TCP+TLS handshake. Drain the body instead (`{{drain}}`) when the connection should be reused.',
      suggestResume: 'Drain the response with `{{name}}.resume()` so the socket returns to the pool.',
      suggestDump:
        'Drain the body with `await {{name}}.dump()` (bodies over its default 128 KiB limit make dump() close the socket; pass `{ limit }` for larger ones).',
      suggestCancel:
        'Cancel the body with `await {{name}}.body?.cancel()` (frees the socket; it is closed unless the body already arrived).',
      suggestRead: 'Read the body with `await {{name}}.arrayBuffer()` so the socket returns to the pool.',
      suggestResumeInsteadOfDestroy: 'Drain the body with `{{name}}.resume()` instead of destroying the connection.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          consumingHelpers: {
            type: 'array',
            description:
              'Functions that read or release a response body given to them (merged with settings.keepalive.consumingHelpers).',
            items: exportSpecSchema,
          },
          responseSources: {
            type: 'array',
            description: 'Extra functions whose result is a response that must be read or released.',
            items: customSourceSchema,
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ consumingHelpers: [], responseSources: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const settings = readSharedSettings(context);
    const bodyUseContext: BodyUseContext = {
      sourceCode,
      consumingHelpers: [...options.consumingHelpers, ...settings.consumingHelpers],
    };
    const sources: ResponseSourceSpec[] = [
      ...RESPONSE_SOURCES,
      ...options.responseSources.map(
        (custom): ResponseSourceSpec => ({
          function: custom.function,
          client: custom.returns === 'undici-response' ? 'undici' : 'fetch',
          delivery: 'promise',
          holder: custom.returns,
        }),
      ),
    ];
    // Most files cannot contain a response source: skip the code-path recording for them.
    if (!mayContainResponseSource(sourceCode.text, options.responseSources)) return {};
    const recorder = new CodePathRecorder();
    const absentBodyEdges = new AbsentBodyEdges(recorder, sourceCode);
    const calls: TSESTree.CallExpression[] = [];
    /** Branch tests such as `method === 'HEAD'`: on their HEAD side no response has a body. */
    const headMethodTests = new Set<TSESTree.Node>();
    const reported = new Set<TSESTree.Node>();
    const analysedCallbacks = new Set<TSESTree.Node>();

    /** A variable that holds a response from one write (declaration, assignment, parameter) on. */
    interface Binding {
      readonly variable: TSESLint.Scope.Variable;
      readonly holder: BodyHolder;
      readonly client: ResponseClient;
      readonly start: PathPosition;
      /** The declarator / assignment / function that writes the response into the variable. */
      readonly writer: TSESTree.Node;
      readonly reportNode: TSESTree.Node;
      /** Other calls that release the response's socket: `req.abort()` / `req.destroy()` on its request. */
      readonly releases?: readonly TSESTree.Node[];
      /** Locals destructured next to the body that hold the status (`const { statusCode, body } = ...`). */
      readonly statusVariables?: readonly TSESLint.Scope.Variable[];
    }

    type EventKind = 'consumed' | 'destroyed' | 'written';

    function report(
      node: TSESTree.Node,
      messageId: MessageIds,
      data: Record<string, string | number>,
      suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [],
    ): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data, suggest });
    }

    function clientData(client: ResponseClient): Record<string, string> {
      return { client: CLIENT_LABEL[client], consequence: CONSEQUENCE[client] };
    }

    // ---- finding where each response is held --------------------------------------------------

    function analyseCall(call: TSESTree.CallExpression, resolver: ResponseSourceResolver): void {
      const source = resolver.sourceOfCall(call);
      if (!source) return;
      if (source.delivery === 'callback') analyseCallbackSource(call, source);
      else analyseValueSource(call, source);
    }

    /** `fetch()`, `request()`, `got.stream()`, wrappers: the call's value is (a promise of) the response. */
    function analyseValueSource(call: TSESTree.CallExpression, source: ResponseSource): void {
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
        if (method === 'then') analyseThen(call, chained, source);
        return;
      }

      const use = classifyValueUse(carrier);
      const awaited = !needsAwait || hasAwaitBetween(carrier, use.node);
      switch (use.kind) {
        case 'bound':
          if (awaited) analyseDeclarator(use.declarator, call, source);
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
            const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
            const start = recorder.exitPosition(assignment);
            if (variable && start) {
              analyseBinding({
                variable,
                holder: source.holder,
                client: source.client,
                start,
                writer: assignment,
                reportNode: assignment,
              });
            }
          }
          return;
        }
        case 'member': {
          if (!awaited) return;
          const bodyUse = classifyBodyUse(use.node, source.holder, bodyUseContext);
          if (bodyUse === 'metadata') report(call, 'discarded', clientData(source.client));
          return;
        }
        case 'inspected':
          if (isDiscardedStatement(use.node)) {
            report(call, 'discarded', clientData(source.client), discardSuggestions(use.node, call, source));
          }
          return;
        default:
          // returned, yielded, thrown, passed on, stored elsewhere, iterated: someone else's body now.
          return;
      }
    }

    /** `fetch(url).then((res) => ...)`: the response is the callback's first parameter. */
    function analyseThen(call: TSESTree.CallExpression, then: TSESTree.CallExpression, source: ResponseSource): void {
      const [onFulfilled] = then.arguments;
      if (!onFulfilled || !isInlineFunction(onFulfilled)) return;
      analyseResponseParameter(onFulfilled, call, source);
    }

    /** `const res = await fetch()`, `const { statusCode, body } = await request()`. */
    function analyseDeclarator(
      declarator: TSESTree.VariableDeclarator,
      call: TSESTree.CallExpression,
      source: ResponseSource,
    ): void {
      const start = recorder.exitPosition(declarator);
      if (!start) return;
      const id = declarator.id;
      if (id.type === AST_NODE_TYPES.Identifier) {
        const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === id.name);
        if (variable) {
          analyseBinding({ variable, holder: source.holder, client: source.client, start, writer: declarator, reportNode: declarator });
        }
        return;
      }
      if (id.type !== AST_NODE_TYPES.ObjectPattern) return;
      analyseDestructuredResponse(declarator, id, call, source, start);
    }

    /** `const { statusCode, body } = await request(url)`: follow `body`; no `body` means it is dropped. */
    function analyseDestructuredResponse(
      declarator: TSESTree.VariableDeclarator,
      pattern: TSESTree.ObjectPattern,
      call: TSESTree.CallExpression,
      source: ResponseSource,
      start: PathPosition,
    ): void {
      const bodyKey = source.holder === 'axios-response' ? 'data' : source.holder === 'stream' ? undefined : 'body';
      const use = classifyBodyUse(call, source.holder, bodyUseContext);
      if (use === 'metadata') {
        // Only metadata keys: the body is never reachable again.
        report(declarator, 'discarded', clientData(source.client));
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
      const declared = sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
      const variable = declared.find((v) => v.name === bodyName);
      if (!variable) return;
      const statusNames = new Set(statusBindingNames(pattern));
      const statusVariables = declared.filter((v) => statusNames.has(v.name));
      analyseBinding({ variable, holder: 'stream', client: source.client, start, writer: declarator, reportNode: declarator, statusVariables });
    }

    /** `http.get(url, (res) => ...)`, `req.on('response', ...)`, `const [res] = await once(req, 'response')`. */
    function analyseCallbackSource(call: TSESTree.CallExpression, source: ResponseSource): void {
      const { listeners, request } = responseListeners(call, sourceCode);
      const releases = request ? requestAborts(request, sourceCode.scopeManager) : [];
      const last = call.arguments.at(-1);
      if (last && isInlineFunction(last)) analyseResponseParameter(last, call, source, releases);
      else if (last?.type === AST_NODE_TYPES.Identifier) {
        const fn = localFunction(last);
        if (fn) analyseResponseParameter(fn, call, source, releases);
      }
      for (const listener of listeners) {
        if (listener.type === 'function') analyseResponseParameter(listener.fn, call, source, releases);
        else analyseOnceDeclarator(listener.declarator, source, releases);
      }
    }

    /** `const [res] = await once(req, 'response')`. */
    function analyseOnceDeclarator(
      declarator: TSESTree.VariableDeclarator,
      source: ResponseSource,
      releases: readonly TSESTree.Node[],
    ): void {
      const start = recorder.exitPosition(declarator);
      const first = declarator.id.type === AST_NODE_TYPES.ArrayPattern ? declarator.id.elements[0] : undefined;
      if (!start || first?.type !== AST_NODE_TYPES.Identifier) return;
      const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === first.name);
      if (!variable) return;
      analyseBinding({ variable, holder: 'stream', client: source.client, start, writer: declarator, reportNode: first, releases });
    }

    /** A function that receives the response as its first parameter. */
    function analyseResponseParameter(
      fn: FunctionNode,
      call: TSESTree.CallExpression,
      source: ResponseSource,
      releases: readonly TSESTree.Node[] = [],
    ): void {
      if (analysedCallbacks.has(fn)) return;
      analysedCallbacks.add(fn);
      const [param] = fn.params;
      if (!param) {
        if (!usesArguments(fn)) report(call, 'discarded', clientData(source.client));
        return;
      }
      if (param.type === AST_NODE_TYPES.ObjectPattern) {
        const use = classifyObjectPatternUse(param, source.holder);
        if (use === 'metadata') report(param, 'discarded', clientData(source.client));
        return;
      }
      // `arguments` can reach the response without naming it.
      if (param.type !== AST_NODE_TYPES.Identifier || usesArguments(fn)) return;
      const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.name === param.name);
      const start = recorder.enterPosition(fn);
      if (!variable || !start) return;
      analyseBinding({ variable, holder: source.holder, client: source.client, start, writer: fn, reportNode: param, releases });
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

    // ---- walking the paths of one binding ------------------------------------------------------

    function analyseBinding(binding: Binding): void {
      const { start, variable } = binding;
      if (start.segments.length === 0 || start.segments.some((segment) => !segment.reachable)) return;
      const codePath = start.codePath;
      const tracked = new Set<TSESTree.Node>(variable.references.map((reference) => reference.identifier));
      const events: PathEvent<EventKind>[] = [];
      const tests = new Set<TSESTree.Node>();
      const statusVariables = [...(binding.statusVariables ?? []), ...absentBodyEdges.statusAliasesOf(variable)];
      const statusReads = new Set<TSESTree.Node>();
      for (const alias of statusVariables) {
        for (const reference of alias.references) {
          if (!reference.isRead()) continue;
          statusReads.add(reference.identifier);
          const test = statusBranchTestOf(reference.identifier);
          if (test) tests.add(test);
        }
      }

      for (const reference of variable.references) {
        const identifier = reference.identifier;
        if (reference.isWrite()) {
          const writer = writerOf(identifier);
          if (writer !== binding.writer) {
            const position = (writer && recorder.exitPosition(writer)) ?? recorder.enterPosition(identifier);
            if (position?.codePath === codePath) events.push({ kind: 'written', node: writer ?? identifier, position });
          }
        }
        if (!reference.isRead()) continue;
        const use = classifyBodyUse(identifier, binding.holder, bodyUseContext);
        const own = recorder.enterPosition(identifier);
        if (own?.codePath === codePath) {
          if (use === 'metadata') {
            for (const test of branchTestsOf(identifier)) tests.add(test);
            continue;
          }
          events.push({ kind: use === 'destroyed' ? 'destroyed' : 'consumed', node: identifier, position: own });
          continue;
        }
        // Read from a closure created on this path: the closure may read the body later.
        if (use === 'metadata') continue;
        const position = recorder.positionIn(identifier, codePath);
        if (position) events.push({ kind: 'consumed', node: identifier, position });
      }

      for (const test of headMethodTests) tests.add(test);
      for (const release of binding.releases ?? []) {
        const position = recorder.positionIn(release, codePath);
        if (position) events.push({ kind: 'consumed', node: release, position });
      }

      const blockedEdges = absentBodyEdges.blockedEdges(tests, {
        isTracked: (node) => tracked.has(node),
        isStatus: (node) => statusReads.has(node),
      });

      const ends = searchPaths({ start, events, effect: () => 'ends-path', blockedEdges, explicitThrowsOnly: recorder });
      if (!ends) return;
      for (const end of ends) {
        if (end.event?.kind === 'destroyed') reportDestroy(end.event.node, binding);
      }
      const leak = ends.find((end) => end.event === undefined || end.event.kind === 'written');
      if (!leak) return;
      reportLeak(binding, leak, events);
    }

    function reportDestroy(identifier: TSESTree.Node, binding: Binding): void {
      const call = destroyCallOf(identifier);
      if (!call) return;
      const name = sourceCode.getText(call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const callee = call.callee;
      if (
        binding.client !== 'undici' &&
        binding.client !== 'fetch' &&
        call.arguments.length === 0 &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed
      ) {
        suggest.push({
          messageId: 'suggestResumeInsteadOfDestroy',
          data: { name },
          fix: (fixer) => fixer.replaceText(callee.property, 'resume'),
        });
      }
      const drain = binding.client === 'undici' ? `await ${name}.dump()` : `${name}.resume()`;
      report(call, 'destroyedUnread', { name, drain }, suggest);
    }

    function reportLeak(binding: Binding, leak: PathEnd<EventKind>, events: readonly PathEvent<EventKind>[]): void {
      const data = clientData(binding.client);
      if (leak.event?.kind === 'written') {
        const writer = leak.event.node;
        report(binding.reportNode, 'replacedUnread', { ...data, line: writer.loc.start.line }, suggestionsAt(binding, statementOf(writer), [leak.segment], events));
        return;
      }
      const jump = firstJumpOnPath(recorder, leak.path, binding.start.order);
      const owner = ownerOf(binding);
      const line = jump ? jump.loc.start.line : owner.loc.end.line;
      const anyConsumption = events.some((event) => event.kind !== 'written');
      const messageId: MessageIds = anyConsumption ? 'unconsumedOnPath' : 'neverConsumed';
      const exitSegments = jump ? (recorder.enterPosition(jump)?.segments ?? []) : [leak.segment];
      const suggest = jump
        ? suggestionsAt(binding, jump, exitSegments, events)
        : suggestionsAtFunctionEnd(binding, owner, exitSegments, events);
      report(binding.reportNode, messageId, { ...data, line }, suggest);
    }

    // ---- suggestions -----------------------------------------------------------------------------

    /** `res.resume();`-style statements that release the body, per client (async-only where awaited). */
    function releaseStatements(binding: Binding): { messageId: MessageIds; text: string }[] {
      const name = binding.variable.name;
      const owner = ownerOf(binding);
      const isAsync = 'async' in owner && owner.async === true;
      switch (binding.holder) {
        case 'stream':
          if (binding.client === 'undici') return isAsync ? [{ messageId: 'suggestDump', text: `await ${name}.dump();` }] : [];
          if (binding.client === 'fetch') return [];
          return [{ messageId: 'suggestResume', text: `${name}.resume();` }];
        case 'fetch-response':
          if (binding.client === 'node-fetch') {
            return [
              { messageId: 'suggestResume', text: `${name}.body.resume();` },
              ...(isAsync ? [{ messageId: 'suggestRead' as const, text: `await ${name}.arrayBuffer();` }] : []),
            ];
          }
          return isAsync
            ? [
                { messageId: 'suggestCancel', text: `await ${name}.body?.cancel();` },
                { messageId: 'suggestRead', text: `await ${name}.arrayBuffer();` },
              ]
            : [];
        case 'axios-response':
          return [{ messageId: 'suggestResume', text: `${name}.data.resume();` }];
        case 'undici-response':
          return isAsync ? [{ messageId: 'suggestDump', text: `await ${name}.body.dump();` }] : [];
      }
    }

    /** True when code inserted at `offset` can still name the response variable. */
    function isInScopeOf(binding: Binding, offset: number): boolean {
      const [start, end] = binding.variable.scope.block.range;
      return start <= offset && offset <= end;
    }

    function suggestionName(binding: Binding, messageId: MessageIds): string {
      const name = binding.variable.name;
      if (messageId === 'suggestDump' && binding.holder === 'undici-response') return `${name}.body`;
      if (messageId === 'suggestResume' && binding.holder === 'axios-response') return `${name}.data`;
      if (messageId === 'suggestResume' && binding.holder === 'fetch-response') return `${name}.body`;
      return name;
    }

    /** Suggestions that insert a release before `statement`, unless a consuming path also reaches it. */
    function suggestionsAt(
      binding: Binding,
      statement: TSESTree.Node | undefined,
      exitSegments: readonly TSESLint.CodePathSegment[],
      events: readonly PathEvent<EventKind>[],
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!statement || reachedAfterConsumption(binding.start, exitSegments, events)) return [];
      if (!isInScopeOf(binding, statement.range[0])) return [];
      const parent = statement.parent;
      const inBlock =
        parent?.type === AST_NODE_TYPES.BlockStatement ||
        parent?.type === AST_NODE_TYPES.Program ||
        parent?.type === AST_NODE_TYPES.SwitchCase ||
        parent?.type === AST_NODE_TYPES.StaticBlock;
      return releaseStatements(binding).map(({ messageId, text }) => ({
        messageId,
        data: { name: suggestionName(binding, messageId) },
        fix: (fixer: TSESLint.RuleFixer) =>
          inBlock
            ? fixer.insertTextBefore(statement, `${text}\n${indentOf(statement)}`)
            : fixer.replaceText(statement, `{ ${text} ${sourceCode.getText(statement)} }`),
      }));
    }

    function suggestionsAtFunctionEnd(
      binding: Binding,
      owner: TSESTree.Node,
      exitSegments: readonly TSESLint.CodePathSegment[],
      events: readonly PathEvent<EventKind>[],
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!isInlineFunction(owner) && owner.type !== AST_NODE_TYPES.FunctionDeclaration) return [];
      const body = owner.body;
      if (body.type !== AST_NODE_TYPES.BlockStatement || reachedAfterConsumption(binding.start, exitSegments, events)) return [];
      const last = body.body.at(-1);
      // `const res` declared inside a `try` block is out of scope at the end of the function.
      if (!isInScopeOf(binding, last ? last.range[1] : body.range[0] + 1)) return [];
      return releaseStatements(binding).map(({ messageId, text }) => ({
        messageId,
        data: { name: suggestionName(binding, messageId) },
        fix: (fixer: TSESLint.RuleFixer) =>
          last
            ? fixer.insertTextAfter(last, `\n${indentOf(last)}${text}`)
            : fixer.replaceText(body, `{ ${text} }`),
      }));
    }

    /** `await fetch(url, { method: 'POST' });` → read or cancel the body in the same statement. */
    function discardSuggestions(
      carrier: TSESTree.Node,
      call: TSESTree.CallExpression,
      source: ResponseSource,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (carrier.type !== AST_NODE_TYPES.AwaitExpression || stripWrappers(carrier.argument) !== call) return [];
      const callText = sourceCode.getText(call);
      const replace = (text: string) => (fixer: TSESLint.RuleFixer) => fixer.replaceText(carrier, text);
      switch (source.holder) {
        case 'fetch-response':
          if (source.client === 'node-fetch') {
            return [{ messageId: 'suggestRead', data: { name: '(response)' }, fix: replace(`await (await ${callText}).arrayBuffer()`) }];
          }
          return [
            { messageId: 'suggestCancel', data: { name: '(response)' }, fix: replace(`await (await ${callText}).body?.cancel()`) },
            { messageId: 'suggestRead', data: { name: '(response)' }, fix: replace(`await (await ${callText}).arrayBuffer()`) },
          ];
        case 'undici-response':
          return [{ messageId: 'suggestDump', data: { name: '(response).body' }, fix: replace(`await (await ${callText}).body.dump()`) }];
        default:
          return [];
      }
    }

    /** True when some path that consumed the body also reaches these segments. */
    function reachedAfterConsumption(
      start: PathPosition,
      segments: readonly TSESLint.CodePathSegment[],
      events: readonly PathEvent<EventKind>[],
    ): boolean {
      const consumedAt = events.filter((event) => event.kind !== 'written').flatMap((event) => event.position.segments);
      if (consumedAt.length === 0) return false;
      const reachable = reachableSegments(consumedAt, new Set(start.segments));
      return segments.some((segment) => reachable.has(segment));
    }

    function ownerOf(binding: Binding): TSESTree.Node {
      let node: TSESTree.Node | undefined = binding.writer;
      while (node) {
        if (recorder.codePathOf(node) === binding.start.codePath) return node;
        node = node.parent;
      }
      return sourceCode.ast;
    }

    // ---- helpers that need scopes -------------------------------------------------------------------

    /** A non-arrow function that reads `arguments` may use the response without naming it. */
    function usesArguments(fn: FunctionNode): boolean {
      if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
      const variable = sourceCode.scopeManager?.acquire(fn)?.set.get('arguments');
      return (variable?.references.length ?? 0) > 0;
    }

    /** The function of this file an identifier names: a declaration or a never-reassigned const. */
    function localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      if (!variable || variable.defs.length !== 1) return undefined;
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
      const def = variable.defs[0];
      if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
      if (def?.type === 'Variable' && def.node.init && isInlineFunction(def.node.init)) return def.node.init;
      return undefined;
    }

    // ---- the visitor -----------------------------------------------------------------------------

    return mergeListeners(recorder.listeners(), {
      CallExpression(node: TSESTree.CallExpression) {
        calls.push(node);
      },
      BinaryExpression(node: TSESTree.BinaryExpression) {
        const literal = [node.left, node.right].find(
          (side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string' && side.value.toUpperCase() === 'HEAD',
        );
        if (!literal) return;
        const test = enclosingBranchTest(node);
        if (test) headMethodTests.add(test);
      },
      'Program:exit'() {
        // In browser code, global `fetch` is the browser's (see analysis/browser-code.ts).
        const inBrowser = usesBrowserGlobals(sourceCode.scopeManager);
        const resolver = new ResponseSourceResolver(
          bodyUseContext,
          inBrowser ? sources.filter((source) => source.function.from !== 'global') : sources,
        );
        for (const call of calls) analyseCall(call, resolver);
      },
    } as Record<string, (...args: never[]) => void>);
  },
});

// ---- helpers that need no rule state ---------------------------------------------------------------

/**
 * A cheap text check before any analysis: every built-in source needs the word `fetch` (the global,
 * `node-fetch`, `cross-fetch`), `undici`, or an import of `http`, `https`, `axios` or `got` in the
 * file; custom sources need their package or global name. `prefetch` or `fetchUser` alone do not
 * count: neither can resolve to a response source.
 */
const SOURCE_HINT = /\bfetch\b|undici|['"`](?:node:)?https?['"`]|['"`]axios['"`]|['"`]got['"`]/;

function mayContainResponseSource(text: string, custom: readonly CustomResponseSource[]): boolean {
  if (SOURCE_HINT.test(text)) return true;
  return custom.some((source) => {
    const spec = source.function;
    const names = spec.from === 'package' ? [spec.package] : typeof spec.name === 'string' ? [spec.name] : spec.name;
    return names.some((name) => name.split('*').some((part) => part.length > 0 && text.includes(part.split('.')[0] ?? part)));
  });
}



/** `fetch(url);`, `await fetch(url);`, `void fetch(url);` as statements. */
function isDiscardedStatement(node: TSESTree.Node): boolean {
  let current = node;
  if (current.parent?.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void') {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** The declarator or assignment that writes through `identifier`. */
function writerOf(identifier: TSESTree.Node): TSESTree.Node | undefined {
  for (let node = identifier.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator || node.type === AST_NODE_TYPES.AssignmentExpression) return node;
    if (node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement) return node;
    if (isInlineFunction(node) || node.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  }
  return undefined;
}

/** The statement that contains `node`, when `node` is (part of) an expression statement. */
function statementOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration') || isInlineFunction(current)) {
      return undefined;
    }
    current = current.parent;
  }
  return current;
}

/** The `x.destroy()` call a read of `x` (or `x.body`) belongs to. */
function destroyCallOf(identifier: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(node.callee) === 'destroy'
    ) {
      return node;
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.ChainExpression) return undefined;
  }
  return undefined;
}


function indentOf(node: TSESTree.Node): string {
  return ' '.repeat(node.loc.start.column);
}

