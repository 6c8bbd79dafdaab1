/**
 * The agent constructors no-disabled-keepalive checks (built-in ones plus the configured
 * `agentConstructors`) and the member-name gate that lets a callee through to import resolution.
 */
import type { ExportSpec } from '../imports/export-spec';
import { AGENT_OPTIONS, AWS_CLIENTS, AWS_REQUEST_HANDLERS, SUPERAGENT, UNDICI_DISPATCHERS, type AgentOptionsSpec } from '../libraries/agent-options';
import { importsPackageOf, namesGlobalOf } from '../imports/package-mentions';
import { importedSpecifiers } from '../modules/text-hints';
import { PROXY_SERVERS } from '../libraries/proxy-servers';
import { REQUEST_OPTIONS_CALLS } from '../libraries/request-options';
import { escapeRegExp } from '../../util/escape-regexp';

export interface TrackedAgents {
  readonly agentSpecs: readonly AgentOptionsSpec[];
  readonly isRelevantMember: (name: string) => boolean;
  /**
   * False when `text` can hold nothing the rule checks: it imports none of the tracked packages
   * (Node's http/https, undici, agentkeepalive, proxy agents, the AWS SDK, superagent, request
   * libraries, proxy servers, configured agents) and names none of their globals (`fetch`) in code.
   */
  readonly mayMatterIn: (text: string) => boolean;
}

/**
 * Built once per options array, not once per linted file: ESLint hands every file the configured
 * array itself, and the default (empty) one is cloned per file, so all empty ones share one entry.
 */
const trackedAgentsCache = new WeakMap<readonly ExportSpec[], TrackedAgents>();
const NO_EXTRA_AGENTS: readonly ExportSpec[] = [];

/** The built-in agent constructors plus the configured ones, and the member-name gate for all of them. */
export function trackedAgents(configured: readonly ExportSpec[]): TrackedAgents {
  const agentConstructors = configured.length === 0 ? NO_EXTRA_AGENTS : configured;
  let tracked = trackedAgentsCache.get(agentConstructors);
  if (tracked) return tracked;
  const agentSpecs: readonly AgentOptionsSpec[] = [
    ...AGENT_OPTIONS,
    ...agentConstructors.map(
      (agent): AgentOptionsSpec => ({ agent, kind: 'node-agent', optionsArgument: 0, keepAliveDefault: false }),
    ),
  ];
  const specs = trackedSpecs([...agentSpecs.map((spec) => spec.agent), ...AWS_REQUEST_HANDLERS, AWS_CLIENTS]);
  const isRelevantMember = relevantMemberTest(specs);
  const everySpec: readonly ExportSpec[] = [...specs, { from: 'package', package: SUPERAGENT, name: 'default' }];
  const mayMatterIn = (text: string) => importsPackageOf(importedSpecifiers(text), everySpec) || namesGlobalOf(text, everySpec);
  tracked = { agentSpecs, isRelevantMember, mayMatterIn };
  trackedAgentsCache.set(agentConstructors, tracked);
  return tracked;
}

/**
 * Whether a member name (`https.Agent`, `axios.post`) may be the last name of a tracked export:
 * exact names, and wildcard names such as `*Client` as patterns.
 */
function relevantMemberTest(specs: readonly ExportSpec[]): (name: string) => boolean {
  const names = new Set<string>(['default', 'Agent']);
  const patterns: RegExp[] = [];
  for (const spec of specs) {
    for (const name of typeof spec.name === 'string' ? [spec.name] : spec.name) {
      const last = name.split('.').at(-1);
      if (!last) continue;
      if (!last.includes('*')) {
        names.add(last);
        continue;
      }
      const source = last
        .split('*')
        .map(escapeRegExp)
        .join('.*');
      patterns.push(new RegExp(`^${source}$`));
    }
  }
  return (name) => names.has(name) || patterns.some((pattern) => pattern.test(name));
}

/** The agent constructors plus every other export the rule resolves callees to. */
function trackedSpecs(agentSpecs: readonly ExportSpec[]): ExportSpec[] {
  return [
    ...agentSpecs,
    ...UNDICI_DISPATCHERS,
    ...REQUEST_OPTIONS_CALLS.map((spec) => spec.callee),
    ...PROXY_SERVERS.map((spec) => spec.factory),
  ];
}
