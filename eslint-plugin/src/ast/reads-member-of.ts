/** True when some reference to `variable` reads one of `members` on it (`event.Records`, `context.octokit`). */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from './static-property-name';

export function readsMemberOf(variable: TSESLint.Scope.Variable | null | undefined, members: ReadonlySet<string>): boolean {
  return (
    variable?.references.some((reference) => {
      const member = reference.identifier.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        members.has(staticPropertyName(member) ?? '')
      );
    }) ?? false
  );
}
