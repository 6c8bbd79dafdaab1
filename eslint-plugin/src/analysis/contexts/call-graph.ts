/**
 * The same-file call graph, seen from one function: where is it called, and where is it used as a
 * value (registered as a callback, exported, stored)?
 *
 *   function send() {...}           send(x)            -> call
 *   const send = async () => {...}  await send(x)      -> call
 *   class Api { send() {...} }      this.send(), api.send() on `const api = new Api()`,
 *                                   new Api().send()   -> call
 *   class Api { constructor() {} }  new Api()          -> call (the NewExpression)
 *   class Api { get pool() {...} }  this.pool, api.pool -> read (the getter runs at each access)
 *   const api = { send() {...} }    api.send()         -> call
 *   (() => {...})()                                    -> call (IIFE)
 *   app.get('/', handler)                              -> value at the `handler` reference
 *
 * Only what the file shows is known: an exported function with no call in the file has no uses.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from '../../ast/static-property-name';
import { forEachDescendant } from '../../ast/for-each-descendant';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { isFunctionNode, type FunctionNode } from '../../ast/function-node';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { propertyKeyName } from '../../ast/property-key-name';
import { findVariable } from '../../ast/find-variable';
import { fixedInitializer } from '../../ast/fixed-initializer';

export type FunctionUse =
  /** The function runs here: `f()`, `obj.f()`, `this.f()`, `f.call(...)`, `new C()` for a constructor. */
  | { readonly kind: 'call'; readonly call: TSESTree.CallExpression | TSESTree.NewExpression }
  /** A getter runs here, and `node` (the member access) carries its result: `this.pool`. */
  | { readonly kind: 'read'; readonly node: TSESTree.MemberExpression }
  /** The function is used as a value here (passed, stored, exported): `node` carries it. */
  | { readonly kind: 'value'; readonly node: TSESTree.Node };

type SourceCode = Readonly<TSESLint.SourceCode>;

const usesCache = new WeakMap<TSESTree.Node, readonly FunctionUse[]>();

/** Every place in this file where `fn` is called or used as a value. */
export function functionUses(fn: FunctionNode, sourceCode: SourceCode): readonly FunctionUse[] {
  let uses = usesCache.get(fn);
  if (!uses) {
    uses = computeUses(fn, sourceCode);
    usesCache.set(fn, uses);
  }
  return uses;
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
  const key = propertyKeyName(property);
  const object = property.parent;
  if (!key || object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const holder = outermostCarrier(object).parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const variable = sourceCode.getDeclaredVariables(holder)[0];
  if (!variable) return undefined;
  return memberAccessesThrough(variable, key).map(useAt);
}

/** Every `x.key` read through `variable`. */
function memberAccessesThrough(variable: TSESLint.Scope.Variable, key: string): TSESTree.MemberExpression[] {
  const accesses: TSESTree.MemberExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    if (staticPropertyName(member) === key) accesses.push(member);
  }
  return accesses;
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
  const isGetter = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'get';
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method' && !isGetter) {
    return [{ kind: 'value', node: member }];
  }
  const key = propertyKeyName(member);
  if (!key) return [{ kind: 'value', node: member }];
  const accesses: TSESTree.MemberExpression[] = [];
  if (member.static) {
    if (classVariable) accesses.push(...memberAccessesThrough(classVariable, key));
  } else {
    // this.key inside the class's own methods.
    accesses.push(...(thisAccessesOf(classNode.body, sourceCode).get(key) ?? []));
    // instance.key on instances: `const api = new Api(); api.key`, `new Api().key`.
    if (classVariable) accesses.push(...instanceAccesses(classVariable, key, sourceCode));
  }
  return accesses.map((access): FunctionUse => (isGetter ? { kind: 'read', node: access } : useAt(access)));
}

const thisAccessCache = new WeakMap<TSESTree.ClassBody, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

/**
 * Every `this.key` in a class body (not in nested classes, which have their own `this`), by key, in
 * source order. Collected in one walk per class: asking per method would walk a class of n methods
 * n times.
 */
