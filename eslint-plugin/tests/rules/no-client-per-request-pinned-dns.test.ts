/**
 * no-client-per-request and the SSRF-guard pattern: an undici dispatcher whose `connect.lookup` is
 * built from this call's resolved address (`createPinnedLookup({ hostname, addresses })`, a closure
 * over the checked address) must connect to exactly that address, so one dispatcher per call is the
 * point and stays quiet — also through a factory (`createPinnedDispatcher(pinned)`). A lookup that is
 * the same on every call, or none, pins nothing: that dispatcher is still a pool rebuilt per call.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
const HOIST = 'Create it once at module scope and reuse it.';
const WHERE = 'in `fetchGuarded()`, which uses it for one call and then drops it';

/** A guarded fetch whose dispatcher options are `options`. */
const guarded = (options: string, imports = '') => `import { Agent } from 'undici';
import { resolvePinnedHostname, createPinnedLookup } from './ssrf';${imports}

export async function fetchGuarded(url: string) {
  const pinned = await resolvePinnedHostname(new URL(url).hostname);
  const dispatcher = new Agent(${options});
  try {
    const res = await fetch(url, { dispatcher } as RequestInit);
    return await res.text();
  } finally {
    await dispatcher.close();
  }
}`;

const KEYED =
  'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.';
const reported = (name: string, options: string, imports = '', advice = HOIST) => ({
  name,
  code: guarded(options, imports),
  // The function closes the dispatcher, so no module-scope hoist is offered.
  errors: [
    {
      messageId: 'poolPerRequest' as const,
      line: imports ? 7 : 6,
      data: { client: 'new Agent()', where: WHERE, advice },
      suggestions: [],
    },
  ],
});

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (pinned DNS dispatchers)', rule as never, {
  valid: [
    {
      name: 'a lookup built from the resolved address of this call',
      code: guarded('{ connect: { lookup: createPinnedLookup({ hostname: pinned.hostname, addresses: pinned.addresses }) } }'),
    },
    {
      name: 'a lookup closure over the resolved address',
      code: guarded('{ connect: { lookup: (_host, _opts, cb) => cb(null, pinned.addresses[0], 4) } }'),
    },
    {
      name: 'a pinned dispatcher from a factory called per request',
      code: `import express from 'express';
import { Agent } from 'undici';
import { resolvePinnedHostname, createPinnedLookup } from './ssrf';

function createPinnedDispatcher(pinned) {
  return new Agent({ connect: { lookup: createPinnedLookup(pinned) } });
}

const app = express();
app.get('/preview', async (req, res) => {
  const pinned = await resolvePinnedHostname(String(req.query.host));
  const dispatcher = createPinnedDispatcher(pinned);
  res.send(await (await fetch(String(req.query.url), { dispatcher } as RequestInit)).text());
});`,
    },
  ],
  invalid: [
    reported('no lookup: a pool per call', '{ connect: { timeout: 5000 } }'),
    reported('a module-scope lookup is the same on every call', '{ connect: { lookup: cachedLookup } }', "\nimport { cachedLookup } from './dns-cache';"),
    reported('dns.lookup pins nothing', '{ connect: { lookup: dns.lookup } }', "\nimport dns from 'node:dns';"),
    reported(
      'a lookup function that uses only module-scope names pins nothing',
      '{ connect: { lookup: (host, opts, cb) => dns.lookup(host, opts, cb) } }',
      "\nimport dns from 'node:dns';",
      KEYED,
    ),
  ],
});
