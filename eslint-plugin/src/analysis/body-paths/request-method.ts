/**
 * Which HTTP method a request call uses, as far as the code shows it: `{ method: 'HEAD' }`,
 * `{ method: METHOD }` with `const METHOD = 'HEAD'`, `fetch(url, init)` with a constant `init`
 * literal, or a parameter of the enclosing function (`function request(url, method) { return
 * fetch(url, { method }) }`, also with a default: `{ method: init.method ?? 'GET' }`), which the callers
 * of that function decide. A `HEAD` response has no body.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { constantString } from '../../ast/constant-string';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticObjectLiteral } from '../../ast/static-object-literal';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';

/** An expression the method is read from: the method itself, or an options object (`property`). */
export interface MethodCarrier {
  readonly node: TSESTree.Node;
  readonly property: boolean;
}

/** A parameter of a wrapper that carries the method of the request it makes. */
export interface MethodParameter {
  readonly index: number;
  /** True when the argument is an options object whose `method` property is the method. */
  readonly property: boolean;
}

/** The expressions a client request call may take its method from. */
export function methodCarriers(call: TSESTree.CallExpression | TSESTree.NewExpression): MethodCarrier[] {
  const carriers: MethodCarrier[] = [];
  // `fetch(new Request(url, { method: 'HEAD' }))`: the request object carries the method.
  const [only] = call.arguments;
  if (call.arguments.length === 1 && only) {
    const request = stripWrappers(only);
    if (request.type === AST_NODE_TYPES.NewExpression && request.callee.type === AST_NODE_TYPES.Identifier && request.callee.name === 'Request') {
      return methodCarriers(request);
    }
  }
  const optionsAt = call.arguments.length > 1 && !isFunctionNode(stripWrappers(call.arguments[1] as TSESTree.Node)) ? 1 : 0;
  for (const [index, argument] of call.arguments.entries()) {
    const value = stripWrappers(argument);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      let method: TSESTree.Node | undefined;
      let spreads: TSESTree.Node[] = [];
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          spreads.push(property.argument);
          method = undefined; // a later spread may bring another method
        } else if (!property.computed && propertyKeyName(property) === 'method') {
          method = property.value;
          spreads = []; // a later `method` overrides what earlier spreads brought
        }
      }
      if (method) carriers.push({ node: method, property: false });
      for (const spread of spreads) carriers.push({ node: spread, property: true });
    } else if (index >= optionsAt && (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression)) {
      // `fetch(url, init)`, `http.request(options, callback)`: the options, not the URL before them.
      carriers.push({ node: value, property: true });
    }
  }
  return carriers;
}

/** The carriers of a call to a wrapper: the arguments at its method parameters. */
export function argumentCarriers(call: TSESTree.CallExpression, parameters: readonly MethodParameter[]): MethodCarrier[] {
  const carriers: MethodCarrier[] = [];
  for (const { index, property } of parameters) {
    const argument = call.arguments[index];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) carriers.push({ node: argument, property });
  }
  return carriers;
}

/** True when some carrier is known to say `HEAD` (any case). */
export function isHeadMethod(carriers: readonly MethodCarrier[], sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return carriers.some((carrier) => staticMethod(carrier, sourceCode.getScope(carrier.node))?.toUpperCase() === 'HEAD');
}

/** The carriers that are parameters of `fn`, as parameter positions. */
export function methodParametersOf(
  carriers: readonly MethodCarrier[],
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): MethodParameter[] {
  const found: MethodParameter[] = [];
  for (const carrier of carriers) {
    let node = stripWrappers(carrier.node);
    let property = carrier.property;
    // `init.method ?? 'GET'`: the caller's method when it passes one, a default otherwise.
    while (!property && node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '&&') node = stripWrappers(node.left);
    // `opts.method` where `opts` is a parameter
    if (!property && node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === 'method') {
      node = stripWrappers(node.object);
      property = true;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = findVariable(sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || def.node !== fn) continue;
    const parameter = parameterPosition(fn, def.name);
    if (!parameter) continue;
    // `function f(url, { method })`: the destructured `method` is the options object's property.
    if (parameter.inPattern === 'method' && !property) found.push({ index: parameter.index, property: true });
    else if (parameter.inPattern === undefined) found.push({ index: parameter.index, property });
  }
  return found;
}

function staticMethod(carrier: MethodCarrier, scope: TSESLint.Scope.Scope): string | undefined {
  if (!carrier.property) return constantString(carrier.node, scope);
  const literal = staticObjectLiteral(carrier.node, scope);
  if (!literal) return undefined;
  let method: string | undefined;
  for (const property of literal.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) method = undefined;
    else if (!property.computed && propertyKeyName(property) === 'method') method = constantString(property.value, scope);
  }
  return method;
}

/** Where `name` is declared among `fn`'s parameters: its index, and the key when destructured. */
function parameterPosition(
  fn: FunctionNode,
  name: TSESTree.Node,
): { index: number; inPattern: string | undefined } | undefined {
  for (const [index, param] of fn.params.entries()) {
    const declared = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (declared === name) return { index, inPattern: undefined };
    if (declared.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of declared.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value === name) return { index, inPattern: propertyKeyName(property) ?? '' };
    }
  }
  return undefined;
}
