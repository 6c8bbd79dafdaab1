/**
 * Lazy initialisation and caching: a construction that only runs when nothing was built yet.
 *
 *   client ??= new Client(url)                 this.agent ||= new Agent()
 *   client = client ?? new Client(url)         if (!this.agent) this.agent = new Agent()
 *   cache.get(key) ?? cache.set(key, new Pool(key)).get(key)
 *   if (!cache.has(key)) cache.set(key, new Pool(key))
 *   let pool = pools.get(origin); if (!pool) { pool = new Pool(origin); pools.set(origin, pool) }
 *   cache[key] ? cache[key] : (cache[key] = new Agent())
 *   if (client) return client; client = new Client(url); return client;     (an early return)
 *
 * The test is structural: the construction sits under a guard (`??`, `||`, `if`, `?:`) that reads
 * the place the value is stored in, or looks it up in a collection (`.get()`, `.has()`, `in`).
 * A place inside an object literal the same call creates (`const init = {}; if (init.agent) ... else
 * init.agent = new Agent()`) caches nothing: the next call starts with a new object. Nor does a
 * presence check that builds when a setting is there (`if ('agent' in config) new Agent(config.agent)`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode } from '../../ast/function-node';
import { stripWrappers } from '../../ast/strip-wrappers';
import { staticPropertyName } from '../../ast/static-property-name';
import { findVariable } from '../../ast/find-variable';
import { rootIdentifier } from '../../ast/root-identifier';
import { isFreshObjectVariable } from './request-option-objects';

type SourceCode = Readonly<TSESLint.SourceCode>;

const LOOKUP_METHODS: ReadonlySet<string> = new Set(['get', 'has', 'peek']);
const STORE_METHODS: ReadonlySet<string> = new Set(['set', 'add']);

/** True when `construction` only runs when the value it stores is still missing. */
export function isLazyInitialization(construction: TSESTree.Node, sourceCode: SourceCode): boolean {
  const path = ancestorsInFunction(construction);
  const owner = path.at(-1)?.[1].parent ?? construction.parent;
  const targets = new Set<string>();
  const store = (place: TSESTree.Node) => {
    if (!isPerCallPlace(place, owner, sourceCode)) targets.add(normalized(sourceCode.getText(place)));
  };
  // First the places the value goes to (`x = ...`, `const x = ...`, `cache.set(k, ...)`) ...
  for (const [child, current] of path) {
    switch (current.type) {
      case AST_NODE_TYPES.AssignmentExpression:
        if (current.right === child) {
          if (current.operator === '??=' || current.operator === '||=') return true;
          store(current.left);
        }
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (current.init === child && current.id.type === AST_NODE_TYPES.Identifier) targets.add(current.id.name);
        break;
      case AST_NODE_TYPES.CallExpression: {
        const callee = current.callee;
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          current.arguments.includes(child as TSESTree.CallExpressionArgument)
        ) {
          const name = staticPropertyName(callee);
          if (name !== undefined && STORE_METHODS.has(name)) targets.add(normalized(sourceCode.getText(callee.object)));
        }
        break;
      }
      case AST_NODE_TYPES.IfStatement:
        if (current.test !== child) collectStoredTargets(child, store);
        break;
      case AST_NODE_TYPES.BlockStatement:
        // `const client = new Client(); cached = client;`: stored by a later statement of the block.
        collectStoredTargets(current, store, current.body.indexOf(child as TSESTree.Statement) + 1);
        break;
      default:
        break;
    }
  }
  // ... then a guard around the construction that reads one of them or looks up a collection,
  // or an early return before it that does (`if (client) return client;`).
  for (const [child, current] of path) {
    switch (current.type) {
      case AST_NODE_TYPES.BlockStatement: {
        const index = current.body.indexOf(child as TSESTree.Statement);
        const earlier = index > 0 ? current.body.slice(0, index) : [];
        if (earlier.some((statement) => isGuardedReturn(statement, targets, sourceCode))) return true;
        break;
      }
      case AST_NODE_TYPES.LogicalExpression:
        if (current.right === child && current.operator !== '&&' && isGuard(current.left, targets, sourceCode)) {
          return true;
        }
        break;
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.IfStatement:
        if (current.test !== child && isGuard(current.test, targets, sourceCode) && !isPresenceCheck(current, child, targets, sourceCode)) {
          return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

/**
 * `if ('agent' in config) { … new Agent(config.agent) … }`: the construction runs when a key or
 * entry is present, and the test reads none of the places it is stored in. That checks that a
 * setting exists; a cache builds when its entry is missing (`if (!cache.has(k))`, `k in c ? … : …`
 * with the construction on the missing side).
 */
function isPresenceCheck(
  branch: TSESTree.IfStatement | TSESTree.ConditionalExpression,
  child: TSESTree.Node,
  targets: ReadonlySet<string>,
  sourceCode: SourceCode,
): boolean {
  if (child !== branch.consequent) return false;
  const test = stripWrappers(branch.test);
  const presence =
    (test.type === AST_NODE_TYPES.BinaryExpression && test.operator === 'in') ||
    (test.type === AST_NODE_TYPES.CallExpression &&
      test.callee.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(test.callee) === 'has');
  return presence && !isGuard(test, targets, sourceCode, { lookups: false });
}

/** (child, parent) pairs from `node` up to its function or program. */
function ancestorsInFunction(node: TSESTree.Node): [TSESTree.Node, TSESTree.Node][] {
  const pairs: [TSESTree.Node, TSESTree.Node][] = [];
  let child = node;
  let current = node.parent;
  while (current && !isFunctionNode(current) && current.type !== AST_NODE_TYPES.Program) {
    pairs.push([child, current]);
    child = current;
    current = current.parent;
  }
  return pairs;
}

/**
 * Inside an `if` block, the construction may reach its storage through a local first:
 * `pool = new Pool(o); pools.set(o, pool)`. Collect what the block's statements store into.
 */
function collectStoredTargets(block: TSESTree.Node, store: (place: TSESTree.Node) => void, from = 0): void {
  const statements =
    block.type === AST_NODE_TYPES.BlockStatement ? block.body.slice(from) : [block];
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
      store(expression.left);
    } else if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.MemberExpression
    ) {
      const name = staticPropertyName(expression.callee);
      if (name !== undefined && STORE_METHODS.has(name)) store(expression.callee.object);
    }
  }
}

