/**
 * Test helper: lints a file of a temp project with a probe on every `probe(expr)` call and
 * describes the project export `expr` resolves to through module summaries, as
 * `relative/file.ts#name:NodeType` (undefined when it does not resolve).
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveModuleRefs } from '../../../src/analysis/imports/module-refs';
import { moduleSummariesOf } from '../../../src/analysis/modules';
import { probeFile, type LintFileOptions } from '../../support/temp-project';

export const PROBE_CALLS = 'CallExpression[callee.name="probe"]';

export function describeProbes(
  root: string,
  entry: string,
  options: LintFileOptions = {},
): Array<string | undefined> {
  return probeFile(
    path.join(root, entry),
    PROBE_CALLS,
    (node, context) => {
      const argument = (node as TSESTree.CallExpression).arguments[0];
      if (!argument) throw new Error('probe() needs an argument');
      const summaries = moduleSummariesOf(context);
      if (!summaries) return 'summaries unavailable';
      const refs = resolveModuleRefs(argument, context.sourceCode.getScope(argument));
      const ref = refs?.length === 1 ? refs[0] : undefined;
      if (!ref) return 'no module reference';
      const found = summaries.resolveExport(ref);
      if (!found) return undefined;
      return `${path.relative(root, found.module.file)}#${found.name}:${found.node.type}`;
    },
    options,
  );
}
