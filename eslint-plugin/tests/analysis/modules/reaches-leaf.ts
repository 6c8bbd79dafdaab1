/**
 * Test question on top of module summaries: does calling an export (transitively, through the
 * exports of other project modules it calls) reach a call of `leaf()`? Each computation is counted,
 * so tests can tell a memoised answer from a fresh one.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { forEachDescendant } from '../../../src/ast/for-each-descendant';
import { resolveModuleRefs } from '../../../src/analysis/imports/module-refs';
import {
  moduleSummariesOf,
  type ModuleSummaries,
  type ResolvedExport,
} from '../../../src/analysis/modules';
import { probeFile, type LintFileOptions } from '../../support/temp-project';
import { PROBE_CALLS } from './describe-export';

export const computations: string[] = [];

export function reachesLeaf(summaries: ModuleSummaries, target: ResolvedExport): boolean {
  return summaries.answer(
    'test:reaches-leaf',
    target,
    () => {
      computations.push(`${path.basename(target.module.file)}#${target.name}`);
      const inner = summaries.from(target.module);
      const sourceCode = target.module.sourceCode;
      let reaches = false;
      forEachDescendant(target.node, sourceCode.visitorKeys, (node) => {
        if (reaches || node.type !== 'CallExpression') return;
        if (node.callee.type === 'Identifier' && node.callee.name === 'leaf') {
          reaches = true;
          return;
        }
        if (node.callee.type === 'Identifier' && node.callee.name === 'explode') {
          throw new Error('explode() was called');
        }
        const refs = resolveModuleRefs(node.callee, sourceCode.getScope(node.callee));
        const ref = refs?.length === 1 ? refs[0] : undefined;
        const callee = ref && inner.resolveExport(ref);
        if (callee && reachesLeaf(inner, callee)) reaches = true;
      });
      return reaches;
    },
    false,
  );
}

/** For each `probe(fn)` in `file`: does `fn` reach `leaf()`? ('unresolved' when fn is no export). */
export function probeReachesLeaf(
  file: string,
  options: LintFileOptions = {},
): Array<boolean | 'unresolved' | 'unavailable'> {
  return probeFile(
    file,
    PROBE_CALLS,
    (node, context) => {
      const summaries = moduleSummariesOf(context);
      if (!summaries) return 'unavailable';
      const argument = (node as TSESTree.CallExpression).arguments[0]!;
      const refs = resolveModuleRefs(argument, context.sourceCode.getScope(argument));
      const target = refs?.length === 1 ? summaries.resolveExport(refs[0]!) : undefined;
      return target ? reachesLeaf(summaries, target) : 'unresolved';
    },
    options,
  );
}
