/**
 * The module export a TypeScript type name refers to: `SQSEvent` imported from 'aws-lambda',
 * `AWSLambda.SQSEvent` through a namespace import, `Probot` from 'probot'. Undefined for local types
 * and names that resolve to more than one candidate.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { resolveModuleRefs, type ModuleRef } from './module-refs';

export function typeNameRef(name: TSESTree.EntityName, sourceCode: Readonly<TSESLint.SourceCode>): ModuleRef | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) {
    const refs = resolveModuleRefs(name, sourceCode.getScope(name));
    return refs?.length === 1 ? refs[0] : undefined;
  }
  if (name.type === AST_NODE_TYPES.TSQualifiedName) {
    const base = typeNameRef(name.left, sourceCode);
    return base && { module: base.module, path: [...base.path, name.right.name] };
  }
  return undefined;
}
