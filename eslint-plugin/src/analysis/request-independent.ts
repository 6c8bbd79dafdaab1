/**
 * Request-independent expressions: values that are the same on every call, so a client configured
 * with them can be built once at module scope. Literals, module-scope bindings that are never
 * reassigned (imports, `const`s, functions, classes), globals (`process.env.PROXY`), and object /
 * array / template literals, operators and member reads made of those.
 *
 * Calls are not request-independent (`readFileSync(...)` would move to load time), nor are
 * functions (they may close over locals), `this`, parameters or locals.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

type Scope = TSESLint.Scope.Scope;

/**
 * The module-scope variables `nodes` read when every node is request-independent, otherwise
 * undefined. `scope` is the scope the nodes appear in.
 */
export function requestIndependentBindings(
  nodes: readonly TSESTree.Node[],
  scope: Scope,
): Set<TSESLint.Scope.Variable> | undefined {
  const bindings = new Set<TSESLint.Scope.Variable>();
  return nodes.every((node) => isIndependent(node, scope, bindings)) ? bindings : undefined;
}

function isIndependent(node: TSESTree.Node, scope: Scope, bindings: Set<TSESLint.Scope.Variable>): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every((expression) => isIndependent(expression, scope, bindings));
    case AST_NODE_TYPES.Identifier:
      return isModuleScopeBinding(node, scope, bindings);
    case AST_NODE_TYPES.MemberExpression:
      return (
        node.object.type !== AST_NODE_TYPES.Super &&
        isIndependent(node.object, scope, bindings) &&
        (!node.computed || isIndependent(node.property, scope, bindings))
      );
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return isIndependent(node.expression, scope, bindings);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && isIndependent(node.argument, scope, bindings);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return (
        node.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        isIndependent(node.left, scope, bindings) &&
        isIndependent(node.right, scope, bindings)
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        isIndependent(node.test, scope, bindings) &&
        isIndependent(node.consequent, scope, bindings) &&
        isIndependent(node.alternate, scope, bindings)
      );
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element === null || isIndependent(element, scope, bindings));
    case AST_NODE_TYPES.SpreadElement:
      return isIndependent(node.argument, scope, bindings);
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return isIndependent(property.argument, scope, bindings);
        if (property.kind !== 'init' || property.method) return false;
        if (property.computed && !isIndependent(property.key, scope, bindings)) return false;
        return isIndependent(property.value, scope, bindings);
      });
    default:
      return false;
  }
}

function isModuleScopeBinding(
  identifier: TSESTree.Identifier,
  scope: Scope,
  bindings: Set<TSESLint.Scope.Variable>,
): boolean {
  if (identifier.name === 'undefined') return true;
  const variable = ASTUtils.findVariable(scope, identifier);
  if (!variable || variable.defs.length === 0) return true; // a global: process, Buffer, URL
  const variableScope = variable.scope;
  const topLevel =
    variableScope.type === 'module' ||
    variableScope.type === 'global' ||
    // CommonJS files: the module wrapper function's scope
    (variableScope.type === 'function' && variableScope.block.type === AST_NODE_TYPES.Program);
  if (!topLevel) return false;
  const neverReassigned = variable.references.every((reference) => !reference.isWrite() || reference.init === true);
  if (!neverReassigned) return false;
  bindings.add(variable);
  return true;
}
