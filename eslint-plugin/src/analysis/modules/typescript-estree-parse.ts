/**
 * @typescript-eslint/parser's own two steps, without what a module summary never reads.
 *
 * The parser's `parseForESLint` always asks typescript-estree for tokens and comments and keeps the
 * maps between ESTree and TypeScript nodes (ESLint and type-aware rules need them; summaries do
 * not): measured on the 42 TypeScript modules the real-world corpus makes summaries parse, that
 * costs a third more time and holds over twice the memory for as long as a parsed module is
 * cached. The same AST and scopes come from typescript-estree's `parse` and scope-manager's
 * `analyze` called with the options the parser would pass them (see `parseForESLint` in
 * @typescript-eslint/parser): its own version of typescript-estree, `sourceType` set on the
 * Program, and `lib`, `globalReturn` and the JSX names handed to the scope analysis.
 */
import { createRequire } from 'node:module';
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

interface TypeScriptEstree {
  readonly version?: string;
  parse(text: string, options: Record<string, unknown>): TSESTree.Program;
}

interface TypeScriptEslintParser {
  readonly meta?: { readonly name?: string; readonly version?: string };
  readonly version?: string;
}

const PARSER_NAME = 'typescript-eslint/parser';

let estree: TypeScriptEstree | null | undefined;

/** typescript-estree as installed with @typescript-eslint/parser, or null (a bundle, another layout). */
function loadTypeScriptEstree(): TypeScriptEstree | null {
  if (estree !== undefined) return estree;
  try {
    const loaded = createRequire(require.resolve('@typescript-eslint/parser'))('@typescript-eslint/typescript-estree') as TypeScriptEstree;
    estree = typeof loaded.parse === 'function' ? loaded : null;
  } catch {
    estree = null;
  }
  return estree;
}

/**
 * The AST and scopes `parser` would give for `text` with `options`, when `parser` is
 * @typescript-eslint/parser of the same version as the typescript-estree that can be loaded;
 * undefined when that does not hold (the caller then uses the parser itself). Throws what the
 * parser would throw on a syntax error.
 */
export function parseLikeTypeScriptEslint(
  parser: object,
  text: string,
  options: Record<string, unknown>,
): { ast: TSESTree.Program; scopeManager: TSESLint.Scope.ScopeManager } | undefined {
  const { meta, version } = parser as TypeScriptEslintParser;
  if (meta?.name !== PARSER_NAME) return undefined;
  const typescriptEstree = loadTypeScriptEstree();
  if (!typescriptEstree || typescriptEstree.version === undefined || typescriptEstree.version !== (meta.version ?? version)) {
    return undefined;
  }
  const ecmaFeatures = (options.ecmaFeatures ?? {}) as { jsx?: unknown; globalReturn?: boolean };
  const sourceType = options.sourceType === 'module' ? 'module' : 'script';
  const ast = typescriptEstree.parse(text, {
    jsx: ecmaFeatures.jsx === true,
    ...options,
    errorOnTypeScriptSyntacticAndSemanticIssues: false,
    comment: false,
    tokens: false,
    loc: true,
    range: true,
    // JSDoc is not part of the ESTree AST.
    jsDocParsingMode: 'none',
  });
  ast.sourceType = sourceType;
  const scopeManager = analyze(ast, {
    globalReturn: ecmaFeatures.globalReturn,
    jsxFragmentName: options.jsxFragmentName as string | null | undefined,
    jsxPragma: options.jsxPragma as string | null | undefined,
    lib: options.lib as never,
    sourceType,
  }) as unknown as TSESLint.Scope.ScopeManager;
  return { ast, scopeManager };
}
