/**
 * Which expressions build an HTTP client, identified by import source only:
 *
 *   pool       `new https.Agent()`, `new Pool(origin)` from undici, `new S3Client()` from
 *              `@aws-sdk/client-s3`, ... (POOL_OWNERS plus user-configured constructors)
 *   wrapper    `axios.create()`, `got.extend()`, `ky.create()`: configuration over the global agent
 *   poolClass  `new Service()` where `Service` is a class in this file whose constructor or fields
 *              build a pool
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { forEachDescendant } from './call-graph';
import { findExportSpec, type ExportSpec } from './export-spec';
import { isLazyInitialization } from './lazy-init';
import { REQUEST_CALLS } from './libraries/request-calls';
import { THIN_WRAPPER_FACTORIES } from './libraries/thin-wrappers';
import { resolveModuleRefs } from './module-refs';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type ClientConstruction =
  | { readonly kind: 'pool'; readonly node: TSESTree.NewExpression }
  | { readonly kind: 'wrapper'; readonly node: TSESTree.CallExpression }
  | {
      readonly kind: 'poolClass';
      readonly node: TSESTree.NewExpression;
      /** The pool construction inside the class. */
      readonly pool: TSESTree.NewExpression;
    };

export class ClientMatcher {
  private readonly poolClassCache = new WeakMap<TSESTree.Node, TSESTree.NewExpression | null>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly poolOwners: readonly ExportSpec[],
  ) {}

  /** `new X(...)` where X is a pool owner. */
  isPoolConstruction(node: TSESTree.Node): node is TSESTree.NewExpression {
    if (node.type !== AST_NODE_TYPES.NewExpression) return false;
    const refs = resolveModuleRefs(node.callee, this.sourceCode.getScope(node));
    return refs?.some((ref) => findExportSpec(ref, this.poolOwners) !== undefined) ?? false;
  }

  /** `axios.create(...)` and the other thin wrapper factories. */
  isWrapperConstruction(node: TSESTree.Node): node is TSESTree.CallExpression {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const refs = resolveModuleRefs(node.callee, this.sourceCode.getScope(node));
    return refs?.some((ref) => findExportSpec(ref, THIN_WRAPPER_FACTORIES) !== undefined) ?? false;
  }

  /** `fetch(url, { dispatcher })`, `https.get(url, { agent })`, `axios.get(url, { httpsAgent })`. */
  isRequestCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const scope = this.sourceCode.getScope(node);
    const refs = resolveModuleRefs(node.callee, scope);
    if (refs?.some((ref) => findExportSpec(ref, REQUEST_CALLS) !== undefined)) return true;
    return this.isWrapperInstanceCall(node.callee, scope);
  }

  /** `api.get(url, options)` / `api(options)` where `const api = axios.create(...)`. */
  private isWrapperInstanceCall(callee: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
    const target =
      callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.object : callee;
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(scope, target);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || !def.node.init) return false;
    const neverReassigned = variable?.references.every((reference) => !reference.isWrite() || reference.init) ?? false;
    return neverReassigned && this.isWrapperConstruction(def.node.init);
  }

  /** Classifies `node` as a client construction, or undefined. */
  classify(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientConstruction | undefined {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      return this.isWrapperConstruction(node) ? { kind: 'wrapper', node } : undefined;
    }
    if (this.isPoolConstruction(node)) return { kind: 'pool', node };
    const pool = this.poolBuiltByClass(node);
    return pool ? { kind: 'poolClass', node, pool } : undefined;
  }

  /** For `new Service()` on a class of this file: the pool its constructor or fields build. */
  poolBuiltByClass(node: TSESTree.NewExpression): TSESTree.NewExpression | undefined {
    if (node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node.callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    let classNode: TSESTree.Node | undefined;
    if (def?.type === 'ClassName') classNode = def.node;
    else if (def?.type === 'Variable' && def.node.init?.type === AST_NODE_TYPES.ClassExpression) classNode = def.node.init;
    if (
      classNode?.type !== AST_NODE_TYPES.ClassDeclaration &&
      classNode?.type !== AST_NODE_TYPES.ClassExpression
    ) {
      return undefined;
    }
    const cached = this.poolClassCache.get(classNode);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.findPoolInClass(classNode);
    this.poolClassCache.set(classNode, found ?? null);
    return found;
  }

  private findPoolInClass(
    classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  ): TSESTree.NewExpression | undefined {
    let found: TSESTree.NewExpression | undefined;
    for (const member of classNode.body.body) {
      const isConstructor =
        member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor';
      const isField = member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value !== null;
      if (!isConstructor && !isField) continue;
      const root = member.value;
      if (!root) continue;
      const check = (node: TSESTree.Node): boolean => {
        if (found) return false;
        if (this.isPoolConstruction(node) && !isLazyInitialization(node, this.sourceCode)) {
          found = node;
          return false;
        }
        // Code in nested functions (callbacks, lazy getters) does not run at construction.
        return !(
          node.type === AST_NODE_TYPES.FunctionExpression ||
          node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          node.type === AST_NODE_TYPES.FunctionDeclaration ||
          node.type === AST_NODE_TYPES.ClassBody
        );
      };
      if (isField) {
        if (check(root)) forEachDescendant(root, this.sourceCode.visitorKeys, check);
      } else {
        forEachDescendant(root, this.sourceCode.visitorKeys, (node) => (node === root ? undefined : check(node)));
      }
      if (found) return found;
    }
    return undefined;
  }
}
