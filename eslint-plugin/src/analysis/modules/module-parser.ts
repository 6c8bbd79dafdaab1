/**
 * Parsing another module of the project the way the linted file was parsed.
 *
 * The linted file's parser (`languageOptions.parser`) and parser options are reused, without the
 * options that ask for type information (`project`, `projectService`, `programs`): a module summary
 * never needs a TypeScript program, and building one per imported file would cost a full build.
 * When the parser returns no scope manager (espree), scopes are built with
 * `@typescript-eslint/scope-manager`, which understands every ESTree AST. When the host provides
 * no parser at all (oxlint's JS plugins), `@typescript-eslint/parser` is used if it can be loaded.
 * JavaScript modules are parsed with ESLint's own espree first where it can be loaded: it is 2-3
 * times faster than @typescript-eslint/parser and gives the same ESTree for JavaScript. With
 * @typescript-eslint/parser, its two steps are run without tokens, comments and node maps
 * (typescript-estree-parse.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys as typescriptVisitorKeys } from '@typescript-eslint/visitor-keys';
import { isNode } from '../../ast/is-node';
import { parseLikeTypeScriptEslint } from './typescript-estree-parse';

export type VisitorKeys = TSESLint.SourceCode['visitorKeys'];

/** A parsed module: AST with `parent` links, its scopes and the keys to walk it. */
export interface ParsedSource {
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager;
  readonly visitorKeys: VisitorKeys;
}

export interface ModuleParser {
  /** Identifies the parser and its options: equal keys parse every text to equal ASTs. */
  readonly key: string;
  /** The parsed module, or undefined when it does not parse. Never throws. */
  parse(text: string, file: string): ParsedSource | undefined;
}

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface ParserModule {
  /** espree exports the keys of the nodes it produces. */
  VisitorKeys?: VisitorKeys;
  parse?: (text: string, options: unknown) => unknown;
  parseForESLint?: (text: string, options: unknown) => unknown;
}

/** Parser options that make a parser build a TypeScript program (type information). */
const TYPE_INFORMATION_OPTIONS = [
  'project',
  'projectService',
  'programs',
  'EXPERIMENTAL_useProjectService',
  'EXPERIMENTAL_useSourceOfProjectReferenceRedirect',
];

const parserIds = new WeakMap<object, number>();
let nextParserId = 1;
/** One ModuleParser per parser object and options, so that keys and fallbacks are computed once. */
const moduleParsers = new WeakMap<object, Map<string, ModuleParser>>();

/**
 * How to parse other modules for the file `context` lints, or undefined when no parser is
 * available. Never throws.
 */
export function moduleParserOf(context: RuleContext): ModuleParser | undefined {
  try {
    const languageOptions = (context as { languageOptions?: TSESLint.FlatConfig.LanguageOptions })
      .languageOptions;
    const parser =
      asParser(languageOptions?.parser) ?? loadTypeScriptParser(context.filename);
    if (!parser) return undefined;
    const baseOptions = {
      ecmaVersion: languageOptions?.ecmaVersion ?? 'latest',
      sourceType: languageOptions?.sourceType ?? 'module',
      ...withoutTypeInformation(languageOptions?.parserOptions),
    };
    return moduleParserFor(parser, baseOptions, context.filename);
  } catch {
    return undefined;
  }
}

function moduleParserFor(
  parser: ParserModule,
  baseOptions: Record<string, unknown>,
  lintedFile: string,
): ModuleParser {
  const optionsKey = stableKey(baseOptions);
  let byOptions = moduleParsers.get(parser);
  if (!byOptions) {
    byOptions = new Map();
    moduleParsers.set(parser, byOptions);
  }
  const existing = byOptions.get(optionsKey);
  if (existing) return existing;
  const espree = loadEspree();
  const key = `${parserIdOf(parser)}:${optionsKey}${espree ? ':js-with-espree' : ''}`;
  const created: ModuleParser = {
    key,
    parse(text, file) {
      // JavaScript modules: espree first (2-3× faster than @typescript-eslint/parser, the same
      // ESTree for JavaScript); syntax it does not know (Flow, TypeScript in .js) falls through.
      if (espree && espree !== parser && JAVASCRIPT_EXTENSIONS.has(path.extname(file))) {
        const parsed = parseModule(espree, espreeOptionsFrom(baseOptions), text, file);
        if (parsed) return parsed;
      }
      const parsed = parseModule(parser, baseOptions, text, file);
      if (parsed) return parsed;
      // A JavaScript file linted with espree may import a TypeScript module; a host's parser object
      // may not parse at all (oxlint's JS plugins: `parse` is "not implemented yet").
      const typescriptParser = loadTypeScriptParser(lintedFile);
      if (!typescriptParser || typescriptParser === parser) return undefined;
      return parseModule(typescriptParser, baseOptions, text, file);
    },
  };
  byOptions.set(optionsKey, created);
  return created;
}

