/**
 * settings.keepalive: valid lists are passed through; malformed ones stop the lint (through the real
 * ESLint Linter, both rules that read settings) with an error naming the setting and its shape.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin from '../../src/index';
import { parseSharedSettings } from '../../src/analysis/settings';

function errorOf(raw: unknown): string {
  const parsed = parseSharedSettings(raw);
  assert.ok(parsed instanceof Error, `${JSON.stringify(raw)} is rejected`);
  return parsed.message;
}

describe('parseSharedSettings', () => {
  it('passes valid lists through and fills in absent ones', () => {
    const raw = {
      poolConstructors: [
        { from: 'package', package: '@acme/http', name: 'HttpClient' },
        { from: 'global', name: ['Pool'] },
      ],
      handlerRegistrations: [{ object: 'bus', method: 'subscribe', argument: 1 }, { method: 'onMessage' }],
    };
    assert.deepEqual(parseSharedSettings(raw), { ...raw, consumingHelpers: [] });
    assert.deepEqual(parseSharedSettings({}), { poolConstructors: [], handlerRegistrations: [], consumingHelpers: [] });
  });

  it('rejects an object where a list belongs (it used to turn the constructor off silently)', () => {
    const message = errorOf({ poolConstructors: { from: 'package', package: '@acme/http', name: 'HttpClient' } });
    assert.match(message, /settings\.keepalive\.poolConstructors is an object/);
    assert.match(message, /expected \(\{ from: 'package', package: string, name: string \| string\[\] \} \| \{ from: 'global', .*\}\)\[\]/);
  });

  it('names the entry and the key inside it', () => {
    assert.match(
      errorOf({ poolConstructors: [{ from: 'package', package: '@acme/http' }] }),
      /settings\.keepalive\.poolConstructors\[0\] has no "name"; expected \{ from: 'package', package: string, name: string \| string\[\] \}/,
    );
    assert.match(
      errorOf({ poolConstructors: [{ from: 'package', package: '@acme/http', name: 3 }] }),
      /settings\.keepalive\.poolConstructors\[0\]\.name is the number 3; expected string \| string\[\]/,
    );
    assert.match(
      errorOf({ handlerRegistrations: [{ object: 'bus', method: 'subscribe' }, { object: 'bus' }] }),
      /settings\.keepalive\.handlerRegistrations\[1\] has no "method"; expected \{ object\?: string, method: string, argument\?: non-negative integer \}/,
    );
    assert.match(
      errorOf({ handlerRegistrations: [{ method: 'subscribe', argument: -1 }] }),
      /handlerRegistrations\[0\]\.argument is -1, below 0/,
    );
    assert.match(errorOf({ consumingHelpers: [{ from: 'global', name: [] }] }), /consumingHelpers\[0\]\.name is an empty array/);
    assert.match(
      errorOf({ consumingHelpers: [{ from: 'pkg', package: 'x', name: 'drain' }] }),
      /consumingHelpers\[0\] is an object; expected \{ from: 'package'.* \| \{ from: 'global'/,
    );
  });

  it('rejects unknown keys (a typo would do nothing) and a settings value that is not an object', () => {
    assert.match(
      errorOf({ poolConstructor: [] }),
      /settings\.keepalive\.poolConstructor is not a known key; expected one of the keys poolConstructors, handlerRegistrations, consumingHelpers/,
    );
    assert.match(errorOf(['poolConstructors']), /settings\.keepalive is an array; expected \{ poolConstructors\?: /);
  });
});

describe('malformed settings.keepalive in a lint run', () => {
  const code = `import https from 'node:https';\nexport const agent = new https.Agent({ keepAlive: true });\n`;

  for (const rule of ['no-client-per-request', 'no-unconsumed-body'] as const) {
    it(`stop keepalive/${rule} with an error that names the setting`, () => {
      const linter = new Linter();
      const config = {
        plugins: { keepalive: plugin },
        rules: { [`keepalive/${rule}`]: 'error' as const },
        settings: { keepalive: { handlerRegistrations: { object: 'bus', method: 'subscribe' } } },
      };
      assert.throws(
        () => linter.verify(code, config, 'src/agent.js'),
        /settings\.keepalive\.handlerRegistrations is an object; expected \{ object\?: string, method: string, argument\?: non-negative integer \}\[\]/,
      );
      // The same config with a valid list lints.
      config.settings.keepalive.handlerRegistrations = [{ object: 'bus', method: 'subscribe' }] as never;
      assert.deepEqual(linter.verify(code, config, 'src/agent.js'), []);
    });
  }
});
