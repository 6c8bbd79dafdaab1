import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { GLOBAL, resolveModuleRefs, type ModuleRef } from '../../src/analysis/module-refs';

/** Resolves the argument of every `probe(expr)` call in `code`. */
function resolveProbes(code: string): (readonly ModuleRef[] | undefined)[] {
  const results: (readonly ModuleRef[] | undefined)[] = [];
  const probeRule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
          const argument = node.arguments[0];
          if (argument) results.push(resolveModuleRefs(argument, context.sourceCode.getScope(node)));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never, sourceType: 'module' },
      plugins: { t: { rules: { probe: probeRule as never } } },
      rules: { 't/probe': 'error' },
    },
  ], 'file.ts');
  assert.deepEqual(messages, []);
  return results;
}

const ref = (module: string, ...path: string[]): ModuleRef => ({ module, path });

describe('resolveModuleRefs', () => {
  it('follows every import form of a node built-in to the same export', () => {
    const results = resolveProbes(`
      import https from 'node:https';
      import * as http from 'http';
      import { Agent } from 'https';
      import { Agent as A } from 'node:http';
      const h = require('https');
      const { Agent: B } = require('node:https');
      const C = require('http').Agent;
      import D = require('https');
      probe(https.Agent); probe(http.Agent); probe(Agent); probe(A); probe(h.Agent);
      probe(B); probe(C); probe(D.Agent); probe(require('https').Agent);
    `);
    assert.deepEqual(results, [
      [ref('https', 'Agent')], [ref('http', 'Agent')], [ref('https', 'Agent')], [ref('http', 'Agent')],
      [ref('https', 'Agent')], [ref('https', 'Agent')], [ref('http', 'Agent')], [ref('https', 'Agent')],
      [ref('https', 'Agent')],
    ]);
  });

  it('gives every candidate of a module chosen at run time', () => {
    const [result] = resolveProbes(`
      import http from 'http'; import https from 'https';
      export function f(tls: boolean) { const mod = tls ? https : http; probe(mod.Agent); }
    `);
    assert.deepEqual(result, [ref('https', 'Agent'), ref('http', 'Agent')]);
  });

  it('treats default import, namespace .default and require alike', () => {
    const results = resolveProbes(`
      import Agent from 'agentkeepalive';
      import * as ns from 'agentkeepalive';
      const R = require('agentkeepalive');
      const { request } = await import('undici');
      probe(Agent); probe(ns.default); probe(R.HttpsAgent); probe(request);
    `);
    assert.deepEqual(results, [
      [ref('agentkeepalive')], [ref('agentkeepalive')], [ref('agentkeepalive', 'HttpsAgent')],
      [ref('undici', 'request')],
    ]);
  });

  it('resolves undeclared names and globalThis members to globals, but not shadowed ones', () => {
    const results = resolveProbes(`
      probe(fetch); probe(globalThis.fetch);
      function f(fetch: unknown) { probe(fetch); }
      let g = require('undici'); g = other; probe(g.request);
    `);
    assert.deepEqual(results, [[ref(GLOBAL, 'fetch')], [ref(GLOBAL, 'fetch')], undefined, undefined]);
  });

  it('answers undefined for anything it cannot follow', () => {
    const results = resolveProbes(`
      import undici from 'undici';
      const key = 'Agent';
      probe(undici[key]); probe(makeClient().Agent); probe(cond ? undici.Agent : unknownThing);
    `);
    assert.deepEqual(results, [undefined, undefined, [ref('undici', 'Agent'), ref(GLOBAL, 'unknownThing')]]);
  });
});
