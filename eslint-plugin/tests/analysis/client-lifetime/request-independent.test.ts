import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestIndependentBindings } from '../../../src/analysis/client-lifetime/request-independent';
import { probeAll } from '../../support/probe-linter';

/** For every `new Probe(...)`: undefined when request-dependent, else the module bindings it reads. */
function bindings(code: string): (string[] | undefined)[] {
  return probeAll(code, (node, context) => {
    if (node.type !== 'NewExpression') throw new Error('expected new Probe()');
    const found = requestIndependentBindings(node.arguments, context.sourceCode.getScope(node));
    return found && [...found].map((variable) => variable.name).sort();
  });
}

describe('requestIndependentBindings', () => {
  it('accepts literals, module-scope constants, imports and globals', () => {
    assert.deepEqual(
      bindings(`
        import { ca } from './tls';
        const BASE = 'https://api.example.com';
        const config = { timeout: 5000 };
        function handler(req) {
          new Probe({ keepAlive: true, maxSockets: 16, timeout: config.timeout, ca, url: \`\${BASE}/v1\` });
          new Probe(process.env.PROXY ?? 'http://proxy:3128', [1, 2], -1, !false, undefined);
        }
      `),
      [['BASE', 'ca', 'config'], []],
    );
  });

  it('rejects request data, locals, reassigned bindings, calls and functions', () => {
    assert.deepEqual(
      bindings(`
        let mutable = 1;
        mutable = 2;
        function handler(req) {
          const local = 1;
          new Probe({ cert: req.tenant.cert });
          new Probe({ value: local });
          new Probe({ value: mutable });
          new Probe({ ca: readFileSync('ca.pem') });
          new Probe({ lookup: (host, options, callback) => callback(null, host) });
          new Probe({ [req.key]: 1 });
          new Probe(this.options);
        }
      `),
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });
});
