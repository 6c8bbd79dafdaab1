import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSameOnEveryRun, requestIndependentBindings } from '../../../src/analysis/client-lifetime/request-independent';
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

/** For every `new Probe(...)`: are its arguments the same on every run of their function? */
function sameOnEveryRun(code: string): boolean[] {
  return probeAll(code, (node, context) => {
    if (node.type !== 'NewExpression') throw new Error('expected new Probe()');
    return isSameOnEveryRun(node.arguments, context.sourceCode.getScope(node));
  });
}

describe('isSameOnEveryRun', () => {
  it('accepts the function\'s own consts built from literals, module constants and globals, a few deep', () => {
    assert.deepEqual(
      sameOnEveryRun(`
        const BASE = 'https://api.example.com';
        function getClient() {
          const url = process.env.SUPABASE_URL ?? BASE;
          const key = process.env.SUPABASE_KEY;
          if (!url || !key) throw new Error('missing');
          const options = { auth: { persistSession: false }, url: \`\${url}/rest\` };
          new Probe(url, key, options);
          new Probe({ keepAlive: true });
        }
      `),
      [true, true],
    );
  });

  it('rejects locals from parameters, calls, reassigned lets, destructuring and this', () => {
    assert.deepEqual(
      sameOnEveryRun(`
        function forTenant(tenant) {
          const key = tenant.key;
          const secret = readSecret('key');
          let url = process.env.URL;
          if (tenant.eu) url = process.env.EU_URL;
          const { token } = process.env;
          new Probe(key);
          new Probe(secret);
          new Probe(url);
          new Probe(token);
          new Probe(this.options);
        }
      `),
      [false, false, false, false, false],
    );
  });
});