function parseModule(
  parser: ParserModule,
  baseOptions: Record<string, unknown>,
  text: string,
  file: string,
): ParsedSource | undefined {
  const extension = path.extname(file);
  const declaredType =
    extension === '.cjs' || extension === '.cts'
      ? 'commonjs'
      : extension === '.mjs' || extension === '.mts'
        ? 'module'
        : baseOptions.sourceType;
  const sourceTypes = [declaredType];
  // The linted file's source type may not be this module's: try the other one once.
  if (extension !== '.cjs' && extension !== '.cts' && extension !== '.mjs' && extension !== '.mts') {
    sourceTypes.push(declaredType === 'module' ? 'commonjs' : 'module');
  }
  // Keep line numbers: a shebang line becomes a comment, as ESLint does.
  const textToParse = text.replace(/^#!([^\r\n]+)/u, '//$1');
  for (const sourceType of sourceTypes) {
    const parsed = tryParse(parser, textToParse, {
      ...baseOptions,
      sourceType,
      ecmaFeatures: {
        ...(baseOptions.ecmaFeatures as object | undefined),
        ...(extension === '.jsx' || extension === '.tsx' ? { jsx: true } : {}),
      },
      loc: true,
      range: true,
      raw: true,
      tokens: false,
      comment: false,
      eslintVisitorKeys: true,
      eslintScopeManager: true,
      filePath: file,
    });
    if (parsed) return parsed;
  }
  return undefined;
}

function tryParse(
  parser: ParserModule,
  text: string,
  options: Record<string, unknown>,
): ParsedSource | undefined {
  try {
    const result = (
      parseLikeTypeScriptEslint(parser, text, options) ??
      (typeof parser.parseForESLint === 'function'
        ? parser.parseForESLint(text, options)
        : { ast: parser.parse?.(text, options) })
    ) as {
      ast?: TSESTree.Program;
      scopeManager?: TSESLint.Scope.ScopeManager | null;
      visitorKeys?: VisitorKeys;
    };
    const ast = result.ast;
    if (ast?.type !== 'Program' || !Array.isArray(ast.range)) return undefined;
    const visitorKeys =
      result.visitorKeys ?? parser.VisitorKeys ?? (typescriptVisitorKeys as VisitorKeys);
    const scopeManager = result.scopeManager ?? analyzeScopes(ast, visitorKeys, options);
    if (!scopeManager) return undefined;
    setParents(ast, visitorKeys);
    return { ast, scopeManager, visitorKeys };
  } catch {
    return undefined;
  }
}

/**
 * Scope analysis for a parser that returns none, as ESLint does it: eslint-scope (installed with
 * ESLint). `@typescript-eslint/scope-manager` is the fallback where eslint-scope cannot be loaded
 * (it needs the TSESTree shape, so it fails on some espree ASTs). The choice never depends on
 * what was parsed before, so answers do not depend on the order files are linted in.
 */
function analyzeScopes(
  ast: TSESTree.Program,
  visitorKeys: VisitorKeys,
  options: Record<string, unknown>,
): TSESLint.Scope.ScopeManager | undefined {
  try {
    return loadEslintScope()
      ? analyzeWithEslintScope(ast, visitorKeys, options)
      : analyzeWithTypeScriptScopeManager(ast, visitorKeys, options);
  } catch {
    return undefined;
  }
}

function ecmaFeaturesOf(options: Record<string, unknown>): {
  globalReturn?: boolean;
  impliedStrict?: boolean;
} {
  return (options.ecmaFeatures ?? {}) as { globalReturn?: boolean; impliedStrict?: boolean };
}

function analyzeWithTypeScriptScopeManager(
  ast: TSESTree.Program,
  visitorKeys: VisitorKeys,
  options: Record<string, unknown>,
): TSESLint.Scope.ScopeManager {
  const ecmaFeatures = ecmaFeaturesOf(options);
  return analyze(ast, {
    childVisitorKeys: visitorKeys as Record<string, readonly string[]>,
    sourceType: options.sourceType === 'module' ? 'module' : 'script',
    globalReturn: options.sourceType === 'commonjs' || ecmaFeatures.globalReturn === true,
    impliedStrict: ecmaFeatures.impliedStrict === true,
    // Like ESLint's own scope analysis: no implicit library globals, no JSX pragma.
    lib: [],
    jsxPragma: null,
  }) as unknown as TSESLint.Scope.ScopeManager;
}

const JAVASCRIPT_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx']);

let espreeParser: ParserModule | null | undefined;

/** espree as installed with the running ESLint, or null (another host, a bundle). */
function loadEspree(): ParserModule | null {
  if (espreeParser !== undefined) return espreeParser;
  try {
    espreeParser = asParser(createRequire(require.resolve('eslint'))('espree')) ?? null;
  } catch {
    espreeParser = null;
  }
  return espreeParser;
}

/** espree's options for a module: the linted file's source type, JSX on, nothing parser-specific. */
function espreeOptionsFrom(baseOptions: Record<string, unknown>): Record<string, unknown> {
  return { ecmaVersion: 'latest', sourceType: baseOptions.sourceType, ecmaFeatures: { jsx: true } };
}

interface EslintScope {
  analyze(ast: unknown, options: Record<string, unknown>): unknown;
}

let eslintScope: EslintScope | null | undefined;

/** eslint-scope as installed with the running ESLint (ESLint's scope analysis for espree). */
function loadEslintScope(): EslintScope | null {
  if (eslintScope !== undefined) return eslintScope;
  try {
    const eslintEntry = require.resolve('eslint');
    eslintScope = createRequire(eslintEntry)('eslint-scope') as EslintScope;
  } catch {
    eslintScope = null;
  }
  return eslintScope;
}

function analyzeWithEslintScope(
  ast: TSESTree.Program,
  visitorKeys: VisitorKeys,
  options: Record<string, unknown>,
): TSESLint.Scope.ScopeManager {
  const scope = loadEslintScope()!;
  const ecmaFeatures = ecmaFeaturesOf(options);
  return scope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: options.sourceType === 'commonjs' || ecmaFeatures.globalReturn === true,
    impliedStrict: ecmaFeatures.impliedStrict === true,
    ecmaVersion: typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 2022,
    sourceType: options.sourceType,
    childVisitorKeys: visitorKeys,
    fallback: 'iteration',
  }) as TSESLint.Scope.ScopeManager;
}

