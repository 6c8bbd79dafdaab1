import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { findVariable, innermostScope, innermostScopeAround } from '../../src/ast/find-variable';
import { probeAll, type ProbeContext } from '../support/probe-linter';
import { generatedSource } from '../../scripts/generated-source';

/** Scope shapes where child scopes nest, share a block, or sit in unusual places. */
const UNUSUAL_SCOPES = `
import https from 'node:https';
const f = function named(a = () => https, { b } = { b: class Inner { static x = https; } }) {
  for (let i = 0, https = 1; i < 3; i++) { const https = i; use(https); }
  try { use(https); } catch ({ message: https }) { use(https); }
  switch (a) { case 1: { let https = 2; use(https); } }
  label: { const https = 3; use(https); }
  return class extends (a as any) { [https.name] = https; m(https = 1) { return https; } };
};
${Array.from({ length: 40 }, (_, i) => `function g${i}(x${i}: number) { const https = x${i}; return () => https + x${i}; }\nuse(https => https, y${i} => y${i});`).join('\n')}
enum E { A = 1, B = A }
namespace N { export const https = 1; use(https); }
type T<https> = https | number;
use(f, https, E, N);
`;

interface Lookup {
  readonly name: string;
  readonly same: boolean;
}

function compareAll(code: string, filename: string, espree = false): Lookup[] {
  return probeAll(
    code,
    (node, context: ProbeContext) => {
      const identifier = node as TSESTree.Identifier;
      const global = context.sourceCode.scopeManager?.globalScope as TSESLint.Scope.Scope;
      const own = context.sourceCode.getScope(identifier);
      const same =
        findVariable(global, identifier) === ASTUtils.findVariable(global, identifier) &&
        findVariable(own, identifier) === ASTUtils.findVariable(own, identifier) &&
        findVariable(own, identifier.name) === ASTUtils.findVariable(own, identifier.name) &&
        innermostScope(global, identifier) === ASTUtils.getInnermostScope(global, identifier);
      return { name: identifier.name, same };
    },
    { selector: 'Identifier', filename, espree },
  );
}

describe('findVariable', () => {
  it('finds the same variable and innermost scope as ASTUtils for every identifier', () => {
    const lookups = [
      ...compareAll(UNUSUAL_SCOPES, 'unusual.ts'),
      ...compareAll(generatedSource(2_000), 'service.ts'),
    ];
    assert.ok(lookups.length > 5_000, `only ${lookups.length} identifiers compared`);
    assert.deepEqual(
      lookups.filter((lookup) => !lookup.same),
      [],
    );
  });

  it('finds the scope around a node without entering the scope the node itself creates', () => {
    const [result] = probeAll(
      'function outer() { const pick = () => 1; return pick; }\n' +
        Array.from({ length: 20 }, (_, i) => `function f${i}() {}`).join('\n'),
      (node, context) => {
        const global = context.sourceCode.scopeManager?.globalScope as TSESLint.Scope.Scope;
        const around = innermostScopeAround(global, node);
        return { type: around.type, block: around.block.type };
      },
      { selector: 'ArrowFunctionExpression' },
    );
    assert.deepEqual(result, { type: 'function', block: 'FunctionDeclaration' });
  });
});
