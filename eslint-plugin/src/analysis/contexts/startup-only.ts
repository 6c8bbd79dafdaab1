/**
 * Code that runs once, so building a client there is fine: module scope, functions only called at
 * startup (`main()`, `createApp()`, a function whose every call is at module level or inside another
 * startup-only function), and test code (`before`, `beforeEach`, `it(...)`, `test(...)`, ...).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calledName } from '../../ast/called-name';
import { enclosingFunction } from '../../ast/enclosing-function';
import { isFunctionNode } from '../../ast/function-node';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { functionUses } from './call-graph';
import { functionName } from '../../ast/function-name';
import {
  CLI_COMMAND_ACTION,
  CLI_COMMAND_CLASSES,
  CLI_COMMAND_HANDLER,
  CLI_COMMAND_MODULE_HANDLER,
  ITERATION_METHODS,
  ONE_SHOT_PROCESS_EVENTS,
  ONE_SHOT_SCHEDULERS,
  REQUEST_NAME_WORDS,
  BUILD_INFRASTRUCTURE_NAME,
  SETUP_NAME_PREFIX,
  STARTUP_FUNCTION_NAMES,
  TEST_FILE,
  TEST_FUNCTIONS,
} from '../libraries/request-handlers';
import { staticPropertyName } from '../../ast/static-property-name';
import { propertyKeyName } from '../../ast/property-key-name';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { isModuleExports } from '../../ast/commonjs-export-property';
import { isCliCommandModule } from './cli-command-modules';
import { exportNameOf } from './exported-handlers';
import { enclosingLoop, isInlineCallbackCall } from './request-context';

type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_CALL_HOPS = 4;

/** Callbacks of these methods run once: `server.listen(port, cb)`, `emitter.once('ready', cb)`. */
const ONE_SHOT_CALLBACK_METHODS: ReadonlySet<string> = new Set(['listen', 'once', 'ready']);

/** True for a test file (`payments.spec.ts`, `test/helpers.js`): all of it is test code. */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}

/** True when some function around `node` is a test or test hook callback. */
export function isInsideTestCallback(node: TSESTree.Node): boolean {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current) && isTestCallback(current)) return true;
    current = current.parent;
  }
  return false;
}

/** `it('...', fn)`, `beforeEach(fn)`, `test.only(...)`, `t.test(...)`, `describe.each(table)(name, fn)`. */
export function isTestCallback(fn: TSESTree.Node): boolean {
  const carrier = outermostCarrier(fn);
  const call = carrier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(carrier as TSESTree.CallExpressionArgument)) {
    return false;
  }
  return isTestFunction(call.callee);
}

function isTestFunction(callee: TSESTree.Node): boolean {
  switch (callee.type) {
    case AST_NODE_TYPES.Identifier:
      return TEST_FUNCTIONS.has(callee.name);
    case AST_NODE_TYPES.MemberExpression: {
      // it.only, test.skip, describe.each(...) chains, and tap's t.test / t.before — on a name,
      // not on a call's result: `middy(handler).before(fn)` is a middleware hook.
      const property = staticPropertyName(callee);
      const onName = callee.object.type !== AST_NODE_TYPES.CallExpression;
      if (onName && property !== undefined && TEST_FUNCTIONS.has(property)) return true;
      return isTestFunction(callee.object);
    }
    case AST_NODE_TYPES.CallExpression:
      return isTestFunction(callee.callee); // describe.each(table)('name', fn)
    default:
      return false;
  }
}

/**
 * True when `fn` (or the program) runs only once at startup, as far as this file shows. A function
 * with no use in the file (exported, called from elsewhere) is not startup-only unless its name
 * says so.
 */
export function isStartupOnly(
  fn: TSESTree.Node,
  sourceCode: SourceCode,
  hops = MAX_CALL_HOPS,
  visited: Set<TSESTree.Node> = new Set(),
): boolean {
  if (fn.type === AST_NODE_TYPES.Program) return true;
  if (!isFunctionNode(fn)) return false;
  if (isTestCallback(fn)) return true;
  const name = functionName(fn);
  if (name !== undefined && isStartupName(name)) return true;
  // The `handler` of a yargs command module, the `run()` of an oclif command: one command per process.
  if (isCliCommandModule(sourceCode) && exportNameOf(fn) === CLI_COMMAND_MODULE_HANDLER) return true;
  if (isCliCommandClassRun(fn, sourceCode)) return true;
  if (hops <= 0 || visited.has(fn)) return false;
  visited.add(fn);
  const uses = functionUses(fn, sourceCode);
  if (uses.length === 0) return false;
  return uses.every((use) => {
    // A script's entry file (`if (require.main === module) seed()`) runs once per process: that it
    // also exports the function (for reuse, for tests) does not make it run per request.
    if (use.kind === 'value' && isExported(use.node, sourceCode) && isScriptEntry(sourceCode)) return true;
    const site =
      use.kind === 'call' ? use.call : use.kind === 'read' ? use.node : oneShotCallbackCall(use.node);
    if (!site) return false;
    const caller = enclosingFunction(site);
    if (enclosingLoop(site, caller)) return false;
    return isStartupOnly(caller, sourceCode, hops - 1, visited);
  });
}

