import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  CodePathRecorder,
  edgeKey,
  firstJumpOnPath,
  mergeListeners,
  reachableSegments,
  searchPaths,
  type PathEnd,
  type PathEvent,
} from '../../../src/analysis/body-paths/code-paths';
import { runProbe, type RunProbeOptions } from '../../support/run-probe-rule';

interface Outcome {
  /** One entry per path end: 'use@<line>' for an event, 'exit@<line>' with the first jump's line (or 'end'). */
  readonly ends: string[];
  readonly recorder: CodePathRecorder;
}

/**
 * Walks the paths from the declaration of `x` to the end of its function; every `use(x)` call is a
 * path-ending event. Describes each end by the line of the event or of the first jump statement.
 */
function walkFromX(code: string, options: RunProbeOptions & { explicitThrowsOnly?: boolean; blockUseOnLine?: number } = {}): Outcome {
  let outcome: Outcome | undefined;
  runProbe(
    code,
    (context) => {
      const recorder = new CodePathRecorder();
      let declarator: TSESTree.VariableDeclarator | undefined;
      const uses: TSESTree.CallExpression[] = [];
      return mergeListeners(recorder.listeners(), {
        'VariableDeclarator[id.name="x"]'(node: TSESTree.VariableDeclarator) {
          declarator = node;
        },
        'CallExpression[callee.name="use"]'(node: TSESTree.CallExpression) {
          uses.push(node);
        },
        'Program:exit'() {
          assert.ok(declarator, 'the snippet declares x');
          const start = recorder.exitPosition(declarator);
          assert.ok(start);
          const events: PathEvent<'use'>[] = uses.map((node) => {
            const position = recorder.enterPosition(node);
            assert.ok(position);
            return { kind: 'use', node, position };
          });
          const blockedEdges = new Set<string>();
          const blocked = uses.find((use) => use.loc.start.line === options.blockUseOnLine);
          if (blocked) {
            for (const to of recorder.enterPosition(blocked)?.segments ?? []) {
              for (const from of to.prevSegments) blockedEdges.add(edgeKey(from, to));
            }
          }
          const ends = searchPaths({
            start,
            events,
            effect: () => 'ends-path',
            blockedEdges,
            explicitThrowsOnly: options.explicitThrowsOnly ? recorder : undefined,
          });
          assert.ok(ends);
          outcome = { ends: ends.map((end) => describeEnd(recorder, end, start.order)).sort(), recorder };
          void context;
        },
      } as never);
    },
    options,
  );
  assert.ok(outcome);
  return outcome;
}

function describeEnd(recorder: CodePathRecorder, end: PathEnd<'use'>, after: number): string {
  if (end.event) return `use@${end.event.node.loc.start.line}`;
  const jump = firstJumpOnPath(recorder, end.path, after);
  return jump ? `exit@${jump.loc.start.line}` : 'exit@end';
}

