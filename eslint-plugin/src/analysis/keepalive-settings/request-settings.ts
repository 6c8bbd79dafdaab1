/**
 * Keep-alive switched off where a request is made:
 *
 *   http.request({ host, agent: false })          a one-shot agent per request
 *   fetch(url, { headers: { Connection: 'close' } })
 *   superagent.get(url).set('Connection', 'close')
 *   const req = https.request(options); req.setHeader('Connection', 'close');
 *   options.agent = false; https.get(options, ...)             the same settings assigned before the
 *   options.headers.Connection = 'close'; http.request(options)   request, unconditionally, in the
 *   headers.connection = 'close'; fetch(url, { headers })          function that makes it
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findExportSpec } from '../imports/export-spec';
import { SUPERAGENT } from '../libraries/agent-options';
import { REQUEST_OPTIONS_CALLS, type RequestOptionsSpec } from '../libraries/request-options';
import { enclosingFunction } from '../../ast/enclosing-function';
import { findVariable } from '../../ast/find-variable';
import { isLiteralValue } from '../../ast/is-literal-value';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { lookupProperty } from '../../ast/lookup-property';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticObjectLiteral } from '../../ast/static-object-literal';
import { staticPropertyName } from '../../ast/static-property-name';
import { staticString } from '../../ast/static-string';
import { stripWrappers } from '../../ast/strip-wrappers';
import { connectionCloseProperty, headersLiteralOf, isCloseValue, isTunnelOrUpgrade } from './connection-header';
import type { RemovableSetting } from './keepalive-finding';
import { allMatch, type TrackedCallees } from './tracked-callees';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface RequestSettingChecks {
  readonly agentFalse: boolean;
  readonly connectionClose: boolean;
}

/** Nodes between an assignment and its function that make it conditional. */
const CONDITIONAL_PARENTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.CatchClause,
]);

export class RequestSettings {
  constructor(
    private readonly sourceCode: SourceCode,
    private readonly callees: TrackedCallees,
    private readonly checks: RequestSettingChecks,
  ) {}

  /** Where a call takes request options, when it is a known request call (candidates must agree). */
  requestOptionsSpecOf(call: TSESTree.CallExpression): RequestOptionsSpec | undefined {
    const refs = this.callees.trackedRefsOf(call.callee);
    if (!refs || refs.length === 0) return undefined;
    const specs = refs.map((ref) => REQUEST_OPTIONS_CALLS.find((spec) => findExportSpec(ref, [spec.callee])));
    const [first] = specs;
    // Several candidates must agree on where the options are (`tls ? https.get : http.get`).
    if (!first || specs.some((spec) => spec?.optionArguments.join() !== first.optionArguments.join())) {
      return undefined;
    }
    return specs.every((spec) => spec?.nodeAgentOption) ? first : { ...first, nodeAgentOption: false };
  }

