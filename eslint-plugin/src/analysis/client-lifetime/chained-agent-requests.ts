/**
 * `superagent.get(url).agent(agent)`: a request builder's `.agent()` call, which sends that one
 * request through `agent` (CHAINED_AGENT_REQUESTS). `builder.agent(agent)` on any other object is
 * not one of these: the agent may be kept there.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../../ast/find-variable';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { staticPropertyName } from '../../ast/static-property-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { matchesExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import { CHAINED_AGENT_REQUESTS, type ChainedAgentRequest } from '../libraries/request-calls';

/** How many chained calls (`.query(q).send(body)`) to walk back to the builder. */
const MAX_CHAIN = 12;

export function isChainedAgentCall(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return false;
  const callee = stripWrappers(call.callee, { typeAssertions: false });
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  return CHAINED_AGENT_REQUESTS.some(
    (api) => api.method === method && isBuiltRequest(callee.object, api, sourceCode, true),
  );
}

/** `superagent.get(url).query(q)`, a never-reassigned variable holding one, or a `superagent*` name. */
function isBuiltRequest(
  node: TSESTree.Node,
  api: ChainedAgentRequest,
  sourceCode: Readonly<TSESLint.SourceCode>,
  followVariable: boolean,
): boolean {
  let current = stripWrappers(node, { typeAssertions: true });
  for (let step = 0; step < MAX_CHAIN && current.type === AST_NODE_TYPES.CallExpression; step++) {
    const callee = stripWrappers(current.callee, { typeAssertions: false });
    const refs = resolveModuleRefs(callee, sourceCode.getScope(current));
    if (refs?.some((ref) => matchesExportSpec(ref, api.builder))) return true;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    current = stripWrappers(callee.object, { typeAssertions: true });
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode.getScope(current), current);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // A request built by the caller: `function keepAlive(superagentConstruct) { ... }`.
  if (def?.type === 'Parameter' && api.receiverName.test(current.name)) return true;
  if (!followVariable) return false;
  if (!variable || def?.type !== 'Variable' || !def.node.init || !isNeverReassigned(variable)) return false;
  return isBuiltRequest(def.node.init, api, sourceCode, false);
}
