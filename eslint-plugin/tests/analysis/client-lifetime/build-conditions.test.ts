import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  conditionsAtCall,
  guardConditions,
  type BuildCondition,
} from '../../../src/analysis/client-lifetime/build-conditions';
import { enclosingFunction } from '../../../src/ast/enclosing-function';
import { isFunctionNode } from '../../../src/ast/function-node';
import { probeAll } from '../../support/probe-linter';

/** The guards around every `new Probe()`: "arg0.s3Client present", "arg1 instance", "-". */
function guards(code: string): string[] {
  return probeAll(code, (node, context) => {
    const fn = enclosingFunction(node);
    if (!isFunctionNode(fn)) return '-';
    const found = guardConditions(node, fn, context.sourceCode);
    return found.length === 0 ? '-' : found.map(describeCondition).join(' & ');
  });
}

function describeCondition(condition: BuildCondition): string {
  const subject = `arg${condition.argument}${condition.option === undefined ? '' : `.${condition.option}`}`;
  return `${subject} ${condition.skippedWhen}`;
}

/** What every `build(...)` call makes of `conditions`: built, skipped, unknown or forwarded. */
function outcomes(code: string, conditions: readonly BuildCondition[]): string[] {
  return probeAll(
    code,
    (node, context) => {
      const outcome = conditionsAtCall(conditions, node as TSESTree.CallExpression, enclosingFunction(node), context.sourceCode);
      return outcome.kind === 'forwarded' ? `forwarded: ${outcome.conditions.map(describeCondition).join(' & ')}` : outcome.kind;
    },
    { selector: 'CallExpression[callee.name="build"]' },
  );
}

describe('guardConditions', () => {
  it('reads guards that skip the construction when the caller brings a client', () => {
    assert.deepEqual(
      guards(`
        function a(options) { return options.s3Client ?? new Probe(); }
        function b(options) { return options.s3Client || new Probe(); }
        function c(options) { return options.s3Client ? options.s3Client : new Probe(); }
        function d(options) { if (!options.s3Client) { this.s3 = new Probe(); } }
        function e(options) { if (options.s3Client == null) this.s3 = new Probe(); }
        function f(target) { return target instanceof Probe ? target : new Probe(target); }
        function g(target) { if (!(target instanceof Probe)) return new Probe(target); return target; }
        function h({ s3Client, region } = {}) { return s3Client ?? new Probe({ region }); }
        function i(bucket, client) { return client !== undefined ? client : new Probe(); }
      `),
      [
        'arg0.s3Client present',
        'arg0.s3Client present',
        'arg0.s3Client present',
        'arg0.s3Client present',
        'arg0.s3Client present',
        'arg0 instance',
        'arg0 instance',
        'arg0.s3Client present',
        'arg1 present',
      ],
    );
  });

  it('ignores guards on anything but a parameter, and guards that run the construction when present', () => {
    assert.deepEqual(
      guards(`
        function a() { return process.env.LOCAL ? new Probe({ endpoint: 'http://localhost' }) : new Probe(); }
        function b(options) { return options.s3Client ? new Probe() : options.s3Client; }
        function c(options) { options = {}; return options.client ?? new Probe(); }
        function d(options) { return this.client ?? new Probe(options); }
        function e(options) { return options.client && new Probe(); }
        function f(options) { return new Probe(options); }
      `),
      ['-', '-', '-', '-', '-', '-', '-'],
    );
  });
});

describe('conditionsAtCall', () => {
  const option: BuildCondition[] = [{ argument: 0, option: 's3Client', skippedWhen: 'present' }];
  const instance: BuildCondition[] = [{ argument: 0, skippedWhen: 'instance' }];

  it('decides an option from the object literal the call site passes', () => {
    assert.deepEqual(
      outcomes(
        `build({ bucket: 'b' });
        build({ bucket: 'b', s3Client: shared });
        build({ s3Client: undefined });
        build();
        build(options);
        build({ ...defaults });
        build(...args);
        function wrapper(options) { return build(options); }
        function other(x, options) { return build({ s3Client: options }); }`,
        option,
      ),
      ['built', 'skipped', 'built', 'built', 'unknown', 'unknown', 'unknown', 'forwarded: arg0.s3Client present', 'forwarded: arg1 present'],
    );
  });

  it('decides an instance test: a plain value is never a client', () => {
    assert.deepEqual(
      outcomes(
        `build({ region: 'eu-west-1' });
        build(shared);
        build(new Client());
        function connect(conf) { return build(conf); }
        function store(options) { return build(options.table); }`,
        instance,
      ),
      ['built', 'unknown', 'unknown', 'forwarded: arg0 instance', 'forwarded: arg0.table instance'],
    );
  });
});