  /** `agent: false` and `Connection: close` in the options literals a request call receives. */
  ofRequestCall(call: TSESTree.CallExpression): RemovableSetting[] {
    const spec = this.requestOptionsSpecOf(call);
    if (!spec) return [];
    const findings: RemovableSetting[] = [];
    for (const index of spec.optionArguments) {
      const argument = call.arguments[index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const object = staticObjectLiteral(argument, this.sourceCode.getScope(argument));
      if (!object || isTunnelOrUpgrade(this.sourceCode, object)) continue;
      if (spec.nodeAgentOption && this.checks.agentFalse) {
        const { property, certain } = lookupProperty(object, 'agent');
        if (property && certain && isLiteralValue(property.value, false)) {
          findings.push({ kind: 'agentFalse', at: property, remove: property });
        }
      }
      if (this.checks.connectionClose) {
        const headers = headersLiteralOf(this.sourceCode, object);
        const finding = headers && connectionCloseProperty(headers);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  }

  /** superagent: `request.get(url).set('Connection', 'close')` or `.set({ Connection: 'close' })`. */
  ofSuperagentSet(call: TSESTree.CallExpression): RemovableSetting | undefined {
    const callee = this.checks.connectionClose ? methodCallee(call, 'set') : undefined;
    if (!callee || !this.isSuperagentChain(callee.object)) return undefined;
    const [key, value] = call.arguments;
    if (key && value && call.arguments.length === 2) {
      if (!isConnectionClose(key, value)) return undefined;
      const dot = this.sourceCode.getTokenBefore(callee.property);
      const start = dot && dot.value === '.' ? dot.range[0] : callee.property.range[0];
      return { kind: 'connectionClose', at: { start: callee.property.loc.start, end: call.loc.end }, remove: [start, call.range[1]] };
    }
    if (key && call.arguments.length === 1) {
      const headers = staticObjectLiteral(key, this.sourceCode.getScope(key));
      return headers && connectionCloseProperty(headers);
    }
    return undefined;
  }

  /** `const req = http.request(options); req.setHeader('Connection', 'close');` */
  ofClientRequestSetHeader(call: TSESTree.CallExpression): RemovableSetting | undefined {
    const callee = this.checks.connectionClose ? methodCallee(call, 'setHeader') : undefined;
    const [key, value] = call.arguments;
    if (!callee || !key || !value || call.arguments.length !== 2 || !isConnectionClose(key, value)) return undefined;
    if (!this.isClientRequest(callee.object)) return undefined;
    const statement = call.parent;
    return {
      kind: 'connectionClose',
      at: call,
      remove: statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.range : undefined,
    };
  }

  /**
   * `options.agent = false`, `options.headers.Connection = 'close'`, `headers['connection'] = 'close'`:
   * the setting assigned, unconditionally, to options (or headers) that a request call in the same
   * function receives.
   */
  ofAssignment(assignment: TSESTree.AssignmentExpression): RemovableSetting | undefined {
    if (assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const target = assignment.left;
    const name = staticPropertyName(target);
    if (name === undefined) return undefined;
    let reaches: boolean;
    if (name === 'agent' && this.checks.agentFalse && isLiteralValue(assignment.right, false)) {
      reaches = this.isRequestOptions(target.object, assignment, true);
    } else if (name.toLowerCase() === 'connection' && this.checks.connectionClose && isCloseValue(assignment.right)) {
      reaches = this.isRequestHeaders(stripWrappers(target.object), assignment);
    } else {
      return undefined;
    }
    if (!reaches || !isUnconditional(assignment)) return undefined;
    const statement = assignment.parent;
    return {
      kind: name === 'agent' ? 'agentFalse' : 'connectionClose',
      at: assignment,
      remove: statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.range : undefined,
    };
  }

  /** `options.headers` of request options, or a `headers` variable put into request options. */
  private isRequestHeaders(object: TSESTree.Node, assignment: TSESTree.AssignmentExpression): boolean {
    if (object.type === AST_NODE_TYPES.MemberExpression) {
      return staticPropertyName(object) === 'headers' && this.isRequestOptions(object.object, assignment, false);
    }
    const variable = this.localVariable(object, assignment);
    if (!variable) return false;
    return variable.references.some((reference) => {
      const property = reference.identifier.parent;
      if (property?.type !== AST_NODE_TYPES.Property || property.value !== reference.identifier) return false;
      if (propertyKeyName(property) !== 'headers' || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
      return this.reachesRequestOptions(property.parent, assignment, false);
    });
  }

  /** A variable of the assignment's function that is passed as request options there. */
  private isRequestOptions(object: TSESTree.Node, assignment: TSESTree.AssignmentExpression, nodeAgentOption: boolean): boolean {
    const variable = this.localVariable(stripWrappers(object), assignment);
    if (!variable) return false;
    const init = variableInit(variable);
    const literal = init && stripWrappers(init);
    if (literal?.type === AST_NODE_TYPES.ObjectExpression && isTunnelOrUpgrade(this.sourceCode, literal)) return false;
    return variable.references.some((reference) =>
      this.isOptionsArgument(reference.identifier, assignment, nodeAgentOption),
    );
  }

  /** An object literal that is request options: an argument itself, or a variable's value passed as one. */
  private reachesRequestOptions(object: TSESTree.ObjectExpression, assignment: TSESTree.AssignmentExpression, nodeAgentOption: boolean): boolean {
    if (this.isOptionsArgument(object, assignment, nodeAgentOption)) return true;
    const declarator = object.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== object) return false;
    const variable = this.localVariable(declarator.id, assignment);
    return variable?.references.some((reference) => this.isOptionsArgument(reference.identifier, assignment, nodeAgentOption)) ?? false;
  }

  /**
   * `node` is an options argument of a known request call made after the assignment, in its
   * function (also in a callback written there: `new Promise((resolve) => http.request(options, resolve))`).
   */
  private isOptionsArgument(node: TSESTree.Node, assignment: TSESTree.AssignmentExpression, nodeAgentOption: boolean): boolean {
    const call = node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === node) return false;
    const fn = enclosingFunction(assignment);
    if (call.range[0] < assignment.range[1] || call.range[1] > fn.range[1]) return false;
    const spec = this.requestOptionsSpecOf(call);
    if (!spec || (nodeAgentOption && !spec.nodeAgentOption)) return false;
    const index = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
    return spec.optionArguments.includes(index);
  }

  /** The never-reassigned variable an identifier names, declared in the assignment's function. */
  private localVariable(node: TSESTree.Node, assignment: TSESTree.AssignmentExpression): TSESLint.Scope.Variable | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = findVariable(this.sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || !isNeverReassigned(variable)) return undefined;
    return enclosingFunction(def.node) === enclosingFunction(assignment) ? variable : undefined;
  }

  /** A `const` initialised by `http(s).request(...)`/`get(...)`: a ClientRequest, not a server response. */
  private isClientRequest(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(this.sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
    const init = def.node.init;
    if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
    return variable !== null && isNeverReassigned(variable) && this.requestOptionsSpecOf(init)?.nodeAgentOption === true;
  }

  /** The receiver chain `superagent.get(url).query(q)` starts at an import of superagent. */
  private isSuperagentChain(node: TSESTree.Node): boolean {
    let current: TSESTree.Node = node;
    for (let hops = 0; hops < 32; hops++) {
      if (current.type === AST_NODE_TYPES.CallExpression) {
        current = current.callee;
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        current = current.object;
      } else if (current.type === AST_NODE_TYPES.Identifier) {
        return allMatch(this.callees.refsOf(current), (ref) => ref.module === SUPERAGENT) !== undefined;
      } else {
        return false;
      }
    }
    return false;
  }
}

/** The callee of `x.name(...)` (written with a dot), or undefined. */
function methodCallee(call: TSESTree.CallExpression, name: string): TSESTree.MemberExpression | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
  return callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === name ? callee : undefined;
}

/** `('Connection', 'close')` as a header name and value, any case. */
function isConnectionClose(name: TSESTree.Node, value: TSESTree.Node): boolean {
  return staticString(name)?.toLowerCase() === 'connection' && isCloseValue(value);
}

function variableInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const def = variable.defs[0];
  return def?.type === 'Variable' ? (def.node.init ?? undefined) : undefined;
}

/** No `if`, `?:`, `&&`/`||`, `case` or `catch` between the assignment and its function. */
function isUnconditional(assignment: TSESTree.AssignmentExpression): boolean {
  const fn = enclosingFunction(assignment);
  for (let node: TSESTree.Node | undefined = assignment.parent; node && node !== fn; node = node.parent) {
    if (CONDITIONAL_PARENTS.has(node.type)) return false;
  }
  return true;
}