/**
 * `init.agent` where `init` is a `const` object literal of `owner` (the construction's function):
 * a place that lives for one call, so a guard on it caches nothing.
 */
function isPerCallPlace(place: TSESTree.Node, owner: TSESTree.Node | undefined, sourceCode: SourceCode): boolean {
  const root = rootIdentifier(place);
  if (!root || root === stripWrappers(place) || !owner || !isFunctionNode(owner)) return false;
  const variable = findVariable(sourceCode.getScope(root), root);
  return variable !== undefined && variable !== null && variable.scope.block === owner && isFreshObjectVariable(variable);
}

/** `if (client) return client;` / `if (cache.has(k)) { return cache.get(k); }`: leaves early when the value exists. */
function isGuardedReturn(statement: TSESTree.Statement, targets: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const consequent =
    statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1
      ? statement.consequent.body[0]
      : statement.consequent;
  return (
    consequent?.type === AST_NODE_TYPES.ReturnStatement &&
    isGuard(statement.test, targets, sourceCode) &&
    returnsCachedValue(consequent.argument, targets, sourceCode)
  );
}

/**
 * A cache hit gives back what it found: `return client`, `return cache.get(k)`, `return existing`
 * (a lookup's result), `return hit.agent`. `const file = form.get('file'); if (!file) return
 * Response.json(...)` reads a lookup too, but leaves with something else: input validation.
 */
function returnsCachedValue(argument: TSESTree.Expression | null, targets: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  if (!argument) return false;
  const root = rootIdentifier(argument);
  return isGuard(argument, targets, sourceCode) || (root !== undefined && readsLookupResult(root, sourceCode));
}

/**
 * Does `test` read one of `targets`, or look something up in a collection — also through a local
 * `const` holding a lookup's result (`const existing = agents.get(id); if (existing) return existing;`)?
 */
function isGuard(
  test: TSESTree.Node,
  targets: ReadonlySet<string>,
  sourceCode: SourceCode,
  { lookups = true }: { readonly lookups?: boolean } = {},
): boolean {
  if (lookups && (containsLookup(test) || readsLookupResult(test, sourceCode))) return true;
  const text = normalized(sourceCode.getText(test));
  for (const target of targets) {
    if (target.length > 0 && mentions(text, target)) return true;
  }
  return false;
}

/** `existing` / `!existing` / `existing !== undefined` where `const existing = cache.get(key)`. */
function readsLookupResult(test: TSESTree.Node, sourceCode: SourceCode): boolean {
  let node = test;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') node = node.argument;
  if (node.type === AST_NODE_TYPES.BinaryExpression) node = node.left;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
  return containsLookup(def.node.init);
}

function containsLookup(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = stripWrappers(node.callee, { typeAssertions: false });
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticPropertyName(callee);
        if (name !== undefined && LOOKUP_METHODS.has(name)) return true;
      }
      return false;
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return containsLookup(node.expression);
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return containsLookup(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === 'in' || containsLookup(node.left) || containsLookup(node.right);
    case AST_NODE_TYPES.LogicalExpression:
      return containsLookup(node.left) || containsLookup(node.right);
    default:
      return false;
  }
}

function normalized(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

/** `text` contains `target` as a whole expression (`!this.agent` mentions `this.agent`, not `agents`). */
function mentions(text: string, target: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(target, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + target.length];
    if (!isIdentifierChar(before) && before !== '.' && !isIdentifierChar(after)) return true;
    from = at + 1;
  }
}

function isIdentifierChar(char: string | undefined): boolean {
  return char !== undefined && /[\w$]/.test(char);
}
