import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConsumerBackoff, requeueDelayMs, type BackoffState } from '../src/backoff.js';
import { classifyError, classifyStatus, parseRetryAfterMs } from '../src/delivery-outcome.js';
import { decodeDeadLetterBody, encodeBody } from '../src/dead-letter.js';

describe('classifyStatus', () => {
  it('maps statuses to FIN, REQ or dead letter', () => {
    assert.equal(classifyStatus(200, undefined).kind, 'delivered');
    assert.equal(classifyStatus(204, undefined).kind, 'delivered');
    for (const status of [408, 429, 500, 502, 503, 504]) assert.equal(classifyStatus(status, undefined).kind, 'retry', String(status));
    for (const status of [301, 400, 401, 403, 404, 409, 413, 422]) assert.equal(classifyStatus(status, undefined).kind, 'rejected', String(status));
  });

  it('honours Retry-After in seconds and as a date', () => {
    const outcome = classifyStatus(429, '3');
    assert.equal(outcome.kind === 'retry' && outcome.retryAfterMs, 3_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfterMs('whenever', now), undefined);
  });

  it('treats network errors as retryable and keeps their code', () => {
    const outcome = classifyError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    assert.equal(outcome.kind, 'retry');
    assert.match(outcome.kind === 'retry' ? outcome.reason : '', /^ECONNRESET: /);
    assert.equal(classifyError(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })).kind, 'retry');
  });

  it('treats refused connections, DNS failures and TLS verification failures as endpoint-wide', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED']) {
      const outcome = classifyError(Object.assign(new Error(code), { code }));
      assert.equal(outcome.kind, 'unreachable', code);
    }
    // undici wraps some connect errors: the cause's code counts.
    const wrapped = classifyError(new Error('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }));
    assert.equal(wrapped.kind, 'unreachable');
  });
});

describe('requeueDelayMs', () => {
  const options = { requeueDelayMs: 1_000, maxRequeueDelayMs: 60_000 };
  it('doubles per attempt up to the cap, Retry-After winning', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempts) => requeueDelayMs(attempts, options)), [1_000, 2_000, 4_000, 8_000]);
    assert.equal(requeueDelayMs(20, options), 60_000);
    assert.equal(requeueDelayMs(1, options, 5_000), 5_000);
  });
});

describe('ConsumerBackoff', () => {
  it('ignores scattered failures but pauses, probes and recovers under sustained ones', async () => {
    const budgets: number[] = [];
    const states: BackoffState[] = [];
    let probing: () => void = () => undefined;
    const backoff = new ConsumerBackoff({
      maxInFlight: 16,
      maxBackoffMs: 40,
      basePauseMs: 5,
      applyBudget: (budget) => budgets.push(budget),
      onStateChange: (state) => {
        states.push(state);
        if (state === 'probing') probing();
      },
    });
    // 4 % failures: never a pause.
    for (let i = 0; i < 200; i += 1) backoff.record(backoff.admit(), i % 25 !== 0);
    assert.deepEqual(budgets, []);
    // Everything failing: pause (RDY 0), then a probe with RDY 1.
    const probeStarted = new Promise<void>((resolve) => (probing = resolve));
    for (let i = 0; i < 40; i += 1) backoff.record(backoff.admit(), false);
    assert.equal(backoff.currentState, 'paused');
    assert.deepEqual(budgets, [0]);
    await probeStarted;
    assert.deepEqual(budgets, [0, 1]);
    // A failed probe pauses again at a higher level; a stale outcome changes nothing.
    const stale = { epoch: -1 };
    backoff.record(stale, true);
    assert.equal(backoff.currentState, 'probing');
    const secondProbe = new Promise<void>((resolve) => (probing = resolve));
    backoff.record(backoff.admit(), false);
    assert.equal(backoff.currentState, 'paused');
    assert.equal(backoff.currentLevel, 2);
    await secondProbe;
    // Two successful probes bring it back to full max-in-flight.
    backoff.record(backoff.admit(), true);
    assert.equal(backoff.currentState, 'probing');
    backoff.record(backoff.admit(), true);
    assert.equal(backoff.currentState, 'normal');
    assert.equal(budgets.at(-1), 16);
    backoff.close();
  });
});

describe('dead-letter body encoding', () => {
  it('keeps UTF-8 text readable and binary bodies intact', () => {
    assert.deepEqual(encodeBody(Buffer.from('héllo')), { body: 'héllo', bodyEncoding: 'utf8' });
    const binary = Buffer.from([0xff, 0x00, 0xfe]);
    const encoded = encodeBody(binary);
    assert.equal(encoded.bodyEncoding, 'base64');
    assert.deepEqual(decodeDeadLetterBody(encoded), binary);
  });
});
