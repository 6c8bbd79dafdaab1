import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { GLOBAL, resolveModuleRefs, type ModuleRef } from '../../../src/analysis/imports/module-refs';

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
      let g = require('undici'); g = makeClient(); probe(g.request);
    `);
    assert.deepEqual(results, [[ref(GLOBAL, 'fetch')], [ref(GLOBAL, 'fetch')], undefined, undefined]);
  });

  it('gives every value a reassigned let may hold, when each write is a plain assignment it can follow', () => {
    const results = resolveProbes(`
      import http from 'node:http'; import https from 'node:https';
      export function f(tls: boolean, url: string) {
        let mod = http;
        if (tls) mod = https;
        probe(mod.Agent);
        let lib;
        if (url.startsWith('https:')) lib = require('https'); else lib = require('http');
        probe(lib.get);
        let unknown = http; unknown = pick();
        let compound = http; compound ||= https;
        let looped = http; for (looped of [https]) {}
        let self = http; self = self || https;
        probe(unknown.Agent); probe(compound.Agent); probe(looped.Agent); probe(self.Agent);
      }
    `);
    assert.deepEqual(results, [
      [ref('http', 'Agent'), ref('https', 'Agent')],
      [ref('https', 'get'), ref('http', 'get')],
      undefined, undefined, undefined, undefined,
    ]);
  });

  it('skips a null or undefined placeholder among the writes of a reassigned let', () => {
    const results = resolveProbes(`
      import http from 'node:http'; import https from 'node:https';
      export function f(tls: boolean) {
        let AgentClass = null;
        if (tls) AgentClass = https.Agent; else AgentClass = http.Agent;
        probe(AgentClass);
        let Later = undefined;
        Later = http.Agent;
        probe(Later);
        let Mixed = null;
        if (tls) Mixed = https.Agent; else Mixed = pick();
        probe(Mixed);
      }
    `);
    assert.deepEqual(results, [[ref('https', 'Agent'), ref('http', 'Agent')], [ref('http', 'Agent')], undefined]);
  });

  it('resolves a computed member of a request module to its request methods, and nothing else', () => {
    const results = resolveProbes(`
      import axios from 'axios'; import http from 'node:http'; import * as undici from 'undici';
      export function f(method: string, verb: 'get' | 'request') {
        probe(axios[method]); probe(http[verb]); probe(undici[method]); probe(axios.defaults[method]);
      }
    `);
    assert.deepEqual(results, [
      ['request', 'get', 'delete', 'options', 'post', 'put', 'patch'].map((name) => ref('axios', name)),
      [ref('http', 'request'), ref('http', 'get')],
      undefined,
      undefined,
    ]);
  });

  it('resolves a module chosen by a condition inside a member access and a require per branch', () => {
    const results = resolveProbes(`
      import http from 'node:http'; import https from 'node:https';
      export function f(isTls: boolean, url: string) {
        probe((isTls ? https : http).request);
        const lib = url.startsWith('https') ? require('https') : require('http');
        probe(lib.get);
      }
    `);
    assert.deepEqual(results, [
      [ref('https', 'request'), ref('http', 'request')],
      [ref('https', 'get'), ref('http', 'get')],
    ]);
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
