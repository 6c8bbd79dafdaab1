/**
 * The same-file call graph, seen from one function: where is it called, and where is it used as a
 * value (registered as a callback, exported, stored)?
 *
 *   function send() {...}           send(x)            -> call
 *   const send = async () => {...}  await send(x)      -> call
 *   class Api { send() {...} }      this.send(), api.send() on `const api = new Api()` -> call
 *   class Api { constructor() {} }  new Api()          -> call (the NewExpression)
 *   const api = { send() {...} }    api.send()         -> call
 *   (() => {...})()                                    -> call (IIFE)
 *   app.get('/', handler)                              -> value at the `handler` reference
 *
 * Only what the file shows is known: an exported function with no call in the file has no uses.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { staticPropertyName } from './module-refs';
import { outermostCarrier } from './value-use';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export type FunctionUse =
  /** The function runs here: `f()`, `obj.f()`, `this.f()`, `f.call(...)`, `new C()` for a constructor. */
  | { readonly kind: 'call'; readonly call: TSESTree.CallExpression | TSESTree.NewExpression }
  /** The function is used as a value here (passed, stored, exported): `node` carries it. */
  | { readonly kind: 'value'; readonly node: TSESTree.Node };

type SourceCode = Readonly<TSESLint.SourceCode>;

const usesCache = new WeakMap<TSESTree.Node, readonly FunctionUse[]>();

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** Every place in this file where `fn` is called or used as a value. */
export function functionUses(fn: FunctionNode, sourceCode: SourceCode): readonly FunctionUse[] {
  let uses = usesCache.get(fn);
  if (!uses) {
    uses = computeUses(fn, sourceCode);
    usesCache.set(fn, uses);
  }
  return uses;
}

/** A readable name for `fn` (`send`, `Api.send`, `Api constructor`), or undefined when anonymous. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const className = classNameOf(parent.parent.parent);
    if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
      return className ? `${className} constructor` : 'constructor';
    }
    const key = memberKeyName(parent);
    if (!key) return undefined;
    return className ? `${className}.${key}` : key;
  }
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) return fn.id.name;
  const carrier = outermostCarrier(fn);
  const holder = carrier.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    return holder.id.name;
  }
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === carrier) {
    return memberKeyName(holder);
  }
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    return staticPropertyName(holder.left);
  }
  return undefined;
}

/** The class a method / constructor / field function belongs to, if any. */
export function classOfMember(fn: FunctionNode): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const parent = fn.parent;
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn
  ) {
    return parent.parent.parent;
  }
  return undefined;
}

/** Calls every descendant of `node` (not `node` itself) in source order; `false` skips a subtree. */
export function forEachDescendant(
  node: TSESTree.Node,
  visitorKeys: SourceCode['visitorKeys'],
  visit: (child: TSESTree.Node) => boolean | void,
): void {
  const keys = visitorKeys[node.type] ?? [];
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!isNode(child)) continue;
      if (visit(child) === false) continue;
      forEachDescendant(child, visitorKeys, visit);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function computeUses(fn: FunctionNode, sourceCode: SourceCode): readonly FunctionUse[] {
  const parent = fn.parent;
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn
  ) {
    return classMemberUses(parent, sourceCode);
  }
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const variable = fn.id ? sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id?.name) : undefined;
    const uses: FunctionUse[] = variable ? referenceUses(variable) : [];
    // `export default function () {}` / `export function f` are also used outside the file.
    const parent = fn.parent;
    if (
      !variable ||
      parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration
    ) {
      uses.push({ kind: 'value', node: fn });
    }
    return uses;
  }
  const carrier = outermostCarrier(fn);
  const holder = carrier.parent;
  if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee === carrier) {
    return [{ kind: 'call', call: holder }];
  }
  if (
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.init === carrier &&
    holder.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = sourceCode.getDeclaredVariables(holder).find((v) => v.name === (holder.id as TSESTree.Identifier).name);
    const uses: FunctionUse[] = variable ? referenceUses(variable) : [];
    // `export const handler = ...` is also used outside the file.
    if (!variable || holder.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      uses.push({ kind: 'value', node: carrier });
    }
    return uses;
  }
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === carrier) {
    const uses = objectMethodUses(holder, sourceCode);
    if (uses) return uses;
  }
  return [{ kind: 'value', node: carrier }];
}

/** Uses through a variable's references: calls where it is the callee, values elsewhere. */
function referenceUses(variable: TSESLint.Scope.Variable): FunctionUse[] {
  const uses: FunctionUse[] = [];
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    uses.push(useAt(reference.identifier));
  }
  return uses;
}

