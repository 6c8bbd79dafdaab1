/**
 * Handlers a platform calls by their export: AWS Lambda's `handler`, Next.js route exports, the
 * exports of other file-routed frameworks (SvelteKit `+server.ts`, Remix `loader`/`action`, Astro
 * endpoints: FILE_ROUTE_CONVENTIONS), and server actions (every export of a `'use server'` module;
 * a function whose own body starts with `'use server'`).
 *
 *   export const handler = async (event) => ...          export { main as handler }
 *   exports.handler = ...   module.exports = { handler }  module.exports.handler = wrapper(fn)
 *   export const handler = middy(fn).use(jsonBodyParser())
 *   export const handler = middy().use(...).handler(fn)
 *   export const handler = middy(fn).before(hook)             (the hook runs once per event too)
 *   export const handler = Sentry.AWSLambda.wrapHandler(fn)   datadog(fn)   wrap(fn)
 *   export const handler = lambda.handler.bind(lambda)
 *   const wrapped = wrapLambda(fn); export { wrapped as handler }       (through a const)
 *   export const main: APIGatewayProxyHandler = async (event) => ...   (typed from 'aws-lambda')
 *   async function process(event: SQSEvent) { ... }                     (typed from 'aws-lambda')
 *
 * A wrapper counts only where its result is exported as a handler and its name says it wraps
 * (`LAMBDA_WRAPPER_NAMES`): `export const handler = createHandler(() => deps)` may run its
 * callback once, so it stays unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { FunctionNode } from '../../ast/function-node';
import { typeNameRef } from '../imports/type-name-ref';
import {
  AWS_LAMBDA_TYPES_MODULE,
  LAMBDA_EVENT_TYPE_NAME,
  LAMBDA_HANDLER_EXPORTS,
  LAMBDA_HANDLER_TYPE_NAME,
  LAMBDA_WRAPPER_HANDLER_METHODS,
  LAMBDA_WRAPPER_HOOK_METHODS,
  LAMBDA_WRAPPER_NAME_PATTERN,
  LAMBDA_WRAPPER_NAMES,
} from '../libraries/lambda-handlers';
import { FILE_ROUTE_CONVENTIONS, NEXT_API_FILE, NEXT_ROUTE_EXPORTS, NEXT_ROUTE_FILE, SERVER_ACTION_DIRECTIVE } from '../libraries/request-handlers';
import { hasDirective } from '../../ast/has-directive';
import { isCliCommandModule } from './cli-command-modules';
import type { ContextEnvironment, RequestContext } from './request-context';

const LAMBDA_CONTEXT: RequestContext = {
  kind: 'request',
  description: 'the AWS Lambda handler, once per event',
  via: [],
};

/** How many wrappers may sit between the function and the export: `wrapHandler(middy(fn))`. */
const MAX_WRAPPERS = 2;

/**
 * The context of a function value at `position` (the function or a reference to it) that is
 * exported as a handler, directly or through wrappers.
 */
export function exportedHandlerContext(position: TSESTree.Node, env: ContextEnvironment): RequestContext | undefined {
  let current = position;
  for (let wrappers = 0; wrappers <= MAX_WRAPPERS; wrappers++) {
    const name = exportNameOf(current) ?? exportNameThroughConst(current, env);
    if (name !== undefined) return contextOfExport(name, env);
    const wrapped = wrappingCall(current);
    if (!wrapped) return undefined;
    current = wrapped;
  }
  return undefined;
}

/** A function whose own type says it is a Lambda handler: typed with an `aws-lambda` type. */
export function typedLambdaHandlerContext(fn: FunctionNode, env: ContextEnvironment): RequestContext | undefined {
  const first = fn.params[0];
  const parameterType = first && 'typeAnnotation' in first ? first.typeAnnotation?.typeAnnotation : undefined;
  if (parameterType && isAwsLambdaType(parameterType, LAMBDA_EVENT_TYPE_NAME, env)) return LAMBDA_CONTEXT;
  const holder = outermostCarrier(fn).parent;
  if (
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.id.type === AST_NODE_TYPES.Identifier &&
    holder.id.typeAnnotation &&
    isAwsLambdaType(holder.id.typeAnnotation.typeAnnotation, LAMBDA_HANDLER_TYPE_NAME, env)
  ) {
    return LAMBDA_CONTEXT;
  }
  return undefined;
}

/** A function whose body starts with `'use server'`: a server action, run once per call from the client. */
export function inlineServerActionContext(fn: FunctionNode): RequestContext | undefined {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement || !hasDirective(fn.body.body, SERVER_ACTION_DIRECTIVE)) return undefined;
  const name = fn.id?.name;
  return { kind: 'request', description: name ? `the server action \`${name}\`` : 'a server action', via: [] };
}