/** Sets `parent` on every node below `root`, as ESLint does while it traverses the linted file. */
function setParents(root: TSESTree.Node, visitorKeys: VisitorKeys): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (isNode(child)) {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child);
        }
      }
    }
  }
}

function asParser(value: unknown): ParserModule | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as ParserModule;
  return typeof candidate.parseForESLint === 'function' || typeof candidate.parse === 'function'
    ? candidate
    : undefined;
}

const typescriptParsers = new Map<string, ParserModule | null>();

/** `@typescript-eslint/parser` as installed for the linted file's project, else the plugin's. */
function loadTypeScriptParser(lintedFile: string): ParserModule | undefined {
  const directory = path.isAbsolute(lintedFile) ? path.dirname(lintedFile) : process.cwd();
  const cached = typescriptParsers.get(directory);
  if (cached !== undefined) return cached ?? undefined;
  let loaded: ParserModule | undefined;
  for (const load of [
    () => createRequire(path.join(directory, 'noop.js'))('@typescript-eslint/parser') as unknown,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('@typescript-eslint/parser') as unknown,
  ]) {
    try {
      loaded = asParser(load());
    } catch {
      loaded = undefined;
    }
    if (loaded) break;
  }
  typescriptParsers.set(directory, loaded ?? null);
  return loaded;
}

function withoutTypeInformation(options: unknown): Record<string, unknown> {
  if (typeof options !== 'object' || options === null) return {};
  const copy: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const name of TYPE_INFORMATION_OPTIONS) delete copy[name];
  delete copy.filePath;
  return copy;
}

function parserIdOf(parser: object): number {
  let id = parserIds.get(parser);
  if (id === undefined) {
    id = nextParserId++;
    parserIds.set(parser, id);
  }
  return id;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

/** A string equal for equal option objects; functions and cycles fall back to object identity. */
function stableKey(options: Record<string, unknown>): string {
  try {
    return JSON.stringify(options, (_key, value: unknown) => {
      if (typeof value === 'function') return `[function ${identity(value)}]`;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const sorted: Record<string, unknown> = {};
        for (const key of Object.keys(value).sort()) {
          sorted[key] = (value as Record<string, unknown>)[key];
        }
        return sorted;
      }
      return value;
    });
  } catch {
    return `[options ${identity(options)}]`;
  }
}

function identity(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return id;
}
