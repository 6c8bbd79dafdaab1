/**
 * The body-path analysis of one file, wired to ESLint's traversal: records code paths while the file
 * is traversed, then (at `Program:exit`) follows every response-source call to where its response
 * is held (response-holders.ts) and walks those bindings' paths (binding-paths.ts), handing each
 * finding to `onFinding`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ExportSpec } from '../imports/export-spec';
import type { ResponseSourceSpec } from '../libraries/response-sources';
import type { ModuleSummaries } from '../modules';
import { AbsentBodyEdges, enclosingBranchTest } from './absent-body-branches';
import type { BodyFinding } from './body-findings';
import { BindingPaths } from './binding-paths';
import { isClientComponent, usesBrowserGlobals } from './browser-code';
import { CodePathRecorder, mergeListeners } from './code-paths';
import { expectsFailure } from './expected-failures';
import { ImportedResponses } from './imported-responses';
import { ParameterUses } from './parameter-use';
import { PromiseCombinators } from './promise-combinators';
import { requestEndingCalls } from './request-ending-calls';
import { ReleaseSuggestions } from './release-suggestions';
import { ResponseHolders } from './response-holders';
import { ResponseSourceResolver } from './response-sources';

export interface UnreadBodiesOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /**
   * A cheap text check (module-source-hint.ts, applied to the file itself): false when `text`
   * imports no package that gives responses and names no global source (`fetch`) in code. A file
   * that names none is only analysed when it imports a response source from another module of the
   * project.
   */
  readonly namesClient: (text: string) => boolean;
  /** Every client function whose result is a response (built-in table plus options). */
  readonly sources: readonly ResponseSourceSpec[];
  /** Functions that read or release a body given to them (options and settings). */
  readonly consumingHelpers: readonly ExportSpec[];
  readonly onFinding: (finding: BodyFinding) => void;
  /** Cross-file analysis: the linted file's module summaries (undefined when unavailable). */
  readonly imports?: {
    readonly summaries: () => ModuleSummaries | undefined;
    /** Rule options that change answers about other modules, as a key. */
    readonly optionsKey: string;
    /** How a module file is named in messages. */
    readonly describeFile: (file: string) => string;
  };
}

/** Rule listeners that run the analysis; findings arrive at `Program:exit`. */
export function unreadBodyListeners(options: UnreadBodiesOptions): TSESLint.RuleListener {
  const { sourceCode, sources, onFinding } = options;
  const recorder = new CodePathRecorder();
  const calls: TSESTree.CallExpression[] = [];
  /** Branch tests such as `method === 'HEAD'`: on their HEAD side no response has a body. */
  const headMethodTests = new Set<TSESTree.Node>();
  const imported = options.imports
    ? new ImportedResponses({ ...options.imports, sources, consumingHelpers: options.consumingHelpers })
    : undefined;
  // Most files cannot contain a response source: skip the code-path recording for them.
  if (!options.namesClient(sourceCode.text) && !imported?.importsResponseSource(sourceCode)) return {};
  const parameterUses = new ParameterUses({
    sourceCode,
    consumingHelpers: options.consumingHelpers,
    imported: imported && ((query) => imported.parameterUse(query, sourceCode)),
  });
  const bodyUseContext = parameterUses.bodyUseContext;

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
      // In browser code, global `fetch` is the browser's (see browser-code.ts).
      const inBrowser = isClientComponent(sourceCode.ast) || usesBrowserGlobals(sourceCode.scopeManager);
      const resolver = new ResponseSourceResolver(
        bodyUseContext,
        inBrowser ? sources.filter((source) => source.function.from !== 'global') : sources,
        imported,
      );
      const suggestions = new ReleaseSuggestions(recorder, sourceCode);
      const paths = new BindingPaths({
        sourceCode,
        recorder,
        absentBodyEdges: new AbsentBodyEdges(recorder, sourceCode),
        bodyUseContext,
        parameterUses,
        headMethodTests,
        requestEndingCalls: requestEndingCalls(calls, sourceCode),
      });
      const holders = new ResponseHolders({ sourceCode, recorder, bodyUseContext, paths, parameterUses, suggestions, onFinding });
      const combinators = new PromiseCombinators({
        sourceCode,
        suggestions,
        recorder,
        resolver,
        bodyUseContext,
        analyseBinding: (binding) => holders.analyseBinding(binding),
        onFinding,
      });
      for (const call of calls) {
        if (expectsFailure(call)) continue;
        const source = resolver.sourceOfCall(call);
        if (source) holders.analyseSource(call, source);
        else combinators.analyse(call);
      }
    },
  } as Record<string, (...args: never[]) => void>);
}
