/**
 * Methods that rebuild a client on `this` for a caller: `connect() { this.sqs = new SQSClient() }`
 * called at the start of `dispatch() { await this.connect(); return this.sqs.send(cmd); }`, so every
 * dispatch builds a new client and drops the previous one.
 *
 * The caller must be another method of the same class that calls `this.connect()` on every run
 * (not under an `if`, a `catch`, a `?:`, `&&`/`||`/`??` or inside a callback, where it is a
 * reconnect) and then sends through `this.sqs`. Constructors and startup hooks (`onModuleInit`,
 * `init`) run once, so they never count. A guarded `connect()` (`if (!this.sqs)`, `??=`) never
 * reaches this question: it is a lazy initialisation.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { enclosingFunction } from '../../ast/enclosing-function';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { classOfMember, functionUses } from '../contexts/call-graph';
import { isStartupOnly } from '../contexts/startup-only';
import { traceLifetime, type LifetimeEnvironment } from './single-use';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A method of `method`'s class that calls it on every run and then uses the client it stored, read
 * through `reads` (the `this.key` reads of the class), or undefined.
 */
export function rebuildingCaller(
  site: TSESTree.Node,
  method: FunctionNode,
  reads: readonly TSESTree.MemberExpression[],
  sourceCode: SourceCode,
  lifetimeEnv: LifetimeEnvironment,
): FunctionNode | undefined {
  const classNode = classOfMember(method);
  // `if (this.sqs) return;` before the construction, or a branch around it: not built every time.
  if (!classNode || !runsOnEveryCall(site, method) || exitsBefore(site, method, sourceCode)) return undefined;
  for (const use of functionUses(method, sourceCode)) {
    if (use.kind !== 'call' || use.call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = use.call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) continue;
    const caller = enclosingFunction(use.call);
    if (!isFunctionNode(caller) || caller === method || classOfMember(caller) !== classNode) continue;
    if (isConstructor(caller) || isStartupOnly(caller, sourceCode)) continue;
    if (!runsOnEveryCall(use.call, caller)) continue;
    const sends = reads.some(
      (read) =>
        enclosingFunction(read) === caller &&
        read.range[0] > use.call.range[1] &&
        traceLifetime(read, lifetimeEnv).used,
    );
    if (sends) return caller;
  }
  return undefined;
}

/** A `return` or `throw` of `fn` itself before `node`. */
function exitsBefore(node: TSESTree.Node, fn: FunctionNode, sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(fn.body ?? fn, sourceCode.visitorKeys, (child) => {
    if (found || child.range[0] >= node.range[0] || (child !== fn.body && isFunctionNode(child))) return false;
    if (child.type === AST_NODE_TYPES.ReturnStatement || child.type === AST_NODE_TYPES.ThrowStatement) found = true;
    return undefined;
  });
  return found;
}

function isConstructor(fn: FunctionNode): boolean {
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor';
}

/** `node` runs whenever `fn` runs to it: no branch, handler or short-circuit between them. */
function runsOnEveryCall(node: TSESTree.Node, fn: FunctionNode): boolean {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current && current !== fn) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== current.test) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child !== current.left) return false;
        break;
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.SwitchCase:
        return false;
      case AST_NODE_TYPES.ChainExpression:
        return false;
      default:
        break;
    }
    child = current;
    current = current.parent;
  }
  return current === fn;
}
