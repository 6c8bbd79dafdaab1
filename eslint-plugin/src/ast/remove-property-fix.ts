import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/**
 * A fix that deletes `property` from its object literal together with the comma that separates it
 * from its neighbours, leaving the rest of the literal as written.
 */
export function removePropertyFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const object = property.parent;
  if (object?.type === AST_NODE_TYPES.ObjectExpression && object.properties.length === 1) {
    return fixer.replaceText(object, '{}');
  }
  const after = sourceCode.getTokenAfter(property);
  const text = sourceCode.text;
  if (after && after.value === ',') {
    // A property on lines of its own goes with its whole lines.
    const lineStart = text.lastIndexOf('\n', property.range[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', after.range[1]);
    if (
      text.slice(lineStart, property.range[0]).trim() === '' &&
      lineEnd !== -1 &&
      text.slice(after.range[1], lineEnd).trim() === ''
    ) {
      return fixer.removeRange([lineStart, lineEnd + 1]);
    }
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    const end = next && next.value !== '}' ? next.range[0] : after.range[1];
    return fixer.removeRange([property.range[0], end]);
  }
  const before = sourceCode.getTokenBefore(property);
  if (before && before.value === ',') {
    return fixer.removeRange([before.range[0], property.range[1]]);
  }
  return fixer.remove(property);
}
