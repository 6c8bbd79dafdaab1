import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { removeProject, writeProject } from '../../support/temp-project';
import { describeProbes } from './describe-export';

const roots: string[] = [];
after(() => roots.forEach(removeProject));

function project(files: Record<string, string>): string {
  const root = writeProject(files);
  roots.push(root);
  return root;
}

const runs = [
  { label: 'ESLint 9, @typescript-eslint/parser', options: { parser: 'typescript', eslint: 9 } },
  { label: 'ESLint 9, espree', options: { parser: 'espree', eslint: 9 } },
  { label: 'ESLint 10, espree', options: { parser: 'espree', eslint: 10 } },
] as const;

describe('module summaries: resolving imports to project modules', () => {
  for (const { label, options } of runs) {
    it(`follows relative paths, index files and extension aliases (${label})`, () => {
      const root = project({
        'src/lib/http.js': 'export function getJson(url) { return fetch(url); }\n',
        'src/lib/index.js': 'export const makeAgent = () => 1;\n',
        'src/util.mjs': 'export default function util() {}\n',
        'src/legacy.cjs': 'exports.old = function old() {};\n',
        'src/main.js': [
          "import { getJson } from './lib/http';",
          "import { getJson as viaJs } from './lib/http.js';",
          "import { makeAgent } from './lib';",
          "import util from './util.mjs';",
          "const { old } = require('./legacy.cjs');",
          "import * as ns from './lib/http';",
          'probe(getJson); probe(viaJs); probe(makeAgent); probe(util); probe(old); probe(ns.getJson);',
          '',
        ].join('\n'),
      });
      assert.deepEqual(describeProbes(root, 'src/main.js', options), [
        'src/lib/http.js#getJson:FunctionDeclaration',
        'src/lib/http.js#getJson:FunctionDeclaration',
        'src/lib/index.js#makeAgent:ArrowFunctionExpression',
        'src/util.mjs#default:FunctionDeclaration',
        'src/legacy.cjs#old:FunctionExpression',
        'src/lib/http.js#getJson:FunctionDeclaration',
      ]);
    });
  }

  it('resolves TypeScript sources imported by their emitted .js name', () => {
    const root = project({
      'src/http.ts': 'export async function getJson(url: string): Promise<unknown> { return (await fetch(url)).json(); }\n',
      'src/main.ts': "import { getJson } from './http.js';\nprobe(getJson);\n",
    });
    assert.deepEqual(describeProbes(root, 'src/main.ts'), ['src/http.ts#getJson:FunctionDeclaration']);
  });

  it('follows tsconfig paths (with extends) and jsconfig paths', () => {
    const root = project({
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['src/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
      'src/lib/http.ts': 'export const getJson = (url: string) => fetch(url);\n',
      'src/main.ts': "import { getJson } from '~/lib/http';\nprobe(getJson);\n",
      'js/jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['app/*'] } } }),
      'js/app/client.js': 'export function makeClient() {}\n',
      'js/main.js': "import { makeClient } from '@app/client';\nprobe(makeClient);\n",
    });
    assert.deepEqual(describeProbes(root, 'src/main.ts'), ['src/lib/http.ts#getJson:ArrowFunctionExpression']);
    assert.deepEqual(describeProbes(root, 'js/main.js', { parser: 'espree' }), [
      'js/app/client.js#makeClient:FunctionDeclaration',
    ]);
  });

  it("resolves SvelteKit's $lib from the project layout when the generated tsconfig is missing", () => {
    const root = project({
      // extends the `.svelte-kit/tsconfig.json` that `svelte-kit sync` has not written yet
      'app/tsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json' }),
      'app/svelte.config.js': 'export default {};\n',
      'app/src/lib/server/cms.ts': 'export function cmsClient() { return 1; }\n',
      'app/src/lib/index.ts': 'export const site = 1;\n',
      'app/src/routes/blog/[slug]/+page.server.ts': "import { cmsClient } from '$lib/server/cms';\nimport { site } from '$lib';\nprobe(cmsClient); probe(site);\n",
      'app/src/hooks.server.ts': "import { cmsClient } from '$lib/server/cms';\nprobe(cmsClient);\n",
      // outside `src`, and in a project without `src/lib`, `$lib` names nothing
      'app/scripts/seed.ts': "import { cmsClient } from '$lib/server/cms';\nprobe(cmsClient);\n",
      'other/src/main.ts': "import { cmsClient } from '$lib/server/cms';\nprobe(cmsClient);\n",
    });
    assert.deepEqual(describeProbes(root, 'app/src/routes/blog/[slug]/+page.server.ts'), [
      'app/src/lib/server/cms.ts#cmsClient:FunctionDeclaration',
      'app/src/lib/index.ts#site:Literal',
    ]);
    assert.deepEqual(describeProbes(root, 'app/src/hooks.server.ts'), ['app/src/lib/server/cms.ts#cmsClient:FunctionDeclaration']);
    assert.deepEqual(describeProbes(root, 'app/scripts/seed.ts'), [undefined]);
    assert.deepEqual(describeProbes(root, 'other/src/main.ts'), [undefined]);
  });

  it("resolves Nuxt's ~ / @ / ~~ aliases from the project layout when .nuxt/tsconfig.json is missing", () => {
    const root = project({
      // Nuxt 3: the source folder is the root
      'n3/tsconfig.json': JSON.stringify({ extends: './.nuxt/tsconfig.json' }),
      'n3/nuxt.config.ts': 'export default defineNuxtConfig({});\n',
      'n3/server/utils/search.ts': 'export function searchClient() { return 1; }\n',
      'n3/server/api/search.post.ts': "import { searchClient } from '~/server/utils/search';\nimport { searchClient as viaAt } from '@/server/utils/search';\nimport { searchClient as viaRoot } from '~~/server/utils/search';\nprobe(searchClient); probe(viaAt); probe(viaRoot);\n",
      // Nuxt 4: `~` is app/, `server/` stays at the root
      'n4/nuxt.config.ts': 'export default defineNuxtConfig({});\n',
      'n4/app/utils/format.ts': 'export const format = () => 1;\n',
      'n4/server/utils/db.ts': 'export function db() { return 1; }\n',
      'n4/server/api/items.get.ts': "import { format } from '~/utils/format';\nimport { db } from '~/server/utils/db';\nprobe(format); probe(db);\n",
      // no nuxt.config: `~/x` names nothing
      'plain/src/main.ts': "import { db } from '~/server/utils/db';\nprobe(db);\n",
    });
    assert.deepEqual(describeProbes(root, 'n3/server/api/search.post.ts'), [
      'n3/server/utils/search.ts#searchClient:FunctionDeclaration',
      'n3/server/utils/search.ts#searchClient:FunctionDeclaration',
      'n3/server/utils/search.ts#searchClient:FunctionDeclaration',
    ]);
    assert.deepEqual(describeProbes(root, 'n4/server/api/items.get.ts'), [
      'n4/app/utils/format.ts#format:ArrowFunctionExpression',
      'n4/server/utils/db.ts#db:FunctionDeclaration',
    ]);
    assert.deepEqual(describeProbes(root, 'plain/src/main.ts'), [undefined]);
  });

  it('still resolves relative imports when the tsconfig cannot be loaded', () => {
    const root = project({
      'tsconfig.json': '{\n  // extends a package that is not installed\n  "extends": "@tsconfig/missing/tsconfig.json",\n}\n',
      'src/http.ts': 'export function getJson(url: string) { return fetch(url); }\n',
      'src/main.ts': "import { getJson } from './http';\nprobe(getJson);\n",
    });
    assert.deepEqual(describeProbes(root, 'src/main.ts'), ['src/http.ts#getJson:FunctionDeclaration']);
  });

  it('treats a workspace package symlinked into node_modules as project code, through its exports', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'repo', private: true, workspaces: ['packages/*'] }),
      'packages/http/package.json': JSON.stringify({
        name: '@acme/http',
        exports: { '.': './src/index.ts', './agent': './src/agent.ts' },
      }),
      'packages/http/src/index.ts': "export { getJson } from './get-json';\n",
      'packages/http/src/get-json.ts': 'export function getJson(url: string) { return fetch(url); }\n',
      'packages/http/src/agent.ts': "import https from 'node:https';\nexport const makeAgent = () => new https.Agent();\n",
      'apps/api/handler.ts': [
        "import { getJson } from '@acme/http';",
        "import { makeAgent } from '@acme/http/agent';",
        'probe(getJson); probe(makeAgent);',
        '',
      ].join('\n'),
    });
    fs.mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(path.join(root, 'packages/http'), path.join(root, 'node_modules/@acme/http'), 'dir');
    assert.deepEqual(describeProbes(root, 'apps/api/handler.ts'), [
      'packages/http/src/get-json.ts#getJson:FunctionDeclaration',
      'packages/http/src/agent.ts#makeAgent:ArrowFunctionExpression',
    ]);
  });

  it('reaches a workspace package before npm install links it, from the root `workspaces`', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'repo', private: true, workspaces: { packages: ['packages/*', 'tools/cli'] } }),
      'packages/http/package.json': JSON.stringify({ name: '@acme/http', main: './src/index.ts' }),
      'packages/http/src/index.ts': 'export function getJson(url: string) { return fetch(url); }\n',
      'tools/cli/package.json': JSON.stringify({ name: 'acme-cli', main: 'index.js' }),
      'tools/cli/index.js': "exports.makeAgent = () => new (require('node:https').Agent)();\n",
      // A subpath through `exports`, as the package would import itself.
      'packages/pool/package.json': JSON.stringify({ name: '@acme/pool', exports: { './agent': './src/agent.ts' } }),
      'packages/pool/src/agent.ts': "import https from 'node:https';\nexport const makeAgent = () => new https.Agent();\n",
      // Not listed in `workspaces`: a folder that happens to hold a package.json.
      'scratch/old/package.json': JSON.stringify({ name: 'old-http', main: 'index.js' }),
      'scratch/old/index.js': 'exports.getJson = (url) => fetch(url);\n',
      'apps/api/handler.ts': [
        "import { getJson } from '@acme/http';",
        "import { makeAgent } from 'acme-cli';",
        "import { makeAgent as poolAgent } from '@acme/pool/agent';",
        "import { getJson as oldGetJson } from 'old-http';",
        'probe(getJson); probe(makeAgent); probe(poolAgent); probe(oldGetJson);',
        '',
      ].join('\n'),
    });
    assert.ok(!fs.existsSync(path.join(root, 'node_modules')));
    assert.deepEqual(describeProbes(root, 'apps/api/handler.ts'), [
      'packages/http/src/index.ts#getJson:FunctionDeclaration',
      'tools/cli/index.js#makeAgent:ArrowFunctionExpression',
      'packages/pool/src/agent.ts#makeAgent:ArrowFunctionExpression',
      undefined,
    ]);
  });

  it('leaves installed packages, built-ins, globals and missing files unresolved', () => {
    const root = project({
      'node_modules/fetch-wrapper/package.json': JSON.stringify({ name: 'fetch-wrapper', main: 'index.js' }),
      'node_modules/fetch-wrapper/index.js': 'exports.getJson = function getJson(url) { return fetch(url); };\n',
      'src/data.json': '{"a": 1}\n',
      'src/types.d.ts': 'export declare function typed(): void;\n',
      'src/main.js': [
        "const { getJson } = require('fetch-wrapper');",
        "import https from 'node:https';",
        "import { missing } from './missing';",
        "import data from './data.json';",
        "import { typed } from './types';",
        'probe(getJson); probe(https.Agent); probe(missing); probe(data); probe(typed); probe(fetch);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'src/main.js', { parser: 'espree' }), [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('follows an installed package into its own files, never into another installed package', () => {
    const root = project({
      'node_modules/@acme/client/package.json': JSON.stringify({ name: '@acme/client', main: 'lib/index.js' }),
      'node_modules/@acme/client/lib/http.js': 'exports.getJson = function getJson(url) { return fetch(url); };\n',
      'node_modules/@acme/client/node_modules/nested/index.js': 'exports.nested = function nested() {};\n',
      'node_modules/other/index.js': 'exports.other = function other() {};\n',
      'node_modules/@acme/client/lib/index.js': [
        "const { getJson } = require('./http');",
        "const { nested } = require('nested');",
        "const { other } = require('other');",
        'probe(getJson); probe(nested); probe(other);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'node_modules/@acme/client/lib/index.js', { parser: 'espree' }), [
      'node_modules/@acme/client/lib/http.js#getJson:FunctionExpression',
      undefined,
      undefined,
    ]);
  });
});
