/**
 * A SourceCode-like view of another module of the project, so analysis code written against
 * ESLint's `SourceCode` (scopes, declared variables, text of a node) works on it unchanged.
 * Only the members analysis code uses are implemented; tokens are not kept.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ParsedSource, VisitorKeys } from './module-parser';

type Scope = TSESLint.Scope.Scope;

export class ForeignSourceCode {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager;
  readonly visitorKeys: VisitorKeys;
  /** No type information is ever built for another module. */
  readonly parserServices: Readonly<Record<string, never>> = {};
  private readonly scopes = new WeakMap<TSESTree.Node, Scope>();
  private lineList: readonly string[] | undefined;

  constructor(text: string, parsed: ParsedSource) {
    this.text = text;
    this.ast = parsed.ast;
    this.scopeManager = parsed.scopeManager;
    this.visitorKeys = parsed.visitorKeys;
  }

  /** The source lines (split lazily, as ESLint splits them). */
  get lines(): readonly string[] {
    this.lineList ??= this.text.split(/\r\n|[\r\n\u2028\u2029]/u);
    return this.lineList;
  }

  /** The text of `node` (with `before`/`after` extra characters), or the whole text. */
  getText(node?: TSESTree.Node | TSESTree.Token, before = 0, after = 0): string {
    if (!node) return this.text;
    return this.text.slice(Math.max(node.range[0] - before, 0), node.range[1] + after);
  }

  /**
   * The innermost scope whose block contains `node`, with ESLint's semantics: a node that creates a
   * scope is inside it (except the Program, which is in the global scope), and the scope of a named
   * function expression's own name is skipped.
   */
  getScope(node: TSESTree.Node): Scope {
    const cached = this.scopes.get(node);
    if (cached) return cached;
    const inner = node.type !== 'Program';
    let found: Scope | undefined;
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const scope = this.scopeManager.acquire(current, inner);
      if (scope) {
        found = scope.type === 'function-expression-name' ? scope.childScopes[0] : scope;
        break;
      }
    }
    const result = found ?? (this.scopeManager.scopes[0] as Scope);
    this.scopes.set(node, result);
    return result;
  }

  /** The variables `node` declares (`getDeclaredVariables` of ESLint's SourceCode). */
  getDeclaredVariables(node: TSESTree.Node): readonly TSESLint.Scope.Variable[] {
    return this.scopeManager.getDeclaredVariables(node);
  }

  /** `node` and its ancestors, outermost first, without `node` itself. */
  getAncestors(node: TSESTree.Node): TSESTree.Node[] {
    const ancestors: TSESTree.Node[] = [];
    for (let current = node.parent; current; current = current.parent) ancestors.push(current);
    return ancestors.reverse();
  }

  /** This view where analysis code expects ESLint's SourceCode. */
  asSourceCode(): Readonly<TSESLint.SourceCode> {
    return this as unknown as Readonly<TSESLint.SourceCode>;
  }
}