function contextOfExport(name: string, env: ContextEnvironment): RequestContext | undefined {
  if (hasDirective(env.sourceCode.ast.body, SERVER_ACTION_DIRECTIVE)) {
    return { kind: 'request', description: `the server action \`${name}\``, via: [] };
  }
  if (NEXT_ROUTE_FILE.test(env.filename) && NEXT_ROUTE_EXPORTS.has(name)) {
    return { kind: 'request', description: `the Next.js route handler \`${name}\``, via: [] };
  }
  if (NEXT_API_FILE.test(env.filename) && name === 'default') {
    return { kind: 'request', description: 'the Next.js API route handler', via: [] };
  }
  const convention = FILE_ROUTE_CONVENTIONS.find(({ file, exports }) => exports.has(name) && file.test(env.filename));
  if (convention) return { kind: 'request', description: `the ${convention.label} \`${name}\``, via: [] };
  if (LAMBDA_HANDLER_EXPORTS.has(name) && !isCliCommandModule(env.sourceCode)) return LAMBDA_CONTEXT;
  return undefined;
}

/**
 * When `position` is the function a wrapper wraps (`middy(fn)`, `middy().handler(fn)`,
 * `datadog(fn)`) or a per-event hook on one (`middy(fn).before(hook)`), the expression whose value the wrapper chain produces:
 * `middy(fn).use(a).use(b)` as a whole.
 */
function wrappingCall(position: TSESTree.Node): TSESTree.Node | undefined {
  const carrier = outermostCarrier(position);
  // `instance.handler.bind(instance)` is the same function.
  const member = carrier.parent;
  if (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === carrier &&
    staticPropertyName(member) === 'bind' &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  ) {
    return outermostCarrier(member.parent);
  }
  const call = carrier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(carrier as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  const name = lastName(callee);
  const wraps =
    (call.arguments[0] === carrier && name !== undefined && isWrapperName(name)) ||
    (name !== undefined &&
      (LAMBDA_WRAPPER_HANDLER_METHODS.has(name) || (LAMBDA_WRAPPER_HOOK_METHODS.has(name) && call.arguments[0] === carrier)) &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      isWrapperChain(callee.object));
  return wraps ? chainEnd(call) : undefined;
}

function isWrapperName(name: string): boolean {
  return LAMBDA_WRAPPER_NAMES.has(name) || LAMBDA_WRAPPER_NAME_PATTERN.test(name);
}

/** `middy()`, `middy().use(x)`: a call chain that starts with a wrapper call. */
function isWrapperChain(node: TSESTree.Node): boolean {
  let current = stripWrappers(node, { typeAssertions: false });
  for (let steps = 0; steps < 16 && current.type === AST_NODE_TYPES.CallExpression; steps++) {
    const callee = stripWrappers(current.callee, { typeAssertions: false });
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      current = stripWrappers(callee.object, { typeAssertions: false });
      continue;
    }
    const name = lastName(callee);
    return name !== undefined && isWrapperName(name);
  }
  return false;
}

/** `middy(fn)` in `middy(fn).use(a).use(b)`: the outermost call of the method chain. */
function chainEnd(call: TSESTree.CallExpression): TSESTree.Node {
  let current: TSESTree.Node = outermostCarrier(call);
  for (let steps = 0; steps < 16; steps++) {
    const member = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    const next = member.parent;
    if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
    current = outermostCarrier(next);
  }
  return current;
}

function lastName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(callee);
  return undefined;
}

/** The name `position` (a function or a reference to one) is exported under, if it is. */
export function exportNameOf(position: TSESTree.Node): string | undefined {
  if (position.type === AST_NODE_TYPES.FunctionDeclaration) {
    const parent = position.parent;
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration && position.id) return position.id.name;
    return undefined;
  }
  const carrier = outermostCarrier(position);
  const parent = carrier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === carrier &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier) {
    return parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : String(parent.exported.value);
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === carrier) {
    const left = parent.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || !isCommonJsExports(left.object)) return undefined;
    return staticPropertyName(left);
  }
  // module.exports = { handler } / { handler: main }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === carrier && !parent.computed) {
    const object = parent.parent;
    const assignment = object?.type === AST_NODE_TYPES.ObjectExpression ? outermostCarrier(object).parent : undefined;
    if (
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.right === outermostCarrier(object as TSESTree.Node) &&
      isModuleExports(assignment.left)
    ) {
      return propertyKeyName(parent);
    }
  }
  return undefined;
}

/**
 * `const wrapped = wrapLambda(handler); export { wrapped as handler }`: the name a never-reassigned
 * variable initialised with `position` is exported under (`export { x as handler }`,
 * `exports.handler = x`, `module.exports = { handler: x }`).
 */
function exportNameThroughConst(position: TSESTree.Node, env: ContextEnvironment): string | undefined {
  const carrier = outermostCarrier(position);
  const declarator = carrier.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== carrier ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    return undefined;
  }
  const variable = env.sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable || !isNeverReassigned(variable)) return undefined;
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const name = exportNameOf(reference.identifier);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** `exports` or `module.exports`. */
function isCommonJsExports(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Identifier && node.name === 'exports') || isModuleExports(node);
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    staticPropertyName(node) === 'exports'
  );
}

/** `SQSEvent` / `AWSLambda.SQSEvent` imported from 'aws-lambda', with a name matching `pattern`. */
function isAwsLambdaType(type: TSESTree.TypeNode, pattern: RegExp, env: ContextEnvironment): boolean {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const ref = typeNameRef(type.typeName, env.sourceCode);
  const name = ref?.path.at(-1);
  return ref?.module === AWS_LAMBDA_TYPES_MODULE && ref.path.length === 1 && name !== undefined && pattern.test(name);
}

