import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { functionUses } from '../../../src/analysis/contexts/call-graph';
import { functionName } from '../../../src/ast/function-name';
import { isFunctionNode } from '../../../src/ast/function-node';
import { probeAll } from '../../support/probe-linter';

/** For the function around every `new Probe()`: its name and its uses ("call@line" / "value@line"). */
function uses(code: string): string[] {
  return probeAll(code, (node, context) => {
    let fn: TSESTree.Node | undefined = node.parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    assert.ok(fn && isFunctionNode(fn));
    const list = functionUses(fn, context.sourceCode).map((use) =>
      use.kind === 'call' ? `call@${use.call.loc.start.line}` : `${use.kind}@${use.node.loc.start.line}`,
    );
    return `${functionName(fn) ?? '<anonymous>'}: ${list.join(' ')}`;
  });
}

describe('functionUses', () => {
  it('finds calls of declarations, bound arrows, object methods and IIFEs', () => {
    assert.deepEqual(
      uses(`function send() { new Probe(); }
send();
await send().then(done);
register(send);
const post = async () => { new Probe(); };
post.call(null);
const api = { get() { new Probe(); } };
api.get();
(() => { new Probe(); })();
export function exported() { new Probe(); }`),
      [
        'send: call@2 call@3 value@4',
        'post: call@6',
        'get: call@8',
        '<anonymous>: call@9',
        'exported: value@10',
      ],
    );
  });

  it('finds class methods through this and instances anywhere, constructors through new', () => {
    assert.deepEqual(
      uses(`class Forwarder {
  constructor() { new Probe(); }
  post() { new Probe(); }
  retry() { return this.post(); }
  static create() { new Probe(); }
}
const forwarder = new Forwarder();
forwarder.post();
Forwarder.create();
function local() { const other = new Forwarder(); other.post(); }
export const handler = async () => new Forwarder().post();`),
      [
        'Forwarder constructor: call@7 call@10 call@11',
        'Forwarder.post: call@4 call@8 call@10 call@11',
        'Forwarder.create: call@9',
      ],
    );
  });

  it('finds getters where they are read, and skips instances whose variable is reassigned', () => {
    assert.deepEqual(
      uses(`class Storage {
  get client() { new Probe(); }
  put() { return this.client.send(); }
}
let storage = new Storage();
storage.client;
storage = other;
new Storage().client.send();`),
      ['Storage.client: read@3 read@8'],
    );
  });
});