function thisAccessesOf(
  body: TSESTree.ClassBody,
  sourceCode: SourceCode,
): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  let byKey = thisAccessCache.get(body);
  if (byKey) return byKey;
  const collected = new Map<string, TSESTree.MemberExpression[]>();
  forEachDescendant(body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ClassBody) return false; // a nested class has its own `this`
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
      const key = staticPropertyName(node);
      if (key !== undefined) {
        const list = collected.get(key);
        if (list) list.push(node);
        else collected.set(key, [node]);
      }
    }
    return undefined;
  });
  byKey = collected;
  thisAccessCache.set(body, byKey);
  return byKey;
}

/** `x.key` on every instance `new C()` of the class `classVariable` names. */
function instanceAccesses(
  classVariable: TSESLint.Scope.Variable,
  key: string,
  sourceCode: SourceCode,
): TSESTree.MemberExpression[] {
  const accesses: TSESTree.MemberExpression[] = [];
  for (const use of referenceUses(classVariable)) {
    if (use.kind !== 'call' || use.call.type !== AST_NODE_TYPES.NewExpression) continue;
    const carrier = outermostCarrier(use.call);
    const holder = carrier.parent;
    if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.object === carrier) {
      if (staticPropertyName(holder) === key) accesses.push(holder);
    } else if (
      holder?.type === AST_NODE_TYPES.VariableDeclarator &&
      holder.init === carrier &&
      holder.id.type === AST_NODE_TYPES.Identifier
    ) {
      const instance = sourceCode.getDeclaredVariables(holder)[0];
      if (instance && isNeverReassigned(instance)) accesses.push(...memberAccessesThrough(instance, key));
    }
  }
  return accesses;
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



/**
 * The function of this file that `call` runs, when the file shows it for certain: a function
 * declaration or a never-reassigned `const f = (...) => ...`, a method of the enclosing class
 * through `this.m(...)`, a method of a class instance `const x = new C(); x.m(...)`, a static
 * method called by its class's name `C.m(...)`.
 */
export function calledFunction(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: SourceCode,
): FunctionNode | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return functionBoundTo(findVariable(sourceCode.getScope(call), callee));
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const key = staticPropertyName(callee);
  if (key === undefined) return undefined;
  if (callee.object.type === AST_NODE_TYPES.ThisExpression) {
    return methodOf(enclosingClass(callee), key);
  }
  if (callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const objectVariable = findVariable(sourceCode.getScope(call), callee.object);
  // `RestClient.request(...)`: a static method of a class of this file, called by the class's name.
  const objectDef = objectVariable?.defs.length === 1 ? objectVariable.defs[0] : undefined;
  if (objectDef?.type === 'ClassName') return methodOf(objectDef.node, key, 'static');
  const init = fixedInitializer(objectVariable);
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const classVariable = findVariable(sourceCode.getScope(init), init.callee);
  const classDef = classVariable?.defs.length === 1 ? classVariable.defs[0] : undefined;
  return classDef?.type === 'ClassName' ? methodOf(classDef.node, key) : undefined;
}

function functionBoundTo(variable: TSESLint.Scope.Variable | null): FunctionNode | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return undefined;
  if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const init = fixedInitializer(variable);
  return init && isFunctionNode(init) ? init : undefined;
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      return current;
    }
    // An arrow keeps the class's `this`; any other function has its own.
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent?.type !== AST_NODE_TYPES.MethodDefinition) {
      return undefined;
    }
    current = current.parent;
  }
  return undefined;
}

/** The method `key` of `classNode`, an instance one unless `static` (not a getter, setter or constructor). */
function methodOf(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined,
  key: string,
  kind: 'instance' | 'static' = 'instance',
): FunctionNode | undefined {
  const method = classNode?.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'method' &&
      member.static === (kind === 'static') &&
      propertyKeyName(member) === key,
  );
  return method && isFunctionNode(method.value) ? method.value : undefined;
}