function useAt(node: TSESTree.Node): FunctionUse {
  const carrier = outermostCarrier(node);
  const parent = carrier.parent;
  if (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee === carrier
  ) {
    return { kind: 'call', call: parent };
  }
  // f.call(thisArg, ...) / f.apply(thisArg, args)
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === carrier) {
    const name = staticPropertyName(parent);
    const call = parent.parent;
    if ((name === 'call' || name === 'apply') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
      return { kind: 'call', call };
    }
  }
  return { kind: 'value', node: carrier };
}

/** `const api = { send() {} }` -> every `api.send(...)`; undefined when the object is not a plain const. */
function objectMethodUses(property: TSESTree.Property, sourceCode: SourceCode): FunctionUse[] | undefined {
  const key = memberKeyName(property);
  const object = property.parent;
  if (!key || object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const holder = outermostCarrier(object).parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const variable = sourceCode.getDeclaredVariables(holder)[0];
  if (!variable) return undefined;
  return memberUsesThrough(variable, key);
}

/** Every `x.key` read through `variable`: calls of `x.key(...)`, values elsewhere. */
function memberUsesThrough(variable: TSESLint.Scope.Variable, key: string): FunctionUse[] {
  const uses: FunctionUse[] = [];
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    if (staticPropertyName(member) !== key) continue;
    uses.push(useAt(member));
  }
  return uses;
}

function classMemberUses(
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
  sourceCode: SourceCode,
): FunctionUse[] {
  const classNode = member.parent.parent;
  const classVariable = classVariableOf(classNode, sourceCode);
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
    if (!classVariable) return [];
    return referenceUses(classVariable).filter(
      (use) => use.kind === 'call' && use.call.type === AST_NODE_TYPES.NewExpression,
    );
  }
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') {
    return [{ kind: 'value', node: member }];
  }
  const key = memberKeyName(member);
  if (!key) return [{ kind: 'value', node: member }];
  if (member.static) return classVariable ? memberUsesThrough(classVariable, key) : [];

  const uses: FunctionUse[] = [];
  // this.key(...) inside the class's own methods.
  forEachDescendant(classNode.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ClassBody) return false; // a nested class has its own `this`
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.ThisExpression &&
      staticPropertyName(node) === key
    ) {
      uses.push(useAt(node));
    }
    return undefined;
  });
  // instance.key(...) on module-level instances: `const api = new Api()`.
  if (classVariable) {
    for (const use of referenceUses(classVariable)) {
      if (use.kind !== 'call' || use.call.type !== AST_NODE_TYPES.NewExpression) continue;
      const holder = outermostCarrier(use.call).parent;
      if (
        holder?.type === AST_NODE_TYPES.VariableDeclarator &&
        holder.id.type === AST_NODE_TYPES.Identifier &&
        isModuleLevel(holder)
      ) {
        const instance = sourceCode.getDeclaredVariables(holder)[0];
        if (instance) uses.push(...memberUsesThrough(instance, key));
      }
    }
  }
  return uses;
}

function isModuleLevel(declarator: TSESTree.VariableDeclarator): boolean {
  const declaration = declarator.parent;
  const container = declaration?.parent;
  return (
    container?.type === AST_NODE_TYPES.Program ||
    (container?.type === AST_NODE_TYPES.ExportNamedDeclaration && container.parent?.type === AST_NODE_TYPES.Program)
  );
}

/** The variable naming a class: `class Api {}` or `const Api = class {}`. */
export function classVariableOf(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  sourceCode: SourceCode,
): TSESLint.Scope.Variable | undefined {
  if (classNode.type === AST_NODE_TYPES.ClassDeclaration) {
    if (!classNode.id) return undefined;
    const name = classNode.id.name;
    // getDeclaredVariables on a class declaration returns the outer binding first.
    return sourceCode.getDeclaredVariables(classNode).find((v) => v.name === name && v.scope.block !== classNode);
  }
  const holder = outermostCarrier(classNode).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    return sourceCode.getDeclaredVariables(holder)[0];
  }
  return undefined;
}

function classNameOf(classNode: TSESTree.Node | undefined): string | undefined {
  if (
    (classNode?.type === AST_NODE_TYPES.ClassDeclaration || classNode?.type === AST_NODE_TYPES.ClassExpression) &&
    classNode.id
  ) {
    return classNode.id.name;
  }
  return undefined;
}

function memberKeyName(
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.Property,
): string | undefined {
  const key = member.key;
  if (!member.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}
