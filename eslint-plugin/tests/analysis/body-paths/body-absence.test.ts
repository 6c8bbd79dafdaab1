import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { bodyAbsentWhen, type AbsentWhen } from '../../../src/analysis/body-paths/body-absence';
import { runProbe } from '../../support/run-probe-rule';

/** `bodyAbsentWhen` for the test of every `if` in `code`, with `res` as the tracked response. */
function absenceOf(code: string): (AbsentWhen | undefined)[] {
  const results: (AbsentWhen | undefined)[] = [];
  runProbe(
    code,
    () => ({
      IfStatement(node: TSESTree.IfStatement) {
        results.push(bodyAbsentWhen(node.test, (n) => n.type === 'Identifier' && n.name === 'res'));
      },
    }),
    { parser: 'espree' },
  );
  return results;
}

describe('bodyAbsentWhen', () => {
  it('knows the body is absent when the response or its body is missing', () => {
    assert.deepEqual(
      absenceOf(`if (!res) {} if (!res.body) {} if (res.body == null) {} if (res === undefined) {} if (!res?.body) {}
                 if (res.data === null) {}`),
      ['true', 'true', 'true', 'true', 'true', 'true'],
    );
    assert.deepEqual(absenceOf(`if (res) {} if (res.body) {} if (res.body != null) {} if (res && res.body) {}`), [
      'false',
      'false',
      'false',
      'false',
    ]);
  });

  it('knows 204 and 304 responses have no body', () => {
    assert.deepEqual(
      absenceOf(`if (res.status === 204) {} if (304 == res.statusCode) {} if (res.status !== 204) {}
                 if (res.status === 204 || res.status === 304) {} if ([204, 304].includes(res.status)) {}`),
      ['true', 'true', 'false', 'true', 'true'],
    );
  });

  it('knows 205 responses and HEAD requests have no body, and follows status copies', () => {
    const results: (AbsentWhen | undefined)[] = [];
    runProbe(
      `if (status === 205) {} if (code !== 304) {} if (options.method === 'HEAD') {} if (method == 'head') {}
       if (other === 204) {} if (options.method === 'GET') {}`,
      () => ({
        IfStatement(node: TSESTree.IfStatement) {
          results.push(
            bodyAbsentWhen(node.test, {
              isTracked: () => false,
              isStatus: (n) => n.type === 'Identifier' && (n.name === 'status' || n.name === 'code'),
            }),
          );
        },
      }),
      { parser: 'espree' },
    );
    assert.deepEqual(results, ['true', 'false', 'true', 'true', undefined, undefined]);
  });

  it('looks through TypeScript wrappers and treats `void 0` as undefined', () => {
    const results: (AbsentWhen | undefined)[] = [];
    runProbe(
      `declare const res: Response;
       if ((res as Response).body == null) {} if ((res satisfies Response).status === 204) {} if (res!.body === void 0) {}
       if (<Response>res === undefined) {} if (res.body === void 0 || res.status === 200) {}`,
      () => ({
        IfStatement(node: TSESTree.IfStatement) {
          results.push(bodyAbsentWhen(node.test, (n) => n.type === 'Identifier' && n.name === 'res'));
        },
      }),
    );
    assert.deepEqual(results, ['true', 'true', 'true', 'true', undefined]);
  });

  it('knows a Content-Length of 0 means there is no body to read', () => {
    assert.deepEqual(
      absenceOf(`if (res.headers.get('content-length') === '0') {} if (res.headers.get('Content-Length') !== '0') {}
                 if (res.headers['content-length'] == 0) {} if ('0' === res.headers['content-length']) {}
                 if (res.status === 204 || res.headers.get('content-length') === '0') {}`),
      ['true', 'false', 'true', 'true', 'true'],
    );
  });

  it('follows the length through number conversions that keep a missing header apart from zero', () => {
    assert.deepEqual(
      absenceOf(`if (parseInt(res.headers.get('content-length'), 10) === 0) {} if (Number.parseInt(res.headers.get('content-length') ?? '') !== 0) {}
                 if (parseFloat(res.headers['content-length']) == '0') {} if (Number(res.headers['content-length']) === 0) {}
                 if (+res.headers['content-length'] === 0) {}`),
      ['true', 'false', 'true', 'true', 'true'],
    );
    // `headers.get()` is null for a missing header and Number(null) / +null is 0; `?? '0'` is 0 too.
    assert.deepEqual(
      absenceOf(`if (Number(res.headers.get('content-length')) === 0) {} if (+res.headers.get('content-length') === 0) {}
                 if (parseInt(res.headers.get('content-length') ?? '0') === 0) {} if (parseInt(res.headers.get('content-length')) === 1) {}
                 if (parseInt(other.headers.get('content-length')) === 0) {} if (Math.round(res.headers['content-length']) === 0) {}`),
      Array(6).fill(undefined),
    );
  });

  it('proves absence through one side of `&&` (on true) and of `||` (on false)', () => {
    assert.deepEqual(
      absenceOf(`if (res.ok && res.status === 204) {} if (res.status !== 304 || retry) {} if (res.ok || res.status === 204) {}
                 if (retry && res.status !== 204) {}`),
      ['true', 'false', undefined, undefined],
    );
  });

  it('proves nothing from other lengths, other headers or other responses', () => {
    assert.deepEqual(
      absenceOf(`if (res.headers.get('content-length') === '10') {} if (res.headers.get('content-type') === '0') {}
                 if (res.headers['content-length'] === 0) {} if (other.headers.get('content-length') === '0') {}
                 if (res.headers.get('content-length') > '0') {} if (res.get('content-length') === '0') {}`),
      Array(6).fill(undefined),
    );
  });

  it('proves nothing for other conditions', () => {
    assert.deepEqual(
      absenceOf(`if (!res.ok) {} if (res.status === 200) {} if (res.status === 204 || !res.ok) {} if (other.status === 204) {}
                 if (!other) {} if ([200, 204].includes(res.status)) {} if (res.status >= 204) {} if (res.body && res.ok) {}`),
      Array(8).fill(undefined),
    );
  });
});
