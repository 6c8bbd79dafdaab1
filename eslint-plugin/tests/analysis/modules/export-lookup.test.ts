import assert from 'node:assert/strict';
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

describe('module summaries: finding the definition of an export', () => {
  it('follows ESM re-export chains, export *, renames and namespaces', () => {
    const root = project({
      'src/http/get-json.ts': 'export async function getJson(url: string) { return fetch(url); }\n',
      'src/http/post.ts': 'const post = (url: string) => fetch(url, { method: "POST" });\nexport { post as postJson };\n',
      'src/http/index.ts': "export * from './get-json';\nexport { postJson as send } from './post';\nexport * as raw from './post';\n",
      'src/lib/index.ts': "export * from '../http';\n",
      'src/main.ts': [
        "import { getJson, send, raw } from './lib';",
        "import * as lib from './lib';",
        'probe(getJson); probe(send); probe(raw.postJson); probe(lib.getJson); probe(lib.missing);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'src/main.ts'), [
      'src/http/get-json.ts#getJson:FunctionDeclaration',
      'src/http/post.ts#postJson:ArrowFunctionExpression',
      'src/http/post.ts#postJson:ArrowFunctionExpression',
      'src/http/get-json.ts#getJson:FunctionDeclaration',
      undefined,
    ]);
  });

  it('finds default exports, classes, overloads and exported consts', () => {
    const root = project({
      'src/agent.ts': 'export default function makeAgent() { return 1; }\n',
      'src/service.ts': 'export class StorageService { constructor() {} static create() { return new StorageService(); } }\n',
      'src/wrapped.ts': 'declare function wrap<T>(fn: T): T;\nconst handle = async () => {};\nexport const handler = wrap(handle);\nexport default handler;\n',
      'src/overload.ts': 'export function get(url: string): Promise<Response>;\nexport function get(url: string, init?: RequestInit) { return fetch(url, init); }\n',
      'src/expr.ts': 'export default { getJson: (url: string) => fetch(url), async post(url: string) { return fetch(url); } };\n',
      'src/main.ts': [
        "import makeAgent from './agent';",
        "import { StorageService } from './service';",
        "import wrapped, { handler } from './wrapped';",
        "import { get } from './overload';",
        "import api from './expr';",
        'probe(makeAgent); probe(StorageService); probe(StorageService.create); probe(handler); probe(wrapped);',
        'probe(get); probe(api.getJson); probe(api.post);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'src/main.ts'), [
      'src/agent.ts#default:FunctionDeclaration',
      'src/service.ts#StorageService:ClassDeclaration',
      'src/service.ts#StorageService.create:FunctionExpression',
      'src/wrapped.ts#handler:CallExpression',
      'src/wrapped.ts#default:CallExpression',
      'src/overload.ts#get:FunctionDeclaration',
      'src/expr.ts#default.getJson:ArrowFunctionExpression',
      'src/expr.ts#default.post:FunctionExpression',
    ]);
  });

  it('follows imports and require() chains re-exported from another module', () => {
    const root = project({
      'src/impl.js': 'export function getJson(url) { return fetch(url); }\nexport const helpers = { drain: (res) => res.resume() };\n',
      'src/reexport-import.js': "import { getJson } from './impl';\nexport { getJson };\n",
      'src/require-member.cjs': "const getJson = require('./impl.js').getJson;\nconst { helpers } = require('./impl.js');\nmodule.exports = { getJson, drain: helpers.drain };\n",
      'src/main.js': [
        "import { getJson } from './reexport-import';",
        "const viaRequire = require('./require-member.cjs');",
        'probe(getJson); probe(viaRequire.getJson); probe(viaRequire.drain);',
        '',
      ].join('\n'),
    });
    for (const parser of ['espree', 'typescript'] as const) {
      assert.deepEqual(describeProbes(root, 'src/main.js', { parser }), [
        'src/impl.js#getJson:FunctionDeclaration',
        'src/impl.js#getJson:FunctionDeclaration',
        'src/impl.js#helpers.drain:ArrowFunctionExpression',
      ]);
    }
  });

  it('reads CommonJS exports', () => {
    const root = project({
      'src/object.js': 'function getJson(url) { return fetch(url); }\nmodule.exports = { getJson, post: function post() {} };\n',
      'src/function.js': 'module.exports = function makeClient() {};\nmodule.exports.helper = () => {};\n',
      'src/named.js': 'exports.a = function a() {};\nmodule.exports.b = class B {};\n',
      'src/delegate.js': "module.exports = require('./named');\n",
      'src/shadowed.js': 'const exports = {};\nexports.a = function a() {};\n',
      'src/main.js': [
        "const { getJson, post } = require('./object');",
        "const makeClient = require('./function');",
        "const { helper } = require('./function');",
        "const named = require('./named');",
        "const { a } = require('./delegate');",
        "const shadowed = require('./shadowed');",
        'probe(getJson); probe(post); probe(makeClient); probe(helper); probe(named.a); probe(named.b); probe(a);',
        'probe(shadowed.a);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'src/main.js', { parser: 'espree', sourceType: 'commonjs' }), [
      'src/object.js#default.getJson:FunctionDeclaration',
      'src/object.js#default.post:FunctionExpression',
      'src/function.js#default:FunctionExpression',
      'src/function.js#helper:ArrowFunctionExpression',
      'src/named.js#a:FunctionExpression',
      'src/named.js#b:ClassExpression',
      'src/named.js#a:FunctionExpression',
      undefined,
    ]);
  });

  it('follows members an object of exports spreads in from other modules', () => {
    const root = project({
      'src/upstream.js': 'exports.getUpstream = function getUpstream(url, cb) {};\nexports.ping = () => {};\n',
      'src/agents.js': 'exports.isolatedAgent = function isolatedAgent() {};\n',
      'src/index.js': [
        "const upstream = require('./upstream');",
        "module.exports = { ...upstream, ...require('./agents'), ping: function ping() {} };",
        '',
      ].join('\n'),
      'src/opaque.js': "const upstream = require('./upstream');\nmodule.exports = { ...upstream, ...makeExtras() };\n",
      'src/main.js': [
        "const lib = require('./index');",
        "const opaque = require('./opaque');",
        'probe(lib.getUpstream); probe(lib.isolatedAgent); probe(lib.ping); probe(lib.missing); probe(opaque.getUpstream);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'src/main.js', { parser: 'espree', sourceType: 'commonjs' }), [
      'src/upstream.js#getUpstream:FunctionExpression',
      'src/agents.js#isolatedAgent:FunctionExpression',
      'src/index.js#default.ping:FunctionExpression',
      undefined,
      // a spread we cannot see into (`...makeExtras()`) may bring its own getUpstream
      undefined,
    ]);
  });

  it('ends re-export cycles without an answer and skips modules that do not parse', () => {
    const root = project({
      'src/a.ts': "export * from './b';\nexport { loop } from './b';\n",
      'src/b.ts': "export * from './a';\nexport { loop } from './a';\n",
      'src/broken.ts': 'export function getJson(url: string) { return fetch(url\n',
      'src/main.ts': [
        "import { loop, other } from './a';",
        "import { getJson } from './broken';",
        'probe(loop); probe(other); probe(getJson);',
        '',
      ].join('\n'),
    });
    assert.deepEqual(describeProbes(root, 'src/main.ts'), [undefined, undefined, undefined]);
  });

  it('does not follow a reassigned binding', () => {
    const root = project({
      'src/mutable.js': 'let get = () => fetch("/a");\nexport function reset() { get = () => 1; }\nexport { get };\n',
      'src/main.js': "import { get } from './mutable';\nprobe(get);\n",
    });
    assert.deepEqual(describeProbes(root, 'src/main.js', { parser: 'espree' }), [undefined]);
  });
});