for (const eslint of [9, 10] as const) {
  describe(`code-path search (ESLint ${eslint})`, () => {
    it('ends a path at the first event and reports the paths that avoid every event', () => {
      const { ends } = walkFromX(
        `function f(a) {
          const x = make();
          if (a) throw new Error('a');
          use(x);
        }`,
        { eslint },
      );
      assert.deepEqual(ends, ['exit@3', 'use@4']);
    });

    it('finds no exit when every path passes an event, including both branches', () => {
      const { ends } = walkFromX(
        `function f(a) {
          const x = make();
          if (a) { use(x); return 1; } else { use(x); }
          return 2;
        }`,
        { eslint },
      );
      assert.deepEqual(ends, ['use@3', 'use@3']);
    });

    it('follows loops: a continue that skips the event leaves the loop unused', () => {
      const { ends } = walkFromX(
        `function f(items) {
          for (const item of items) {
            const x = make(item);
            if (!x) continue;
            use(x);
          }
        }`,
        { eslint },
      );
      assert.ok(ends.includes('exit@4'), ends.join());
      assert.ok(ends.includes('use@5'), ends.join());
    });

    it('runs finally blocks on every path through the try', () => {
      const { ends } = walkFromX(
        `function f(a) {
          const x = make();
          try {
            if (a) throw new Error('a');
            return 1;
          } finally {
            use(x);
          }
        }`,
        { eslint },
      );
      assert.ok(ends.length > 0);
      assert.ok(ends.every((end) => end === 'use@7'), ends.join());
    });

    it('walks the implicit try-to-catch edges unless only explicit throws count', () => {
      // ESLint links the segment before the first call in a try block to the catch, as if the
      // call could throw; with explicit throws only, that edge is not walked.
      const code = `function f() {
        const x = make();
        try {
          log();
        } catch (err) {
          return null;
        }
        use(x);
      }`;
      assert.deepEqual(walkFromX(code, { eslint }).ends, ['exit@6', 'use@8']);
      assert.deepEqual(walkFromX(code, { eslint, explicitThrowsOnly: true }).ends, ['use@8']);
    });

    it('keeps explicit throws into a catch when only explicit throws count', () => {
      const { ends } = walkFromX(
        `function f(a) {
          try {
            const x = make();
            if (a) throw new Error('a');
            use(x);
          } catch (err) {
            return null;
          }
        }`,
        { eslint, explicitThrowsOnly: true },
      );
      assert.deepEqual(ends, ['exit@4', 'use@5']);
    });

    it('does not walk blocked edges', () => {
      const { ends } = walkFromX(
        `function f(a) {
          const x = make();
          if (a) {
            use(x);
          }
        }`,
        { eslint, blockUseOnLine: 4 },
      );
      assert.deepEqual(ends, ['exit@end']);
    });

    it('records positions per node with parallel segments and a visiting order', () => {
      runProbe(
        `function f(a) { if (a) { one(); } else { two(); } three(); }`,
        () => {
          const recorder = new CodePathRecorder();
          const calls = new Map<string, TSESTree.CallExpression>();
          return mergeListeners(recorder.listeners(), {
            CallExpression(node: TSESTree.CallExpression) {
              if (node.callee.type === AST_NODE_TYPES.Identifier) calls.set(node.callee.name, node);
            },
            'Program:exit'() {
              const [one, two, three] = ['one', 'two', 'three'].map((name) => {
                const node = calls.get(name);
                assert.ok(node);
                const position = recorder.enterPosition(node);
                assert.ok(position);
                return position;
              });
              assert.ok(one && two && three);
              assert.notEqual(one.segments[0], two.segments[0]);
              assert.ok(one.order < two.order && two.order < three.order);
              assert.equal(one.codePath, three.codePath);
              // `three` is reachable from `one` and from `two`, but `two` is not reachable from `one`.
              const fromOne = reachableSegments(one.segments);
              assert.ok(three.segments.every((segment) => fromOne.has(segment)));
              assert.ok(!two.segments.some((segment) => fromOne.has(segment)));
              // stopAt: nothing beyond a stop segment is collected.
              const stopped = reachableSegments(one.segments, new Set(three.segments));
              assert.ok(!three.segments.some((segment) => stopped.has(segment)));
              let fn: TSESTree.Node | undefined = calls.get('one');
              while (fn && fn.type !== AST_NODE_TYPES.FunctionDeclaration) fn = fn.parent;
              assert.ok(fn);
              assert.equal(recorder.codePathOf(fn), one.codePath);
            },
          } as never);
        },
        { eslint },
      );
    });
  });
}

describe('mergeListeners', () => {
  it('runs every handler registered for the same key, in order', () => {
    const calls: string[] = [];
    const merged = mergeListeners(
      { Identifier: () => calls.push('a') },
      { Identifier: () => calls.push('b'), Literal: () => calls.push('c') },
    ) as Record<string, () => void>;
    merged.Identifier?.();
    merged.Literal?.();
    assert.deepEqual(calls, ['a', 'b', 'c']);
  });
});
