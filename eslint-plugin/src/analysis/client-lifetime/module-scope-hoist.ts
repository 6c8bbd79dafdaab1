/**
 * Hoisting a construction to module scope: `const sharedHttpsAgent = new https.Agent({...});`
 * placed after the imports (and after the declarations it reads), with the construction replaced by
 * the new name. Only offered when the result is valid and evaluates the same expression: every
 * binding it reads must already be declared at the insertion point, which must come before the
 * top-level statement that contains the construction.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface HoistPlan {
  /** The new module-level name. */
  readonly name: string;
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * Plans the hoist of `construction`, which reads `bindings` (module-scope variables, including the
 * constructor's own import). Undefined when no valid insertion point exists.
 */
export function planModuleScopeHoist(
  construction: TSESTree.Node,
  bindings: ReadonlySet<TSESLint.Scope.Variable>,
  baseName: string,
  sourceCode: SourceCode,
): HoistPlan | undefined {
  // `new Pool<T>()`: type arguments may name the enclosing function's type parameters.
  if ('typeArguments' in construction && construction.typeArguments) return undefined;
  const program = sourceCode.ast;
  const body = program.body;
  const containerIndex = statementIndexHolding(body, construction);
  if (containerIndex < 0) return undefined;

  // After directives ('use strict') and imports...
  let after = lastImportIndex(program);
  // ...and after every statement that declares a binding the construction reads.
  for (const variable of bindings) {
    for (const def of variable.defs) {
      const index = statementIndexHolding(body, def.node);
      if (index < 0) return undefined;
      if (def.type !== 'FunctionName') after = Math.max(after, index); // functions are hoisted
    }
  }
  if (after >= containerIndex) return undefined;

  const name = uniqueName(baseName, sourceCode);
  const declaration = `const ${name} = ${sourceCode.getText(construction)};`;
  const anchor = after >= 0 ? body[after] : undefined;
  const first = body[0];
  // The declaration gets a blank line after it, as the code it now stands before had one (or not)
  // after the anchor: `import …;\nconst shared = …;\n\nexport function …`.
  const blankAfterAnchor = anchor !== undefined && BLANK_LINE_AHEAD.test(sourceCode.text.slice(anchor.range[1]));
  return {
    name,
    fix: (fixer) => [
      anchor
        ? fixer.insertTextAfter(anchor, blankAfterAnchor ? `\n${declaration}` : `\n${declaration}\n`)
        : fixer.insertTextBeforeRange([first?.range[0] ?? 0, first?.range[0] ?? 0], `${declaration}\n\n`),
      fixer.replaceText(construction, name),
    ],
  };
}

/** The rest of the anchor's line, then a blank line (or the end of the file). */
const BLANK_LINE_AHEAD = /^[^\n]*\n[ \t]*(?:\r?\n|$)/;

/** What the hoisted expression is, for its name. */
export type HoistedKind =
  /** `new https.Agent()` -> `sharedHttpsAgent`, `new Pool()` -> `sharedPool` */
  | 'construction'
  /** `axios.create()` -> `sharedAxiosClient` */
  | 'wrapperFactory'
  /** `makeAgent()` -> `sharedAgent`, `createS3Client()` -> `sharedS3Client`, `clients.sqs()` -> `sharedSqs` */
  | 'builderCall';

/** The name a hoisted client gets, from its callee. */
export function sharedNameFor(callee: TSESTree.Node, kind: HoistedKind): string {
  const parts: string[] = [];
  let current: TSESTree.Node = callee;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (!current.computed && current.property.type === AST_NODE_TYPES.Identifier) parts.unshift(current.property.name);
    current = current.object;
  }
  if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
  let words: string[];
  if (kind === 'wrapperFactory') words = [...parts.slice(0, -1), 'client'];
  else if (kind === 'builderCall') words = [(parts.at(-1) ?? '').replace(/^(make|create|new|build|get)(?=[A-Z0-9])/, '')];
  else words = parts.slice(-2);
  const pascal = words
    .map((word) => word.replace(/[^\w$]/g, ''))
    .filter((word) => word.length > 0)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
  return `shared${pascal || 'Client'}`;
}

/** Every name declared or referenced in a file, collected once per file (not once per report). */
const takenNames = new WeakMap<SourceCode, ReadonlySet<string>>();

function uniqueName(base: string, sourceCode: SourceCode): string {
  let taken = takenNames.get(sourceCode);
  if (!taken) {
    const names = new Set<string>();
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const variable of scope.variables) names.add(variable.name);
      for (const reference of scope.through) names.add(reference.identifier.name);
    }
    taken = names;
    takenNames.set(sourceCode, taken);
  }
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The index of the top-level statement that holds `node`, or -1. Statements are ordered and
 * disjoint, so a binary search finds it: a file with many findings asks once per finding.
 */
function statementIndexHolding(body: readonly TSESTree.ProgramStatement[], node: TSESTree.Node): number {
  let low = 0;
  let high = body.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const statement = body[middle];
    if (!statement) return -1;
    if (node.range[1] <= statement.range[0]) high = middle - 1;
    else if (node.range[0] >= statement.range[1]) low = middle + 1;
    else return statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1] ? middle : -1;
  }
  return -1;
}

const lastImports = new WeakMap<TSESTree.Program, number>();

/** The index of the last directive or import at the top of the file (-1 when none), once per file. */
function lastImportIndex(program: TSESTree.Program): number {
  let index = lastImports.get(program);
  if (index === undefined) {
    index = -1;
    program.body.forEach((statement, at) => {
      if (isDirective(statement) || isImport(statement)) index = at;
    });
    lastImports.set(program, index);
  }
  return index;
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
}

/** `import ...`, `import x = require(...)`, and CommonJS `const x = require('x')` / `require('x').y`. */
function isImport(statement: TSESTree.ProgramStatement): boolean {
  if (
    statement.type === AST_NODE_TYPES.ImportDeclaration ||
    statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration
  ) {
    return true;
  }
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.every((declarator) => declarator.init !== null && isRequireCall(declarator.init))
  );
}

function isRequireCall(node: TSESTree.Expression): boolean {
  let current: TSESTree.Expression = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments.length === 1 &&
    current.arguments[0]?.type === AST_NODE_TYPES.Literal
  );
}
