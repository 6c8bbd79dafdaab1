/**
 * Which calls and constructors no-disabled-keepalive looks into, resolved to the module exports they
 * may be (`https.Agent`, `undici.Pool`, `axios.post`): a cheap syntactic gate first, then import
 * resolution once per callee node.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { resolveModuleRefs, type ModuleRef } from '../imports/module-refs';
import { staticPropertyName } from '../../ast/static-property-name';

export class TrackedCallees {
  private readonly resolved = new WeakMap<TSESTree.Node, readonly ModuleRef[] | null>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    /** Whether a member name may be the last name of a tracked export. */
    private readonly isRelevantMember: (name: string) => boolean,
  ) {}

  /**
   * Cheap syntactic gate before import resolution: a member callee must end in a name some tracked
   * export has (`https.Agent`, `axios.post`); identifiers may be aliases, so they always pass.
   */
  mayBeTracked(callee: TSESTree.Node): boolean {
    switch (callee.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return true;
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticPropertyName(callee);
        // `axios[method](...)`: a request method chosen at run time (module-refs knows which).
        if (name === undefined) return callee.computed && this.mayBeTracked(callee.object);
        return this.isRelevantMember(name);
      }
      case AST_NODE_TYPES.SequenceExpression: {
        const last = callee.expressions.at(-1); // `(0, https_1.request)(...)` in compiled code
        return last !== undefined && this.mayBeTracked(last);
      }
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
        return this.mayBeTracked(callee.expression);
      default:
        return false;
    }
  }

  /** The module references a callee may be, resolved once per node (undefined when unknown). */
  refsOf(callee: TSESTree.Node): readonly ModuleRef[] | undefined {
    let refs = this.resolved.get(callee);
    if (refs === undefined) {
      refs = resolveModuleRefs(callee, this.sourceCode.getScope(callee)) ?? null;
      this.resolved.set(callee, refs);
    }
    return refs ?? undefined;
  }

  /** `refsOf`, behind the syntactic gate. */
  trackedRefsOf(callee: TSESTree.Node): readonly ModuleRef[] | undefined {
    return this.mayBeTracked(callee) ? this.refsOf(callee) : undefined;
  }
}

/** The candidates when every one satisfies `predicate` (and there is at least one). */
export function allMatch(
  refs: readonly ModuleRef[] | undefined,
  predicate: (ref: ModuleRef) => boolean,
): readonly ModuleRef[] | undefined {
  if (!refs || refs.length === 0 || !refs.every(predicate)) return undefined;
  return refs;
}
