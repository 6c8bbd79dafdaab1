/**
 * Calls of an imported setter that rebuilds its module's client (`S3.setConfig(config)` where
 * `setConfig` does `exports.client = new S3Client(config)`): when does one run again and again?
 *
 * Besides a per-request context (judged by the caller), a setter call repeats when it sits in a
 * function that is not startup code and that, after the call, goes on to use the module it just
 * configured (`S3.setConfig(c); ... route({ s3: S3 })`, `setConfig(c); await upload(key)` with
 * `upload` imported from the same module): such a function rebuilds the client for its own run,
 * like a helper that installs a process-wide client and then sends through it. Not a repeat: a call
 * under a guard that only lets it run while something is missing (`if (!configured)`,
 * `if (S3.client == null)`), a constructor (one call per instance, the usual fix), module scope.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { forEachDescendant } from '../../ast/for-each-descendant';
import type { FunctionNode } from '../../ast/function-node';
import { isNullish } from '../../ast/is-nullish';
import { stripWrappers } from '../../ast/strip-wrappers';
import { resolveModuleRefs } from '../imports/module-refs';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** True when `call` only runs while something is missing: `if (!x)`, `if (x == null)`, `x || setConfig()`. */
export function isGuardedByMissingCheck(call: TSESTree.Node, owner: FunctionNode): boolean {
  let child: TSESTree.Node = call;
  for (let node = call.parent; node && node !== owner; node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement && node.consequent === child && testsMissing(node.test)) return true;
    if (node.type === AST_NODE_TYPES.ConditionalExpression && node.consequent === child && testsMissing(node.test)) return true;
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.right === child && (node.operator === '||' || node.operator === '??')) return true;
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.right === child && node.operator === '&&' && testsMissing(node.left)) return true;
    child = node;
  }
  return false;
}

/** `!x`, `x == null`, `x === undefined`, and `a && b` where one side is such a test. */
function testsMissing(test: TSESTree.Node): boolean {
  const node = stripWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator === '!';
  if (node.type === AST_NODE_TYPES.LogicalExpression) return node.operator === '&&' && (testsMissing(node.left) || testsMissing(node.right));
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return false;
  if (node.operator !== '==' && node.operator !== '===') return false;
  return isNullish(node.left) || isNullish(node.right);
}

/** True for the constructor of a class: it runs once per instance. */
export function isConstructor(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor';
}

/**
 * True when code after `call` in `owner` reads a binding imported from `module`, the module the
 * setter belongs to (`S3` of `S3.setConfig()`, or a sibling named import).
 */
export function usesModuleAfter(call: TSESTree.CallExpression, owner: FunctionNode, module: string, sourceCode: SourceCode): boolean {
  let found = false;
  forEachDescendant(owner.body ?? owner, sourceCode.visitorKeys, (node) => {
    if (found || node === call || node.range[1] <= call.range[0]) return false;
    if (node.range[0] < call.range[1]) return undefined; // holds the call: look inside
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return undefined;
    const refs = resolveModuleRefs(node, sourceCode.getScope(node));
    found = refs?.length === 1 && refs[0]?.module === module;
    return undefined;
  });
  return found;
}
