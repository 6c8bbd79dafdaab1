import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE, readSettings } from '../src/settings';

const RULES = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'];

function read(values: Record<string, unknown>) {
  return readSettings((key) => values[key], RULES);
}

describe('readSettings', () => {
  it('gives every default when nothing is set', () => {
    const { settings, warnings } = read({});
    assert.deepEqual(warnings, []);
    assert.equal(settings.enable, true);
    assert.equal(settings.run, 'onType');
    assert.equal(settings.standDownForEslint, true);
    assert.equal(settings.lint.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.deepEqual(settings.lint.rules, {
      'keepalive/no-client-per-request': 'warn',
      'keepalive/no-unconsumed-body': 'warn',
      'keepalive/no-disabled-keepalive': 'warn',
    });
  });

  it('applies per-rule severities with or without the keepalive/ prefix', () => {
    const { settings, warnings } = read({
      rules: { 'no-unconsumed-body': 'error', 'keepalive/no-disabled-keepalive': 'off' },
    });
    assert.deepEqual(warnings, []);
    assert.equal(settings.lint.rules['keepalive/no-unconsumed-body'], 'error');
    assert.equal(settings.lint.rules['keepalive/no-disabled-keepalive'], 'off');
    assert.equal(settings.lint.rules['keepalive/no-client-per-request'], 'warn');
  });

  it('passes the shared lists through and reports values of the wrong type', () => {
    const registration = { object: 'bus', method: 'subscribe', argument: 1 };
    const { settings, warnings } = read({
      handlerRegistrations: [registration],
      poolConstructors: 'HttpClient',
      run: 'always',
      maxFileSize: -5,
      rules: { 'no-such-rule': 'error', 'no-unconsumed-body': 2 },
    });
    assert.deepEqual(settings.lint.handlerRegistrations, [registration]);
    assert.deepEqual(settings.lint.poolConstructors, []);
    assert.equal(settings.run, 'onType');
    assert.equal(settings.lint.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.equal(settings.lint.rules['keepalive/no-unconsumed-body'], 'warn');
    assert.equal(warnings.length, 5);
    assert.match(warnings.join('\n'), /keepalive\.poolConstructors: ignoring "HttpClient"/);
    assert.match(warnings.join('\n'), /unknown rule "no-such-rule"/);
    assert.match(warnings.join('\n'), /keepalive\.rules\.no-unconsumed-body: ignoring 2/);
  });
});