/** `main`, `createApp`, `createX509Transport`, `Client.initialize` — but not `createRequest`. */
export function isStartupName(name: string): boolean {
  const method = name.slice(name.lastIndexOf('.') + 1);
  if (STARTUP_FUNCTION_NAMES.has(method)) return true;
  return (SETUP_NAME_PREFIX.test(method) || BUILD_INFRASTRUCTURE_NAME.test(method)) && !REQUEST_NAME_WORDS.test(method);
}

/** The call `position` is the callback of, when that call runs it once (`.then`, `listen`, `setTimeout`). */
function oneShotCallbackCall(
  position: TSESTree.Node,
): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const carrier = outermostCarrier(position);
  const call = carrier.parent;
  if (
    (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
    !call.arguments.includes(carrier as TSESTree.CallExpressionArgument)
  ) {
    return undefined;
  }
  if (isInlineCallbackCall(call)) return call;
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = call.callee;
  const name = calledName(callee);
  if (name !== undefined && (ONE_SHOT_SCHEDULERS.has(name) || ONE_SHOT_CALLBACK_METHODS.has(name))) return call;
  if (isProcessEventHandler(call) || isCliCommandAction(call, carrier)) return call;
  return undefined;
}

/** `process.on('SIGTERM', fn)`, `process.on('exit', fn)`: runs when the process ends. */
function isProcessEventHandler(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  if (callee.object.name !== 'process' || staticPropertyName(callee) !== 'on') return false;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && ONE_SHOT_PROCESS_EVENTS.has(event.value);
}

/**
 * `program.command('deploy').description(...).action(fn)` (commander) or
 * `yargs.command('show <id>', 'print one item', builder, fn)`: the action of one CLI command.
 */
function isCliCommandAction(call: TSESTree.CallExpression, callback: TSESTree.Node): boolean {
  if (isYargsCommandHandler(call, callback)) return true;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== CLI_COMMAND_ACTION.method) return false;
  for (let object: TSESTree.Node = callee.object; object.type === AST_NODE_TYPES.CallExpression; ) {
    const inner: TSESTree.Node = object.callee;
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (staticPropertyName(inner) === CLI_COMMAND_ACTION.builder) return true;
    object = inner.object;
  }
  return false;
}

/** `class Prune extends Command { async run() { ... } }` with oclif's `Command`. */
function isCliCommandClassRun(fn: TSESTree.Node, sourceCode: SourceCode): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.static) return false;
  if (propertyKeyName(method) !== CLI_COMMAND_CLASSES.method) return false;
  const superClass = method.parent.parent.superClass;
  if (!superClass) return false;
  const refs = resolveModuleRefs(superClass, sourceCode.getScope(superClass));
  return refs !== undefined && refs.length > 0 && refs.every((ref) => findExportSpec(ref, CLI_COMMAND_CLASSES.base) !== undefined);
}

function isYargsCommandHandler(call: TSESTree.CallExpression, callback: TSESTree.Node): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== CLI_COMMAND_HANDLER.method) return false;
  if (call.arguments[CLI_COMMAND_HANDLER.handlerIndex] !== callback) return false;
  const [command, description] = call.arguments;
  const isText = (node: TSESTree.Node | undefined) =>
    node?.type === AST_NODE_TYPES.TemplateLiteral || (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string');
  const isCommand = isText(command) || (command?.type === AST_NODE_TYPES.ArrayExpression && command.elements.every((element) => isText(element ?? undefined)));
  return isCommand && (isText(description) || (description?.type === AST_NODE_TYPES.Literal && description.value === false));
}

/** An export of the file (`export`, `exports.f = f`, `module.exports = { f }`), or the module itself (`module.exports = f`). */
function isExported(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  if (exportNameOf(node) !== undefined) return true;
  const carrier = outermostCarrier(node);
  const assignment = carrier.parent;
  return (
    assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.right === carrier &&
    isModuleExports(assignment.left, sourceCode.getScope(assignment))
  );
}

const scriptEntries = new WeakMap<object, boolean>();

/** True for a file that runs itself when executed directly: `require.main === module`, `import.meta.main`. */
function isScriptEntry(sourceCode: SourceCode): boolean {
  let entry = scriptEntries.get(sourceCode.ast);
  if (entry === undefined) {
    entry = /\brequire\.main\s*===?\s*module\b|\bmodule\s*===?\s*require\.main\b|\bimport\.meta\.main\b/.test(sourceCode.text);
    scriptEntries.set(sourceCode.ast, entry);
  }
  return entry;
}

/**
 * The function whose call a callback belongs to: walks out of callbacks that run as part of their
 * caller's call (`xs.map(cb)`, `p.then(cb)`, `new Promise(executor)`, IIFEs). A single-use pool in
 * a `.map()` callback is rebuilt on every call of the function around it.
 */
export function invocationUnit(fn: TSESTree.Node): TSESTree.Node {
  let current = fn;
  for (let step = 0; step < 8 && isFunctionNode(current); step++) {
    const carrier = outermostCarrier(current);
    const call = carrier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) break;
    const runsInline =
      call.callee === carrier ||
      isInlineCallbackCall(call) ||
      (call.callee.type === AST_NODE_TYPES.MemberExpression &&
        ITERATION_METHODS.has(staticPropertyName(call.callee) ?? ''));
    if (!runsInline) break;
    current = enclosingFunction(call);
  }
  return current;
}
