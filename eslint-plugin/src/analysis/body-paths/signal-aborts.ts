/**
 * Aborting a request after its response arrived releases the body: the stream errors and the socket
 * is destroyed (not reused, but not held either). A request made with the `signal` of an
 * `AbortController` of this function (`fetch(url, { signal: controller.signal })`, also through
 * options assigned before the call, `init.signal = controller.signal`, or `AbortSignal.any([controller.signal, ...])`)
 * is released by every `controller.abort()` and by every call of a local function that makes one
 * (`const done = (err) => { controller.abort(); cb(err); }` … `done(err)`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { lookupProperty } from '../../ast/lookup-property';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ResponseClient } from '../libraries/response-sources';
import { abortingCalls } from './aborting-calls';
import { fixedInitializer } from '../../ast/fixed-initializer';

/** Clients whose options take `signal` as their second argument. */
const SIGNAL_IN_SECOND_ARGUMENT: ReadonlySet<ResponseClient> = new Set(['fetch', 'node-fetch', 'undici']);

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The calls that abort the request `call` makes through its signal (none when there is no such signal). */
export function signalAborts(call: TSESTree.CallExpression, client: ResponseClient, sourceCode: SourceCode): TSESTree.Node[] {
  if (!SIGNAL_IN_SECOND_ARGUMENT.has(client)) return [];
  const options = call.arguments[1];
  if (!options || options.type === AST_NODE_TYPES.SpreadElement) return [];
  const signals = signalValues(stripWrappers(options), call, sourceCode);
  if (!signals || signals.length === 0) return [];
  const controllers = signals.map((signal) => controllerOf(signal, sourceCode));
  const [controller] = controllers;
  if (!controller || controllers.some((other) => other !== controller)) return [];
  const aborts: TSESTree.Node[] = [];
  for (const reference of controller.references) {
    const member = reference.identifier.parent;
    const abort = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || staticPropertyName(member) !== 'abort') continue;
    if (abort?.type !== AST_NODE_TYPES.CallExpression || abort.callee !== member) continue;
    aborts.push(...abortingCalls(abort, sourceCode.scopeManager));
  }
  return aborts;
}

/**
 * Every value given to the options' `signal`: the literal's property, or, for an options variable,
 * its initialiser's property and every `options.signal = …` written before the call. Undefined when
 * the options could get a signal some other way.
 */
function signalValues(options: TSESTree.Node, call: TSESTree.CallExpression, sourceCode: SourceCode): TSESTree.Node[] | undefined {
  if (options.type === AST_NODE_TYPES.ObjectExpression) {
    const { property, certain } = lookupProperty(options, 'signal');
    return certain && property ? [property.value] : undefined;
  }
  if (options.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode.getScope(options), options);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || !isNeverReassigned(variable)) return undefined;
  const values: TSESTree.Node[] = [];
  const init = def.node.init && stripWrappers(def.node.init);
  if (init?.type === AST_NODE_TYPES.ObjectExpression) {
    const { property, certain } = lookupProperty(init, 'signal');
    if (!certain) return undefined;
    if (property) values.push(property.value);
  }
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const assignment = member.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
    const name = staticPropertyName(member);
    if (name === undefined) return undefined;
    if (name !== 'signal') continue;
    if (assignment.range[1] > call.range[0]) return undefined;
    values.push(assignment.right);
  }
  return values;
}

/** `controller.signal`, or `AbortSignal.any([controller.signal, …])`: the controller variable. */
function controllerOf(signal: TSESTree.Node, sourceCode: SourceCode): TSESLint.Scope.Variable | undefined {
  const value = stripWrappers(signal);
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const callee = value.callee;
    const [list] = value.arguments;
    const isAny = callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'AbortSignal' && staticPropertyName(callee) === 'any';
    if (!isAny || list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const controllers = list.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? controllerOf(element, sourceCode) : undefined));
    // `AbortSignal.any([controller.signal, AbortSignal.timeout(ms)])`: aborting the controller aborts the request.
    return controllers.find((controller) => controller !== undefined);
  }
  if (value.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(value) !== 'signal') return undefined;
  const object = stripWrappers(value.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(sourceCode.getScope(object), object);
  const fixed = fixedInitializer(variable);
  const init = fixed && stripWrappers(fixed);
  const isController =
    init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'AbortController';
  return isController ? (variable ?? undefined) : undefined;
}
